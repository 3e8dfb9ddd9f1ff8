package io.newswire.alerter;

import io.newswire.alerter.admin.RuleAdmin;
import io.newswire.alerter.health.HealthWatcher;
import io.newswire.alerter.http.AlertStream;
import io.newswire.alerter.http.AlerterHttp;
import io.newswire.alerter.rules.RuleBook;
import io.newswire.alerter.rules.RuleParser;
import io.newswire.alerter.stream.AlertListener;
import io.newswire.alerter.stream.AlerterTopology;
import io.newswire.enrichment.text.MatchingTextNormalizer;
import io.newswire.model.AlertRule;
import io.newswire.model.topics.Topics;
import io.newswire.processing.deadletter.DeadLetterDeserializationHandler;
import io.newswire.processing.deadletter.DeadLetterProcessingHandler;
import io.newswire.processing.deadletter.FailedThreadHandler;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.kafka.TopicAdmin;
import io.newswire.runtime.kafka.TopicFollower;
import io.newswire.runtime.metrics.AlerterMetrics;
import io.newswire.serde.NewswireSerdes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The alerter application: follows the rules topic into a {@link RuleBook}, and only once it has read all of it
 * (so a restart never judges articles with half the rules) starts the Kafka Streams app ({@link AlerterTopology},
 * exactly_once_v2, application id {@code alerter.application.id}: instances with one id split the article
 * partitions), then the health watcher and the HTTP API. Reads {@code newswire.articles.updates.v1},
 * {@code newswire.alerts.rules.v1}, {@code newswire.reports.v1} and {@code newswire.dlq.v1} (health), and polls
 * the gateways' {@code /ready} ({@code alerter.gateway.urls}); writes {@code newswire.alerts.v1}.
 */
public final class AlerterApp implements AutoCloseable {

    private final KafkaStreams streams;
    private final NewswireSerdes serdes;
    private final TopicFollower<String, AlertRule> rulesFollower;
    private final RuleBook rules;
    private final List<AutoCloseable> extras;
    private final AlerterHttp http;

    private AlerterApp(final KafkaStreams streams, final NewswireSerdes serdes, final TopicFollower<String, AlertRule> rulesFollower,
                       final RuleBook rules, final List<AutoCloseable> extras, final AlerterHttp http) {
        this.streams = streams;
        this.serdes = serdes;
        this.rulesFollower = rulesFollower;
        this.rules = rules;
        this.extras = extras;
        this.http = http;
    }

    /**
     * Starts everything, the HTTP API on {@code alerter.host}/{@code alerter.port} and the health watcher included.
     *
     * @param meters the process's registry ({@code newswire_alerts_fired_total} is counted there)
     */
    public static AlerterApp start(final NewswireConfig config, final MeterRegistry meters) throws InterruptedException {
        return start(config, AlertListener.NONE, true, meters);
    }

    /** As {@link #start(NewswireConfig, AlertListener, boolean, MeterRegistry)} with meters no one reads. */
    public static AlerterApp start(final NewswireConfig config, final AlertListener listener, final boolean health) throws InterruptedException {
        return start(config, listener, health, new SimpleMeterRegistry());
    }

