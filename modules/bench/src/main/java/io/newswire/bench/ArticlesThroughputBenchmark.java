package io.newswire.bench;

import io.newswire.embedded.EmbeddedStack;
import io.newswire.model.CorrespondentReport;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingApp;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
            BrokerBench.init(config);
            // one desk; 1 ms apart, so the whole history is inside the 72 h dedup horizon
            final SyntheticWire wire = new SyntheticWire(new Random(11), System.currentTimeMillis() - stored - measured - 60_000L, 1,
                    1, 50_000, 300, SyntheticWire.Script.ARABIC);
            try (NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
                 KafkaProducer<String, CorrespondentReport> producer = new KafkaProducer<>(
                         KafkaClientConfigs.durableProducer(config, "bench-producer", 120_000), new StringSerializer(),
                         serdes.<CorrespondentReport>valueSerde(Topics.REPORTS).serializer());
                 Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
                final String group = config.getString(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG);
                // drained: committed past every input (the reports topic and processing's own repartition and reroutes)
                final Set<String> read = Set.of(Topics.REPORTS.name(), group + "-by-desk-repartition", Topics.REROUTES.name());
                final Set<String> required = Set.of(Topics.REPORTS.name(), group + "-by-desk-repartition");
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
                    BrokerBench.awaitDrained(admin, group, read, required);
                    final double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                    System.out.printf(Locale.ROOT, "fill: %,d reports processed from an empty history in %.0f s = %,.0f reports/s%n",
                            stored, fillSeconds, stored / fillSeconds);

                    final long changelogBefore = BrokerBench.changelogBytes(admin, group);
                    final long start = System.nanoTime();
                    for (int i = 0; i < measured; i++) {
                        send(producer, wire.next());
                    }
                    producer.flush();
                    final double sentSeconds = (System.nanoTime() - start) / 1e9;
                    BrokerBench.awaitDrained(admin, group, read, required);
                    final double seconds = (System.nanoTime() - start) / 1e9;
                    final double perReport = (double) (BrokerBench.changelogBytes(admin, group) - changelogBefore) / measured;
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
                    BrokerBench.awaitDrained(admin, group, read, required);
                    System.out.printf(Locale.ROOT, "restart: %.1f s from start to 100 new reports decided, with %,d reports in the stores%n",
                            (System.nanoTime() - restart) / 1e9, stored + measured);
                }
                final double copy = BrokerBench.byteCopy(config, Topics.REPORTS.name(), Topics.REPORTS.partitions(), stored + measured + 100, root);
                System.out.printf(Locale.ROOT, "ceiling: a Kafka Streams byte copy (exactly_once_v2) of the same %,d reports: %,.0f records/s%n",
                        stored + measured, copy);
            }
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
}
