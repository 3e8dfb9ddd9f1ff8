package io.newswire.bench;

import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** What the broker benchmarks share: init as deployed, waiting for a group to drain, changelog size, the ceiling. */
final class BrokerBench {

    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

    private BrokerBench() {
    }

    /** What {@code newswire init} does: every topic, every subject registered (auto-registration stays off). */
    static void init(final NewswireConfig config) {
        try (Admin admin = Admin.create(KafkaClientConfigs.admin(config));
             NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig())) {
            new TopicAdmin(admin, config.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG),
                    config.getInt(NewswireConfig.TOPIC_MIN_INSYNC_REPLICAS_CONFIG)).ensure(Topics.everything());
            serdes.registerAll(Topics.all());
        }
    }

    /**
     * Waits until the group has committed up to the end of every partition of the topics it reads (the first of
     * {@code required} must have commits before it counts): every input then has its outcome written, under
     * exactly-once in the same transactions as those offsets.
     */
    static void awaitDrained(final Admin admin, final String group, final Set<String> read, final Set<String> required) throws Exception {
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            final Set<String> present = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            if (present.containsAll(required)) {
                final Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (final String topic : read) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                            .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                }
                final Map<TopicPartition, Long> end = new HashMap<>();
                admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
                // under exactly-once the end offset sits one past a transaction marker, which the committed offset also passes
                final boolean drained = end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue() - 1));
                if (drained) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("group " + group + " did not drain within " + DRAIN_TIMEOUT);
    }

    /** Bytes on disk of the group's changelog topics (the broker's log directories; compressed as written). */
    static long changelogBytes(final Admin admin, final String group) throws Exception {
        final Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(
                admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList()).allDescriptions().get(30, TimeUnit.SECONDS);
        long total = 0;
        for (final Map<String, LogDirDescription> byDir : dirs.values()) {
            for (final LogDirDescription dir : byDir.values()) {
                for (final Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (replica.getKey().topic().startsWith(group + "-") && replica.getKey().topic().endsWith("-changelog")) {
                        total += replica.getValue().size();
                    }
                }
            }
        }
        return total;
    }

    /**
     * Records (with their transactions' commit markers, one per partition per commit) on every topic the filter
     * accepts: the sum of their end offsets.
     */
    static long endOffsets(final Admin admin, final java.util.function.Predicate<String> topics) throws Exception {
        final Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(topics).collect(Collectors.toSet());
        final Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) -> description.partitions()
                .forEach(p -> ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** A byte copy of a topic under exactly-once: this machine's ceiling for a Streams application on that input. */
    static double byteCopy(final NewswireConfig config, final String topic, final int partitions, final long records,
                           final Path root) throws Exception {
        return byteCopy(config, topic, partitions, records, root, Map.of(), "");
    }

    /**
     * The byte copy with extra producer settings (as the application under test has them), into its own topic and
     * group named with the suffix.
     */
    static double byteCopy(final NewswireConfig config, final String topic, final int partitions, final long records,
                           final Path root, final Map<String, Object> producer, final String suffix) throws Exception {
        final String copyTopic = "bench.copy" + suffix + "." + topic;
        try (Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
            admin.createTopics(List.of(new NewTopic(copyTopic, partitions, (short) 1))).all().get();
        }
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(copyTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        final Properties props = new Properties();
        props.putAll(config.kafkaCommon());
        producer.forEach((key, value) -> props.put(StreamsConfig.producerPrefix(key), value));
        final String group = "bench-copy" + suffix + "-" + topic;
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, group);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, root.resolve("copy-state" + suffix + "-" + topic).toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        final long start = System.nanoTime();
        try (KafkaStreams copy = new KafkaStreams(builder.build(), props);
             Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
            copy.start();
            while (true) {
                final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                final long done = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
                if (done >= records) {
                    return records / ((System.nanoTime() - start) / 1e9);
                }
                if (System.nanoTime() - start > DRAIN_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("byte copy did not finish");
                }
                Thread.sleep(100);
            }
        }
    }
}