    /**
     * @param listener told of each alert before its transaction commits
     * @param health   whether to run the health watcher
     * @param meters   where the alerter's meters ({@link AlerterMetrics}) are registered
     */
    public static AlerterApp start(final NewswireConfig config, final AlertListener listener, final boolean health, final MeterRegistry meters)
            throws InterruptedException {
        ensureOwnTopics(config);
        final AlerterMetrics metrics = new AlerterMetrics(meters);
        final AlertListener counted = alert -> {
            metrics.fired(alert.getEscalation(), alert.getDesk(), false);
            listener.onAlert(alert);
        };
        final NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        final MatchingTextNormalizer normalizer = new MatchingTextNormalizer();
        final RuleBook rules = new RuleBook(normalizer);
        final TopicFollower<String, AlertRule> follower = RuleAdmin.follow(config, serdes, rules, "newswire-alerter-rules");
        if (!follower.awaitCaughtUp(Duration.ofSeconds(60))) {
            follower.close();
            serdes.close();
            throw new IllegalStateException("Could not read " + Topics.ALERT_RULES.name() + " within 60 s from " + config.bootstrapServers());
        }
        final KafkaStreams streams = new KafkaStreams(AlerterTopology.build(serdes, rules,
                Duration.ofMillis(config.getLong(NewswireConfig.ALERTER_SUPPRESSION_WINDOW_MS_CONFIG)), counted), streamsConfig(config));
        streams.setUncaughtExceptionHandler(new FailedThreadHandler(serdes.registry(), () -> streams.state().isRunningOrRebalancing()));
        streams.start();
        final List<AutoCloseable> extras = new ArrayList<>();
        if (health) {
            extras.add(HealthWatcher.start(config, serdes, metrics));
        }
        final RuleAdmin admin = RuleAdmin.over(config, serdes, rules);
        extras.add(admin);
        final AlertStream stream = new AlertStream(config, serdes);
        extras.add(stream);
        final AlerterHttp http = AlerterHttp.start(config.getString(NewswireConfig.ALERTER_HOST_CONFIG),
                config.getInt(NewswireConfig.ALERTER_PORT_CONFIG), admin, new RuleParser(normalizer, Clock.systemUTC()), stream,
                () -> streams.state().isRunningOrRebalancing() ? streams.state().name() : null);
        return new AlerterApp(streams, serdes, follower, rules, extras, http);
    }

    /** The topics the alerter reads and writes, created if missing ({@code newswire init} creates them too). */
    private static void ensureOwnTopics(final NewswireConfig config) {
        try (Admin admin = Admin.create(KafkaClientConfigs.admin(config))) {
            final TopicAdmin topics = new TopicAdmin(admin, config.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG),
                    config.getInt(NewswireConfig.TOPIC_MIN_INSYNC_REPLICAS_CONFIG));
            final List<io.newswire.model.topics.TopicSpec> own = List.of(Topics.ALERT_RULES, Topics.ALERTS, Topics.ARTICLE_UPDATES, Topics.DEAD_LETTERS);
            topics.ensure(own);
            topics.awaitLeaders(own, Duration.ofSeconds(60));
        }
    }

    /** The Kafka Streams settings of the alerter. */
    public static Properties streamsConfig(final NewswireConfig config) {
        final Map<String, Object> props = new HashMap<>(config.kafkaCommon());
        props.putAll(config.serdeConfig()); // the dead-letter handlers write Avro
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(NewswireConfig.ALERTER_APPLICATION_ID_CONFIG));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(config).toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.getShort(NewswireConfig.TOPIC_REPLICATION_FACTOR_CONFIG));
        // an editor waits for the alert: commit (and so publish) every 100 ms
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        final Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    private static Path stateDir(final NewswireConfig config) {
        final String configured = config.getString(NewswireConfig.ALERTER_STATE_DIR_CONFIG);
        return configured.isBlank() ? config.dataDir().resolve("alerter-streams") : Path.of(configured);
    }

    /** Waits until the stream is RUNNING (its partitions assigned). */
    public boolean awaitRunning(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            final KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The Streams application, for its metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    public RuleBook rules() {
        return rules;
    }

    /** Port of the HTTP API. */
    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
        for (final AutoCloseable extra : extras) {
            try {
                extra.close();
            } catch (final Exception e) {
                // closing: nothing left to do with it
            }
        }
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        rulesFollower.close();
        serdes.close();
    }

    /** Runs one alerter instance ({@code key=value} settings as arguments): a deployment's service, or a child JVM in tests. */
    public static void main(final String[] args) throws InterruptedException {
        final AlerterApp app = start(NewswireConfig.load(null, System.getenv(), settings(args)), AlertListener.NONE, true);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "alerter-shutdown"));
        Thread.currentThread().join();
    }

    /** {@code key=value} arguments as settings. */
    public static Map<String, Object> settings(final String[] args) {
        final Map<String, Object> overrides = new HashMap<>();
        for (final String arg : args) {
            final int eq = arg.indexOf('=');
            if (eq > 0) {
                overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return overrides;
    }
}
