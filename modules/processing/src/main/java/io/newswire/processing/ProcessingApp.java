package io.newswire.processing;

import io.newswire.processing.dedup.DedupSettings;
import io.newswire.enrichment.BuiltInEnrichment;
import io.newswire.processing.deadletter.DeadLetterDeserializationHandler;
import io.newswire.processing.deadletter.DeadLetterProcessingHandler;
import io.newswire.processing.deadletter.FailedThreadHandler;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.metrics.NewswireMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the processing topology: one Kafka Streams application, exactly-once (exactly_once_v2). Start more
 * instances with the same application id and they split the partitions between them.
 */
public final class ProcessingApp implements AutoCloseable {

    private final KafkaStreams streams;
    private final NewswireSerdes serdes;

    private ProcessingApp(final KafkaStreams streams, final NewswireSerdes serdes) {
        this.streams = streams;
        this.serdes = serdes;
    }

    /** Starts the application, its own meters counting into nothing; {@link #awaitRunning} waits for it to take its partitions. */
    public static ProcessingApp start(final NewswireConfig config) {
        return start(config, ProcessingMetrics.none());
    }

    /**
     * Starts the application and returns at once, its Streams metrics bound to {@code metrics} and its own meters
     * ({@link ProcessingMetrics}) registered there.
     */
    public static ProcessingApp start(final NewswireConfig config, final NewswireMetrics metrics) {
        final ProcessingApp app = start(config, new ProcessingMetrics(metrics.registry()));
        metrics.bindStreams(app.streams());
        return app;
    }

    private static ProcessingApp start(final NewswireConfig config, final ProcessingMetrics meters) {
        ensureOwnTopics(config);
        final NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        final KafkaStreams streams = new KafkaStreams(ProcessingTopology.build(ProcessingSerdes.from(serdes),
                dedupSettings(config), config.articlesRetention(), BuiltInEnrichment.forSettings(enrichmentSettings(config))),
                streamsConfig(config, meters));
        // a dying thread is replaced (after waiting for the registry when an outage killed it); with exactly-once its
        // open transaction is aborted and the records are processed again, so nothing is lost or doubled
        streams.setUncaughtExceptionHandler(new FailedThreadHandler(serdes.registry(), () -> streams.state().isRunningOrRebalancing()));
        streams.start();
        return new ProcessingApp(streams, serdes);
    }

    /**
     * Creates processing's own topics if missing ({@code newswire init} creates them too) and waits until they are
     * usable: Streams does not create the source of a global table, and an application should not depend on a step
     * run elsewhere for its own topics.
     */
    private static void ensureOwnTopics(final NewswireConfig config) {
        try (Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
            final TopicAdmin topics = new TopicAdmin(admin, config.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG),
                    config.getInt(NewswireConfig.TOPIC_MIN_INSYNC_REPLICAS_CONFIG));
            topics.ensure(Topics.processing());
            // Streams fails to start a global store on a topic whose partitions the metadata does not show yet
            topics.awaitLeaders(Topics.processing(), Duration.ofSeconds(60));
        }
    }

    /**
     * The Kafka Streams settings with the meters the processors and dead-letter handlers count into: Streams builds
     * those itself and hands each the configuration ({@link ProcessingMetrics#from}).
     */
    public static Properties streamsConfig(final NewswireConfig config, final ProcessingMetrics meters) {
        final Properties properties = streamsConfig(config);
        properties.put(ProcessingMetrics.CONFIG_KEY, meters);
        return properties;
    }

    /** The Kafka Streams settings of the processing application. */
    public static Properties streamsConfig(final NewswireConfig config) {
        final Map<String, Object> props = new HashMap<>(config.kafkaCommon());
        // the registry settings travel in the Streams config so the dead-letter handlers can write Avro
        props.putAll(config.serdeConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(NewswireConfig.PROCESSING_APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(NewswireConfig.PROCESSING_THREADS_CONFIG));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(config).toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG));
        // news is read by people waiting for it: commit (and so publish) every 100 ms rather than every 30 s
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // set through kafka.* (for all clients or for producer.*), the deployment's own values win
        producerTuning().forEach((key, value) -> {
            if (!props.containsKey(key) && !props.containsKey(StreamsConfig.producerPrefix(key))) {
                props.put(StreamsConfig.producerPrefix(key), value);
            }
        });
        final Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    /**
     * The producer settings of the application's stream threads, beyond Streams' own: each articles task writes about
     * a dozen records a report to some forty partitions (changelogs and outcome topics) in one transaction per
     * commit, most of them article versions and fingerprints of several KB. Kafka's default batch of 16 KB holds three
     * versions, so a commit's records went out as many small batches, each a request's share of broker work; batches
     * of 256 KB carry a commit's records of one partition at once (memory: at most one batch per partition in use, well
     * inside the 32 MB buffer). LZ4 roughly halves the bytes of Arabic text in Avro for little CPU, on the broker's disk and
     * in the changelogs restored after a failure (ArticlesStepBenchmark in modules/bench/results.md).
     */
    public static Map<String, Object> producerTuning() {
        return Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    /** Dedup's tuning from the settings (dedup.* keys). */
    public static DedupSettings dedupSettings(final NewswireConfig config) {
        return DedupSettings.defaults(config.dedupHorizon().toMillis())
                .withThreshold(config.getDouble(NewswireConfig.DEDUP_SIMILARITY_THRESHOLD_CONFIG));
    }

    /** Enrichment's data from the settings (enrichment.* keys); empty paths keep what is built in. */
    public static BuiltInEnrichment.Settings enrichmentSettings(final NewswireConfig config) {
        final String gazetteer = config.getString(NewswireConfig.ENRICHMENT_GAZETTEER_PATH_CONFIG);
        final String parties = config.getString(NewswireConfig.ENRICHMENT_PARTIES_PATH_CONFIG);
        return new BuiltInEnrichment.Settings(gazetteer.isBlank() ? null : Path.of(gazetteer), parties.isBlank() ? null : Path.of(parties),
                java.time.ZoneId.of(config.getString(NewswireConfig.ENRICHMENT_DEFAULT_TIME_ZONE_CONFIG)).normalized());
    }

    private static Path stateDir(final NewswireConfig config) {
        final String configured = config.getString(NewswireConfig.PROCESSING_STATE_DIR_CONFIG);
        return configured.isBlank() ? config.dataDir().resolve("streams") : Path.of(configured);
    }

    /** Waits until the application is RUNNING (its partitions assigned). */
    public boolean awaitRunning(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        // leave the group on a clean stop, so a restarted instance gets its partitions at once instead of after
        // the old member's session times out (45 s by default)
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        serdes.close();
    }

    /** Runs one processing instance (a deployment's processing service, or a child JVM in tests). */
    public static void main(final String[] args) throws InterruptedException {
        final Map<String, Object> overrides = new HashMap<>();
        for (final String arg : args) {
            final int eq = arg.indexOf('=');
            if (eq > 0) {
                overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        final NewswireConfig config = NewswireConfig.load(null, System.getenv(), overrides);
        final ProcessingApp app = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "processing-shutdown"));
        Thread.currentThread().join();
    }
}
