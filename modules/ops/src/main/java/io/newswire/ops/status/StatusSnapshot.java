package io.newswire.ops.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What `newswire status` saw of a cluster at one moment.
 *
 * @param takenAt     when
 * @param bootstrap   the bootstrap servers asked
 * @param error       why the cluster could not be read. May be null (it could).
 * @param brokers     the brokers, {@code id host:port}, controller marked
 * @param topics      each topic (internal ones left out)
 * @param groups      each consumer group (Streams applications included) with its lag and members
 * @param deadLetters dead letters of the last hour, by {@code stage / reason code}, most first
 * @param latency      end-to-end latency of the last hour's article versions. May be null (not measured, or none).
 * @param latencyError why the latency could not be measured. May be null (it could, or was not asked for).
 */
public record StatusSnapshot(Instant takenAt, String bootstrap, String error, List<String> brokers, List<TopicStatus> topics,
                             List<GroupStatus> groups, Map<String, Long> deadLetters, Latency latency, String latencyError) {

    /** A snapshot without latency (not measured). */
    public StatusSnapshot(final Instant takenAt, final String bootstrap, final String error, final List<String> brokers,
                          final List<TopicStatus> topics, final List<GroupStatus> groups, final Map<String, Long> deadLetters) {
        this(takenAt, bootstrap, error, brokers, topics, groups, deadLetters, null, null);
    }

    /**
     * @param name        topic name
     * @param partitions  partition count
     * @param sizeBytes   bytes on disk, the largest replica of each partition summed; -1 when unknown
     * @param retentionMs retention.ms (-1: forever)
     * @param cleanup     cleanup.policy
     * @param endOffsets  every partition's end offset, summed: what has ever been written (transaction markers
     *                    included), so its growth between two snapshots is the topic's throughput
     */
    public record TopicStatus(String name, int partitions, long sizeBytes, long retentionMs, String cleanup, long endOffsets) {
    }

    /**
     * @param groupId    group id
     * @param state      the group's state (STABLE, EMPTY, ...)
     * @param lag        records behind the end, summed over its partitions
     * @param partitions partitions it has committed offsets for
     * @param worst      the partition furthest behind, {@code topic-partition}. May be null (no lag).
     * @param streams    a Kafka Streams application's group (its members use Streams' assignor, or its id is one of
     *                   Newswire's Streams application ids)
     * @param behind     each partition's lag, one entry per partition with a committed offset
     * @param members    the group's members now, each with the partitions assigned to it (none when EMPTY)
     */
    public record GroupStatus(String groupId, String state, long lag, int partitions, String worst, boolean streams,
                              List<PartitionLag> behind, List<Member> members) {

        /** A group seen without its partitions' lags or members. */
        public GroupStatus(final String groupId, final String state, final long lag, final int partitions, final String worst) {
            this(groupId, state, lag, partitions, worst, false, List.of(), List.of());
        }
    }

    /** One partition's lag in a group: end offset minus the committed offset. */
    public record PartitionLag(String topic, int partition, long lag) {
    }

    /**
     * One member of a group: for a Streams group, one stream thread's consumer (an instance runs
     * {@code processing.threads} of them).
     *
     * @param clientId its client id ({@code <application>-<uuid>-StreamThread-<n>-consumer} for Streams)
     * @param host     where it connects from
     * @param assigned the partitions it holds, {@code topic-partition}, sorted
     */
    public record Member(String clientId, String host, List<String> assigned) {
    }

    /**
     * End-to-end latency of the article versions written in the last hour: from the gateway's acceptance of the
     * report (its {@code reportReceivedAt}) to the processing step writing the version ({@code versionCreated}).
     *
     * @param versions how many versions were measured (the newest {@code ClusterStatus.LATENCY_SAMPLE} per partition at most)
     */
    public record Latency(long versions, long p50Ms, long p95Ms, long p99Ms, long maxMs) {

        /** The percentiles (nearest rank) of these latencies in milliseconds; null when there are none. */
        public static Latency of(final long[] millis) {
            if (millis.length == 0) {
                return null;
            }
            final long[] sorted = millis.clone();
            java.util.Arrays.sort(sorted);
            return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted[sorted.length - 1]);
        }

        private static long rank(final long[] sorted, final double quantile) {
            return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
        }
    }

    /** The dead letters of the last hour, all reasons. */
    public long deadLetterCount() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }
}
