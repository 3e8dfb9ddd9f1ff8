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
 * @param groups      each consumer group (Streams applications included) with its lag
 * @param deadLetters dead letters of the last hour, by {@code stage / reason code}, most first
 */
public record StatusSnapshot(Instant takenAt, String bootstrap, String error, List<String> brokers, List<TopicStatus> topics,
                             List<GroupStatus> groups, Map<String, Long> deadLetters) {

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
     */
    public record GroupStatus(String groupId, String state, long lag, int partitions, String worst) {
    }

    /** The dead letters of the last hour, all reasons. */
    public long deadLetterCount() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }
}
