package io.newswire.bench;

import io.newswire.embedded.EmbeddedStack;
import io.newswire.enrichment.BuiltInEnrichment;
import io.newswire.enrichment.ReportEnricher;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.EnrichedReport;
import io.newswire.model.topics.Topics;
import io.newswire.processing.ProcessingApp;
import io.newswire.processing.ProcessingSerdes;
import io.newswire.processing.ProcessingTopology;
import io.newswire.processing.articles.DeskRouter;
import io.newswire.processing.normalize.ReportNormalizer;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.serde.NewswireSerdes;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Throughput of the articles step alone, as deployed, on a real broker: the production articles stage
 * ({@link ProcessingTopology#addArticlesStage}: dedup, versions, its stores and changelogs, the article, status and
 * report-desk topics) with exactly-once v2 and the processing application's settings, fed from a topic of enriched
 * reports keyed by one desk, so every report goes through one articles task. Validation, normalisation and
 * enrichment are done before, in the benchmark, and are not timed: they run in parallel over the reports topic's
 * partitions, while one desk's articles are one task.
 *
 * <ol>
 *   <li>Fill: {@code stored} normalised reports (2-3 KB, Arabic letters, 10 % updates and 10 % rewordings) through
 *       the step from an empty history.</li>
 *   <li>Measure: {@code measured} more, fully enriched, produced at once; the time until the application has
 *       committed past them gives reports/s with {@code stored} already held.</li>
 *   <li>Ceiling: a Kafka Streams byte copy (exactly-once v2) of the same input topic in the same run.</li>
 * </ol>
 *
 * <p>Run: {@code modules/bench/run ArticlesStepBenchmark 100000 20000}; with {@code -Dbench.jfr=FILE} in
 * {@code BENCH_JAVA_OPTS} the measure phase is recorded with JFR's profile settings.
 */
public final class ArticlesStepBenchmark {

    private static final String INPUT = "bench.articles-step.in";
    private static final String APPLICATION_ID = "bench-articles-step";

    private ArticlesStepBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final int stored = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        final Path root = Files.createTempDirectory("newswire-bench-articles-step");
        try (EmbeddedStack stack = EmbeddedStack.temporary(root.resolve("stack")).start()) {
            final NewswireConfig config = NewswireConfig.load(null, Map.of(), Map.of(
                    NewswireConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    NewswireConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                    NewswireConfig.DATA_DIR_CONFIG, root.resolve("data").toString(),
                    NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG, APPLICATION_ID));
            BrokerBench.init(config);
            try (Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
                admin.createTopics(List.of(new NewTopic(INPUT, ProcessingTopology.DESK_PARTITIONS, (short) 1))).all().get();
            }
            final List<EnrichedReport> fill = prepare(stored, measured);
            final List<EnrichedReport> more = fill.subList(stored, stored + measured);
            System.out.printf(Locale.ROOT, "%,d normalised reports to fill, %,d enriched to measure%n", stored, measured);
            try (NewswireSerdes registry = NewswireSerdes.fromConfig(config.serdeConfig());
                 KafkaProducer<String, EnrichedReport> producer = new KafkaProducer<>(
                         KafkaClientConfigs.durableProducer(config, "bench-producer", 120_000), new StringSerializer(),
                         ProcessingSerdes.from(registry).internalEnriched().serializer());
                 Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
                final ProcessingSerdes serdes = ProcessingSerdes.from(registry);
                final Set<String> read = Set.of(INPUT);
                final long fillStart = System.nanoTime();
                fill.subList(0, stored).forEach(r -> send(producer, r));
                producer.flush();
                try (KafkaStreams streams = new KafkaStreams(topology(serdes, config), properties(config))) {
                    streams.start();
                    BrokerBench.awaitDrained(admin, APPLICATION_ID, read, read);
                    final double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                    System.out.printf(Locale.ROOT, "fill: %,d reports from an empty history in %.0f s = %,.0f reports/s%n",
                            stored, fillSeconds, stored / fillSeconds);

                    final long changelogBefore = BrokerBench.changelogBytes(admin, APPLICATION_ID);
                    final long changelogRecordsBefore = BrokerBench.endOffsets(admin, ArticlesStepBenchmark::isChangelog);
                    final long outcomesBefore = BrokerBench.endOffsets(admin, ArticlesStepBenchmark::isOutcome);
                    final Recording recording = startRecording();
                    final long start = System.nanoTime();
                    more.forEach(r -> send(producer, r));
                    producer.flush();
                    BrokerBench.awaitDrained(admin, APPLICATION_ID, read, read);
                    final double seconds = (System.nanoTime() - start) / 1e9;
                    stopRecording(recording);
                    System.out.printf(Locale.ROOT, "measure: %,d more reports through the articles step in %.1f s with %,d stored = %,.0f reports/s "
                                    + "(%.0f µs a report); changelogs grew %,.0f bytes a report%n",
                            measured, seconds, stored, measured / seconds, seconds * 1e6 / measured,
                            (double) (BrokerBench.changelogBytes(admin, APPLICATION_ID) - changelogBefore) / measured);
                    System.out.printf(Locale.ROOT, "records written a report (commit markers included): %.1f to changelogs, %.1f to outcome topics%n",
                            (double) (BrokerBench.endOffsets(admin, ArticlesStepBenchmark::isChangelog) - changelogRecordsBefore) / measured,
                            (double) (BrokerBench.endOffsets(admin, ArticlesStepBenchmark::isOutcome) - outcomesBefore) / measured);
                }
            }
            final double copy = BrokerBench.byteCopy(config, INPUT, ProcessingTopology.DESK_PARTITIONS, stored + measured, root);
            System.out.printf(Locale.ROOT, "ceiling: a Kafka Streams byte copy (exactly_once_v2) of the same %,d records: %,.0f records/s%n",
                    stored + measured, copy);
            final double tuned = BrokerBench.byteCopy(config, INPUT, ProcessingTopology.DESK_PARTITIONS, stored + measured, root,
                    ProcessingApp.producerTuning(), "-tuned");
            System.out.printf(Locale.ROOT, "ceiling with the processing application's producer settings %s: %,.0f records/s%n",
                    ProcessingApp.producerTuning(), tuned);
        }
    }

    private static boolean isChangelog(final String topic) {
        return topic.startsWith(APPLICATION_ID + "-") && topic.endsWith("-changelog");
    }

    /** The topics the articles step's outcomes go to (versions, latest articles, statuses, dead letters, report desks, reroutes). */
    private static boolean isOutcome(final String topic) {
        return Set.of(Topics.ARTICLE_UPDATES.name(), Topics.ARTICLES.name(), Topics.REPORT_STATUS.name(), Topics.DEAD_LETTERS.name(),
                Topics.REPORT_DESKS.name(), Topics.REROUTES.name()).contains(topic);
    }

    /** The articles stage on the benchmark's input topic, with the report-desks table it reads, as in production. */
    private static org.apache.kafka.streams.Topology topology(final ProcessingSerdes serdes, final NewswireConfig config) {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(Topics.REPORT_DESKS.name(), Consumed.with(serdes.key(), Serdes.String()),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(DeskRouter.REPORT_DESKS_STORE)
                        .withKeySerde(serdes.key()).withValueSerde(Serdes.String()));
        ProcessingTopology.addArticlesStage(builder, builder.stream(INPUT, Consumed.with(serdes.key(), serdes.internalEnriched())),
                serdes, new MatchingTextNormalizer(), ProcessingApp.dedupSettings(config), config.articlesRetention());
        return builder.build();
    }

    private static Properties properties(final NewswireConfig config) {
        final Properties props = ProcessingApp.streamsConfig(config);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        return props;
    }

    /** Normalised reports of one desk; the last {@code enriched} of them also enriched, on every core (not timed). */
    private static List<EnrichedReport> prepare(final int stored, final int enriched) {
        final SyntheticWire wire = new SyntheticWire(new Random(11), System.currentTimeMillis() - stored - enriched - 60_000L, 1,
                1, 50_000, 300, SyntheticWire.Script.ARABIC);
        final ReportNormalizer normalizer = new ReportNormalizer(new MatchingTextNormalizer());
        final List<EnrichedReport> reports = IntStream.range(0, stored + enriched)
                .mapToObj(i -> normalizer.prepare(wire.next(), Instant.now())).toList();
        final ReportEnricher enricher = BuiltInEnrichment.shared();
        reports.subList(stored, stored + enriched).parallelStream()
                .forEach(r -> r.setEnrichment(enricher.enrich(r.getReport(), r.getEnrichment())));
        return reports;
    }

    private static void send(final KafkaProducer<String, EnrichedReport> producer, final EnrichedReport report) {
        producer.send(new ProducerRecord<>(INPUT, null, report.getReport().getReceivedAt().toEpochMilli(),
                report.getReport().getDesk(), report), (metadata, error) -> {
            if (error != null) {
                throw new IllegalStateException("send failed", error);
            }
        });
    }

    private static Recording startRecording() throws Exception {
        final String file = System.getProperty("bench.jfr");
        if (file == null) {
            return null;
        }
        final Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(file));
        recording.start();
        return recording;
    }

    private static void stopRecording(final Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.println("JFR recording of the measure phase: " + System.getProperty("bench.jfr"));
        }
    }
}
