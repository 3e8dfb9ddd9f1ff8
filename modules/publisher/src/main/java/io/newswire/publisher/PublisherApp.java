package io.newswire.publisher;

import io.newswire.model.ArticleUpdate;
import io.newswire.publisher.filter.ArticleFilter;
import io.newswire.publisher.http.NewsroomApi;
import io.newswire.publisher.http.PublisherServer;
import io.newswire.publisher.ninjs.NinjsRenderer;
import io.newswire.publisher.ninjs.NinjsVersion;
import io.newswire.publisher.state.ArticleStore;
import io.newswire.publisher.state.ArticleStoreLoader;
import io.newswire.publisher.state.NewsroomWindow;
import io.newswire.publisher.webhooks.Webhooks;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.lifecycle.Resources;
import io.newswire.runtime.metrics.NewswireMetrics;
import io.newswire.runtime.metrics.PublisherMetrics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The publisher application: reads {@code newswire.articles.updates.v1} (every version) and
 * {@code newswire.publisher.api-keys.v1} (who may read), holds the articles of the retention window in memory, and
 * serves the newsroom API, ninjs and Atom from them. With {@code publisher.webhooks.enabled} (the default) it also
 * runs webhook delivery ({@link Webhooks}: its own consumer group on the updates topic, the subscribers, retry tiers,
 * parking and ledger topics), pushing each version as ninjs 3.1 to the subscribers whose filter (the API's query
 * parameters, read by {@link ArticleFilter#parse}) matches it, and an embargoed one only once its embargo ends.
 *
 * <p>Scaling: every instance holds every article (its followers read all partitions, as a Streams global store would),
 * so instances behind a load balancer answer any request alike and nothing is routed. The cost is that each holds the
 * whole window: see {@link ArticleStore} for the bound and the README for measured figures.
 *
 * <p>Every minute it drops articles past {@code publisher.retention.ms} ({@link NewsroomWindow}); every second it tells the release listeners
 * ({@link #onRelease}) of embargoed articles whose time has come (a log line and a meter). Webhooks do not hang on
 * those: the delivery consumer holds an embargoed version itself, on the one instance owning its partition, and
 * never commits past it before it is released, which a restart or rebalance cannot lose.
 */
public final class PublisherApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherApp.class);
    private static final Duration LOAD_WAIT = Duration.ofSeconds(60);

    private final Resources resources = new Resources();
    private final NewsroomWindow window;
    private final ArticleStore store;
    private final ArticleStoreLoader articles;
    private final PublisherServer server;
    private final NewswireConfig config;
    private final NewswireSerdes serdes;
    private final NewswireMetrics meters;
    private final Clock clock;
    private volatile Webhooks webhooks;

    private PublisherApp(final NewswireConfig config, final NewswireMetrics meters, final Clock clock) {
        this.config = config;
        this.meters = meters;
        this.clock = clock;
        try {
            this.serdes = keep(NewswireSerdes.fromConfig(config.serdeConfig()));
            final String clientId = config.getString(NewswireConfig.PUBLISHER_APPLICATION_ID_CONFIG);
            this.window = keep(new NewsroomWindow(config, serdes, clientId,
                    Duration.ofMillis(config.getLong(NewswireConfig.PUBLISHER_RETENTION_MS_CONFIG)), clock));
            this.store = window.store();
            this.articles = window.articles();
            final Admin admin = keep(Admin.create(KafkaClientConfigs.admin(config)));
            final PublisherMetrics metrics = new PublisherMetrics(meters.registry());
            metrics.watch(store::articleCount, store::versionCount, articles::embargoed);
            articles.onLive(version -> {
                // embargoed versions wait on purpose: their delay is the embargo's, not the pipeline's
                if (version.getReportReceivedAt() != null && version.getEmbargoUntil() == null) {
                    metrics.published(Duration.between(version.getReportReceivedAt(), clock.instant()));
                }
            });
            articles.onRelease(released -> {
                metrics.released();
                LOG.info("Embargo of article {} (version {}) ended at {}", released.getArticleId(), released.getVersion(), released.getEmbargoUntil());
            });
            final Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
            readiness.put("articlesLoaded", window::articlesLoaded);
            readiness.put("apiKeysLoaded", window::keysLoaded);
            readiness.put("kafka", () -> reachable(admin));
            this.server = keep(new PublisherServer(new NewsroomApi(store, clock, config.getInt(NewswireConfig.PUBLISHER_MAX_PAGE_SIZE_CONFIG)),
                    window.keys(), window::isLoaded, readiness, config.getString(NewswireConfig.PUBLISHER_HOST_CONFIG)));
            keep(embargoTicker(articles));
        } catch (final RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /**
     * Starts a publisher: connects, reads the window of article versions and the API keys (up to a minute; until then
     * API requests get 503), starts webhook delivery unless {@code publisher.webhooks.enabled=false} (reading the
     * subscribers and the delivery ledger, up to a minute each), and listens on publisher.host:publisher.port.
     *
     * @param metrics where its meters go; not closed by {@link #close()}
     * @param clock   judges embargoes (API, feeds and webhooks) and retention, and times webhook attempts and retries
     *                (tests pass one they control)
     */
    public static PublisherApp start(final NewswireConfig config, final NewswireMetrics metrics, final Clock clock) {
        final PublisherApp app = new PublisherApp(config, metrics, clock);
        try {
            if (!app.window.start(LOAD_WAIT)) {
                LOG.warn("Publisher starting before the articles or API keys were loaded; it answers 503 until they are");
            }
            if (config.getBoolean(NewswireConfig.PUBLISHER_WEBHOOKS_ENABLED_CONFIG)) {
                app.startWebhooks();
            }
            app.server.start(config.getInt(NewswireConfig.PUBLISHER_PORT_CONFIG));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
            throw new IllegalStateException("Interrupted while starting the publisher", e);
        } catch (final RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public static PublisherApp start(final NewswireConfig config, final NewswireMetrics metrics) {
        return start(config, metrics, Clock.systemUTC());
    }

    /** Delivery on the app's serdes, meters and clock; closed with the app, before the serdes it uses. */
    private void startWebhooks() throws InterruptedException {
        webhooks = keep(Webhooks.start(config, serdes, meters.registry(),
                version -> NinjsRenderer.render(version, NinjsVersion.V3_1), ArticleFilter::parse, clock));
    }

    /** Whether this instance delivers webhooks ({@code publisher.webhooks.enabled}). */
    public boolean deliversWebhooks() {
        return webhooks != null;
    }

    /** Base URL of the API, e.g. http://127.0.0.1:8090. */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** The local state, for tests and benchmarks. */
    public ArticleStore store() {
        return store;
    }

    /** Called with each embargoed article when its embargo ends (at most a second late), on the ticker's thread. */
    public void onRelease(final Consumer<ArticleUpdate> listener) {
        articles.onRelease(listener);
    }

    private static boolean reachable(final Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (final Exception e) {
            return false;
        }
    }

    /** The embargo ticker (every second; the retention sweep is the {@link NewsroomWindow}'s), on a daemon thread. */
    private static AutoCloseable embargoTicker(final ArticleStoreLoader articles) {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            final Thread thread = new Thread(task, "publisher-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> guarded("embargo release", articles::releaseDue), 1, 1, TimeUnit.SECONDS);
        return timer::shutdownNow;
    }

    private static void guarded(final String what, final Runnable task) {
        try {
            task.run();
        } catch (final RuntimeException e) {
            // a failed run must not cancel the later ones
            LOG.warn("Publisher {} failed: {}", what, e.toString());
        }
    }

    private <T extends AutoCloseable> T keep(final T resource) {
        return resources.keep(resource);
    }

    /** Stops webhook delivery (POSTs in flight end first), then listening, the timer, the followers and the clients. */
    @Override
    public void close() {
        resources.close();
    }

    /** Runs a publisher alone (a deployment's publisher service): settings from the environment. */
    public static void main(final String[] args) throws InterruptedException {
        final NewswireConfig config = NewswireConfig.load(null, System.getenv(), Map.of());
        final NewswireMetrics metrics = new NewswireMetrics();
        metrics.serve(config.getString(NewswireConfig.PUBLISHER_HOST_CONFIG), config.getInt(NewswireConfig.METRICS_PORT_CONFIG));
        final PublisherApp app = start(config, metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            metrics.close();
        }));
        Thread.currentThread().join();
    }
}
