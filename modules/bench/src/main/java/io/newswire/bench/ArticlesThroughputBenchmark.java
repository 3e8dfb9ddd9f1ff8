package io.newswire.bench;

import io.newswire.embedded.EmbeddedStack;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingApp;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Throughput of the processing application as deployed, on a real broker: an in-JVM KRaft broker and the registry
 * (the dev stack's parts), topics created and schemas registered as {@code newswire init} does, auto-registration
 * off, exactly-once v2, the default settings (but {@code processing.threads}, the third argument, 1 by default). One desk, so every report goes through
 * one articles task: the hardest case for the articles step.
 *
 * <ol>
 *   <li>Fill: {@code stored} reports of one desk (2-3 KB, words in Arabic letters, 10 % updates and 10 % rewordings)
 *       are produced and processed; the rate while the history grows from 0 is printed.</li>
 *   <li>Measure: {@code measured} more are produced at once; the time from the first send until processing's
 *       consumer group has committed past every input (the reports topic, the by-desk repartition topic) gives
 *       reports/s with {@code stored} reports already held; the changelog bytes written meanwhile give bytes/report.</li>
 *   <li>Restart: the application is started again on the same state directory and 100 more reports are sent: the
 *       time to decide them is the start-up time with that history.</li>
 *   <li>Ceiling: a Kafka Streams byte copy (exactly-once v2, same commit interval) of the same reports topic on the
 *       same broker in the same run, so the pipeline's rate can be read against what this machine does at all.</li>
 * </ol>
 *
 * <p>Run: {@code modules/bench/run ArticlesThroughputBenchmark 100000 20000 [threads]}
 */
public final class ArticlesThroughputBenchmark {

    private static final String DESK_PREFIX = "desk-";
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

    private ArticlesThroughputBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int stored = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        final int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        final Path root = Files.createTempDirectory("newswire-bench-throughput");
        try (EmbeddedStack stack = EmbeddedStack.temporary(root.resolve("stack")).start()) {
            final NewswireConfig config = NewswireConfig.load(null, Map.of(), Map.of(
                    NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                    NewswireConfig.DATA_DIR_CONFIG, root.resolve("data").toString(),
                    NewswireConfig.PROCESSING_THREADS_CONFIG, threads));
            System.out.printf(Locale.ROOT, "processing.threads=%d%n", threads);
            init(config);
            // one desk; 1 ms apart, so the whole history is inside the 72 h dedup horizon
            final SyntheticWire wire = new SyntheticWire(new Random(11), System.currentTimeMillis() - stored - measured - 60_000L, 1,
                    1, 50_000, 300, SyntheticWire.Script.ARABIC);
            try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
                 KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(
                         KafkaClientConfigs.durableProducer(config, "bench-producer", 120_000), new StringSerializer(),
                         serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).serializer());
                 Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
                final String group = config.getString(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG);
                long bytes = 0;
                final long fillStart = System.nanoTime();
                for (int i = 0; i < stored; i++) {
                    bytes += send(producer, wire.next());
                }
                producer.flush();
                System.out.printf(Locale.ROOT, "%,d reports of one desk, %.1f KB each on average (Avro)%n", stored, bytes / 1024.0 / stored);
                try (ProcessingApp app = ProcessingApp.start(config)) {
                    if (!app.awaitRunning(Duration.ofMinutes(2))) {
                        throw new IllegalStateException("processing did not start: " + app.state());
                    }
                    awaitDrained(admin, group);
                    final double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                    System.out.printf(Locale.ROOT, "fill: %,d reports processed from an empty history in %.0f s = %,.0f reports/s%n",
                            stored, fillSeconds, stored / fillSeconds);

                    final long changelogBefore = changelogBytes(admin, group);
                    final long start = System.nanoTime();
                    for (int i = 0; i < measured; i++) {
                        send(producer, wire.next());
                    }
                    producer.flush();
                    final double sentSeconds = (System.nanoTime() - start) / 1e9;
                    awaitDrained(admin, group);
                    final double seconds = (System.nanoTime() - start) / 1e9;
                    final double perReport = (double) (changelogBytes(admin, group) - changelogBefore) / measured;
                    System.gc();
                    System.out.printf(Locale.ROOT, "measure: %,d more reports (sent in %.1f s) processed in %.1f s with %,d already stored = %,.0f reports/s; "
                                    + "changelogs grew %,.0f bytes a report (compressed, on disk); heap of this JVM after GC %,d MB%n",
                            measured, sentSeconds, seconds, stored, measured / seconds, perReport,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
                }
                // start-up with that history on local disk: the stores are there, dedup's in-memory lists and counts
                // are rebuilt from them before the first report is decided
                final long restart = System.nanoTime();
                try (ProcessingApp app = ProcessingApp.start(config)) {
                    if (!app.awaitRunning(Duration.ofMinutes(5))) {
                        throw new IllegalStateException("processing did not restart: " + app.state());
                    }
                    for (int i = 0; i < 100; i++) {
                        send(producer, wire.next());
                    }
                    producer.flush();
                    awaitDrained(admin, group);
                    System.out.printf(Locale.ROOT, "restart: %.1f s from start to 100 new reports decided, with %,d reports in the stores%n",
                            (System.nanoTime() - restart) / 1e9, stored + measured);
                }
                final double copy = byteCopy(config, stored + measured + 100, root);
                System.out.printf(Locale.ROOT, "ceiling: a Kafka Streams byte copy (exactly_once_v2) of the same %,d reports: %,.0f records/s%n",
                        stored + measured, copy);
            }
        }
    }

    /** What {@code newswire init} does: every topic, every subject registered (auto-registration stays off). */
    private static void init(final NewswireConfig config) {
        try (Admin admin = Admin.create(KafkaClientConfigs.admin(config));
             NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig())) {
            new TopicAdmin(admin, config.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG),
                    config.getInt(NewswireConfig.TOPIC_MIN_INSYNC_REPLICAS_CONFIG)).ensure(Topics.everything());
            serdes.registerAll(Topics.all());
        }
    }

    private static int send(final KafkaProducer<String, CorrespondentReport> producer, final CorrespondentReport report) {
        final ProducerRecord<String, CorrespondentReport> record = new ProducerRecord<>(Topics.REPORTS.name(), null,
                report.getReceivedAt().toEpochMilli(), report.getReportId().toString(), report);
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                throw new IllegalStateException("send failed", error);
            }
        });
        return report.toString().length(); // an estimate of the size; printed only as such
    }

    /**
     * Waits until the group has committed up to the end of every partition it reads (the reports topic and its own
     * repartition and reroute topics): every report then has its outcome written, under exactly-once in the same
     * transactions as those offsets.
     */
    private static void awaitDrained(final Admin admin, final String group) throws Exception {
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            final Set<String> read = Set.of(Topics.REPORTS.name(), group + "-by-desk-repartition", Topics.REROUTES.name());
            final Set<String> present = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            if (present.containsAll(Set.of(Topics.REPORTS.name(), group + "-by-desk-repartition"))) {
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
        throw new IllegalStateException("processing did not drain within " + DRAIN_TIMEOUT);
    }

    /** Bytes on disk of the group's changelog topics (the broker's log directories; compressed as written). */
    private static long changelogBytes(final Admin admin, final String group) throws Exception {
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

    /** A byte copy of the reports topic under exactly-once: this machine's ceiling for a Streams application. */
    private static double byteCopy(final NewswireConfig config, final long records, final Path root) throws Exception {
        final String copyTopic = "bench.copy";
        try (Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
            admin.createTopics(List.of(new NewTopic(copyTopic, Topics.REPORTS.partitions(), (short) 1))).all().get();
        }
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.REPORTS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(copyTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        final Properties props = new Properties();
        props.putAll(config.kafkaCommon());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-copy");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, root.resolve("copy-state").toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        final long start = System.nanoTime();
        try (KafkaStreams copy = new KafkaStreams(builder.build(), props);
             Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
            copy.start();
            while (true) {
                final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("bench-copy")
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
