package io.newswire.dashboard;

import io.newswire.dashboard.auth.SessionTokens;
import io.newswire.dashboard.auth.StaffAccess;
import io.newswire.dashboard.http.DashboardServer;
import io.newswire.dashboard.live.LiveWire;
import io.newswire.dashboard.ops.OpsMonitor;
import io.newswire.ops.dlq.DeadLetterStore;
import io.newswire.ops.status.HealthJudge;
import io.newswire.model.Alert;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.state.ArticleStore;
import io.newswire.publisher.state.NewsroomWindow;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.lifecycle.Resources;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.serde.NewswireSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The dashboard application: reads {@code newswire.articles.updates.v1} (the last {@code dashboard.retention.ms} of
 * it, into a {@link NewsroomWindow} as the publisher holds one) and {@code newswire.publisher.api-keys.v1} (who may log in), and
 * serves the newsroom's pages, API and live stream ({@link DashboardServer}) on dashboard.host:dashboard.port. The live
 * stream reads the article and alert topics itself, one consumer per browser ({@link LiveWire}).
 *
 * <p>Its {@code /metrics} (the process's {@link NewswireMetrics} registry, served by whoever starts it, alone on
 * dashboard.host:metrics.port) carries the JVM's meters and consumer lag per group and partition, sampled by the ops page's
 * {@link OpsMonitor}.
 *
 * <p>Scaling: like the publisher, every instance holds the whole window and belongs to no consumer group, so
 * instances behind a load balancer are interchangeable; with one {@code dashboard.session.secret} a login works on
 * all of them. State: the article window only (bounded by its retention, swept every minute); sessions are signed
 * tokens, not stored.
 */
public final class DashboardApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardApp.class);
    private static final Duration LOAD_WAIT = Duration.ofSeconds(60);

    private final Resources resources = new Resources();
    private final NewsroomWindow window;
    private final DashboardServer server;

    private DashboardApp(final NewswireConfig config, final NewswireMetrics metrics, final Clock clock) {
        try {
            final NewswireSerdes serdes = keep(NewswireSerdes.fromConfig(config.serdeConfig()));
            this.window = keep(new NewsroomWindow(config, serdes, config.getString(NewswireConfig.DASHBOARD_APPLICATION_ID_CONFIG),
                    Duration.ofMillis(config.getLong(NewswireConfig.DASHBOARD_RETENTION_MS_CONFIG)), clock));
            final String secret = config.getPassword(NewswireConfig.DASHBOARD_SESSION_SECRET_CONFIG).value();
            final SessionTokens sessions = new SessionTokens(secret.isEmpty() ? SessionTokens.randomSecret() : secret.getBytes(StandardCharsets.UTF_8),
                    Duration.ofMillis(config.getLong(NewswireConfig.DASHBOARD_SESSION_TTL_MS_CONFIG)), clock);
            final LiveWire live = keep(new LiveWire(config, serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).deserializer(),
                    serdes.<Alert>valueSerde(Topics.ALERTS).deserializer(), clock));
            final Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
            readiness.put("articlesLoaded", window::articlesLoaded);
            readiness.put("apiKeysLoaded", window::keysLoaded);
            final OpsMonitor monitor = keep(new OpsMonitor(config, clock, metrics.registry()));
            final DeadLetterStore deadLetters = keep(new DeadLetterStore(config));
            final HealthJudge judge = new HealthJudge(config.getLong(NewswireConfig.ALERTER_LAG_THRESHOLD_CONFIG),
                    config.getInt(NewswireConfig.ALERTER_DEAD_LETTER_THRESHOLD_CONFIG));
            this.server = keep(new DashboardServer(window.store(), new StaffAccess(window.keys(), sessions), live,
                    new DashboardServer.Ops(monitor.history(), deadLetters, judge, clock), window::isLoaded, readiness,
                    config.getString(NewswireConfig.DASHBOARD_HOST_CONFIG)));
        } catch (final RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /**
     * Starts a dashboard: connects, reads the article window and the API keys (up to a minute; until then the API
     * answers 503) and listens on dashboard.host:dashboard.port.
     *
     * @param metrics the registry its meters go to (served by the caller)
     * @param clock   judges embargoes, retention and session expiry (tests pass one they control)
     */
    public static DashboardApp start(final NewswireConfig config, final NewswireMetrics metrics, final Clock clock) {
        final DashboardApp app = new DashboardApp(config, metrics, clock);
        try {
            if (!app.window.start(LOAD_WAIT)) {
                LOG.warn("Dashboard starting before the articles or API keys were loaded; its API answers 503 until they are");
            }
            app.server.start(config.getInt(NewswireConfig.DASHBOARD_PORT_CONFIG));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
            throw new IllegalStateException("Interrupted while starting the dashboard", e);
        } catch (final RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public static DashboardApp start(final NewswireConfig config, final NewswireMetrics metrics) {
        return start(config, metrics, Clock.systemUTC());
    }

    /** A dashboard whose meters go to a registry of its own, served nowhere (tests). */
    public static DashboardApp start(final NewswireConfig config, final Clock clock) {
        final NewswireMetrics own = new NewswireMetrics();
        try {
            final DashboardApp app = start(config, own, clock);
            app.resources.keep(own);
            return app;
        } catch (final RuntimeException e) {
            own.close();
            throw e;
        }
    }

    public static DashboardApp start(final NewswireConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Base URL for a browser, e.g. http://127.0.0.1:8092. */
    public String url() {
        return server.url();
    }

    /** The article window, for tests. */
    public ArticleStore store() {
        return window.store();
    }

    private <T extends AutoCloseable> T keep(final T resource) {
        return resources.keep(resource);
    }

    /** Stops listening (live streams end), the sweep, the followers and the clients. */
    @Override
    public void close() {
        resources.close();
    }

    /** Runs a dashboard alone (a deployment's dashboard service): settings from the environment, /metrics on dashboard.host:metrics.port. */
    public static void main(final String[] args) throws InterruptedException {
        final NewswireConfig config = NewswireConfig.load(null, System.getenv(), Map.of());
        final NewswireMetrics metrics = new NewswireMetrics();
        metrics.serve(config.getString(NewswireConfig.DASHBOARD_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final DashboardApp app = start(config, metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            metrics.close();
        }));
        Thread.currentThread().join();
    }
}
