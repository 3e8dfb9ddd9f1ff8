package io.newswire.ops.status;

import io.newswire.ops.dlq.DeadLetterEntry;
import io.newswire.ops.dlq.DeadLetterStore;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.requests.DescribeLogDirsResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Gathers a {@link StatusSnapshot} from a running cluster with the Admin API (cluster, topics and their configs,
 * log-dir sizes, consumer groups' committed offsets against the end offsets, their members and assignments), the
 * dead-letter topic's last hour ({@link DeadLetterStore}) and, when asked, the last hour's end-to-end latency from the
 * article versions ({@link LatencyReader}). A cluster that does not answer within the timeout gives a snapshot with its error,
 * not an exception: "unreachable" is a status.
 */
public final class ClusterStatus {

    /** The assignor Kafka Streams' members name (StreamsPartitionAssignor) in a classic-protocol group. */
    private static final String STREAMS_ASSIGNOR = "stream";

    private ClusterStatus() {
    }

    /** The last hour as `newswire status` shows it, with the end-to-end latency of its article versions. */
    public static StatusSnapshot takeWithLatency(final NewswireConfig config, final Duration timeout, final Instant now) {
        final StatusSnapshot snapshot = take(config, timeout, now);
        if (snapshot.error() != null) {
            return snapshot;
        }
        StatusSnapshot.Latency latency = null;
        String latencyError = null;
        try {
            latency = LatencyReader.read(config, now.minus(Duration.ofHours(1)));
        } catch (final RuntimeException e) {
            // the versions could not be read or decoded (the registry does not answer, say): a problem, not a crash
            latencyError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new StatusSnapshot(snapshot.takenAt(), snapshot.bootstrap(), null, snapshot.brokers(), snapshot.topics(), snapshot.groups(),
                snapshot.deadLetters(), latency, latencyError);
    }

    /**
     * Everything but the latency (which reads article versions: too much for a sampler every few seconds).
     *
     * @param timeout how long each Admin call may take
     */
    public static StatusSnapshot take(final NewswireConfig config, final Duration timeout, final Instant now) {
        final Map<String, Object> props = new HashMap<>(KafkaClientConfigs.admin(config));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5_000));
        try (Admin admin = Admin.create(props)) {
            final DescribeClusterResult cluster = admin.describeCluster();
            final Node controller = get(cluster.controller(), timeout);
            final List<String> brokers = get(cluster.nodes(), timeout).stream().sorted(Comparator.comparingInt(Node::id))
                    .map(n -> n.id() + " " + n.host() + ":" + n.port() + (controller != null && n.id() == controller.id() ? " (controller)" : ""))
                    .toList();
            final List<StatusSnapshot.TopicStatus> topics = topics(admin, brokers.isEmpty() ? List.of() : get(cluster.nodes(), timeout), timeout);
            final List<StatusSnapshot.GroupStatus> groups = groups(admin, timeout, streamsApplications(config));
            return new StatusSnapshot(now, config.bootstrapServers(), null, brokers, topics, groups, deadLetters(config, now));
        } catch (final RuntimeException | ExecutionException | TimeoutException e) {
            final Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return new StatusSnapshot(now, config.bootstrapServers(), cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    List.of(), List.of(), List.of(), Map.of());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static List<StatusSnapshot.TopicStatus> topics(final Admin admin, final java.util.Collection<Node> nodes, final Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        final Set<String> names = get(admin.listTopics().names(), timeout);
        final Map<String, TopicDescription> described = get(admin.describeTopics(names).allTopicNames(), timeout);
        final List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        final Map<ConfigResource, Config> configs = get(admin.describeConfigs(resources).all(), timeout);
        // the largest replica of each partition: its size on disk, counted once however many replicas it has
        final Map<TopicPartition, Long> sizes = new HashMap<>();
        get(admin.describeLogDirs(nodes.stream().map(Node::id).toList()).allDescriptions(), timeout).values().forEach(dirs ->
                dirs.values().forEach(dir -> dir.replicaInfos().forEach((partition, replica) ->
                        sizes.merge(partition, replica.size(), Math::max))));
        final Map<TopicPartition, OffsetSpec> everyPartition = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> everyPartition.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = everyPartition.isEmpty() ? Map.of()
                : get(admin.listOffsets(everyPartition).all(), timeout);
        final List<StatusSnapshot.TopicStatus> topics = new ArrayList<>();
        for (final String name : new java.util.TreeSet<>(names)) {
            final Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            final int partitions = described.get(name).partitions().size();
            final long size = sizes.entrySet().stream().filter(e -> e.getKey().topic().equals(name)).mapToLong(Map.Entry::getValue).sum();
            final long written = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(name)).mapToLong(e -> e.getValue().offset()).sum();
            topics.add(new StatusSnapshot.TopicStatus(name, partitions, size, parseLong(value(config, "retention.ms"), -1),
                    value(config, "cleanup.policy"), written));
        }
        return topics;
    }

    /** Newswire's own Streams applications: their groups count as Streams groups even with no member to tell. */
    private static Set<String> streamsApplications(final NewswireConfig config) {
        return Set.of(config.getString(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG), config.getString(NewswireConfig.ALERTER_APPLICATION_ID_CONFIG));
    }

    private static List<StatusSnapshot.GroupStatus> groups(final Admin admin, final Duration timeout, final Set<String> streamsApplications)
            throws ExecutionException, InterruptedException, TimeoutException {
        final List<StatusSnapshot.GroupStatus> groups = new ArrayList<>();
        @SuppressWarnings("deprecation")
        final java.util.Collection<ConsumerGroupListing> listed = get(admin.listConsumerGroups().all(), timeout);
        final Map<String, KafkaFuture<ConsumerGroupDescription>> described = listed.isEmpty() ? Map.of()
                : admin.describeConsumerGroups(listed.stream().map(ConsumerGroupListing::groupId).toList()).describedGroups();
        for (final ConsumerGroupListing listing : listed.stream().sorted(Comparator.comparing(ConsumerGroupListing::groupId)).toList()) {
            final Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(listing.groupId())
                    .partitionsToOffsetAndMetadata(), timeout);
            final Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                    : get(admin.listOffsets(latest).all(), timeout);
            long lag = 0;
            long worstLag = 0;
            String worst = null;
            final List<StatusSnapshot.PartitionLag> partitions = new ArrayList<>();
            for (final Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() == null || !ends.containsKey(entry.getKey())) {
                    continue;
                }
                final long behind = Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                partitions.add(new StatusSnapshot.PartitionLag(entry.getKey().topic(), entry.getKey().partition(), behind));
                lag += behind;
                if (behind > worstLag) {
                    worstLag = behind;
                    worst = entry.getKey().toString();
                }
            }
            partitions.sort(Comparator.comparing(StatusSnapshot.PartitionLag::topic).thenComparingInt(StatusSnapshot.PartitionLag::partition));
            final ConsumerGroupDescription description = describe(described.get(listing.groupId()), timeout);
            final boolean streams = streamsApplications.contains(listing.groupId())
                    || description != null && STREAMS_ASSIGNOR.equals(description.partitionAssignor());
            groups.add(new StatusSnapshot.GroupStatus(listing.groupId(), listing.groupState().map(Enum::name).orElse("UNKNOWN"), lag,
                    committed.size(), worst, streams, partitions, members(description)));
        }
        return groups;
    }

    /** A group's description; null when it cannot be described (a group of another protocol), which costs only its members. */
    private static ConsumerGroupDescription describe(final KafkaFuture<ConsumerGroupDescription> future, final Duration timeout)
            throws InterruptedException, TimeoutException {
        try {
            return future == null ? null : get(future, timeout);
        } catch (final ExecutionException e) {
            return null;
        }
    }

    /** The group's members with their assignments, by client id. */
    private static List<StatusSnapshot.Member> members(final ConsumerGroupDescription description) {
        if (description == null) {
            return List.of();
        }
        return description.members().stream().map(ClusterStatus::member)
                .sorted(Comparator.comparing(StatusSnapshot.Member::clientId)).toList();
    }

    private static StatusSnapshot.Member member(final MemberDescription member) {
        final List<String> assigned = member.assignment().topicPartitions().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(TopicPartition::toString).toList();
        return new StatusSnapshot.Member(member.clientId(), member.host(), assigned);
    }

    /** The last hour's dead letters by stage and reason code (the error class or validation code), most first. */
    private static Map<String, Long> deadLetters(final NewswireConfig config, final Instant now) {
        try (DeadLetterStore store = new DeadLetterStore(config)) {
            final Map<String, Long> counts = new TreeMap<>();
            for (final DeadLetterEntry entry : store.read(now.minus(Duration.ofHours(1)))) {
                counts.merge(entry.stage() + " / " + entry.errorClass(), 1L, Long::sum);
            }
            final Map<String, Long> mostFirst = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
            return mostFirst;
        } catch (final IllegalStateException noDeadLetterTopic) {
            return Map.of();
        }
    }

    private static String value(final Config config, final String name) {
        return config == null || config.get(name) == null ? null : config.get(name).value();
    }

    private static long parseLong(final String text, final long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text);
        } catch (final NumberFormatException e) {
            return otherwise;
        }
    }

    private static <T> T get(final KafkaFuture<T> future, final Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
