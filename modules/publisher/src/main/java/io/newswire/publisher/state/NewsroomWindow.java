package io.newswire.publisher.state;

import io.newswire.model.ApiKey;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.apikeys.ApiKeyDirectory;
import io.newswire.publisher.apikeys.ApiKeyLoader;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.lifecycle.Resources;
import io.newswire.serde.NewswireSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What every newsroom-facing reader of the article topic holds, the publisher and the dashboard alike: the articles of
 * a retention window ({@link ArticleStore}, filled from {@code newswire.articles.updates.v1} by an
 * {@link ArticleStoreLoader}) and the API keys ({@link ApiKeyDirectory}, from {@code newswire.publisher.api-keys.v1}),
 * each followed by a consumer of no group, and a sweep dropping articles past the retention every minute.
 */
public final class NewsroomWindow implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsroomWindow.class);

    private final Resources resources = new Resources();
    private final ArticleStore store;
    private final ArticleStoreLoader articles;
    private final ApiKeyDirectory keys = new ApiKeyDirectory();
    private final ApiKeyLoader keyLoader;

    /**
     * @param clientId  prefix of the two consumers' client ids
     * @param retention how long an article stays after its latest version
     * @param clock     judges embargoes and retention
     */
    public NewsroomWindow(final NewswireConfig config, final NewswireSerdes serdes, final String clientId, final Duration retention,
                          final Clock clock) {
        this.store = new ArticleStore(clock, retention);
        try {
            this.articles = resources.keep(new ArticleStoreLoader(store, clock, KafkaClientConfigs.committedReader(config, null, clientId + "-articles"),
                    serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).deserializer()));
            this.keyLoader = resources.keep(new ApiKeyLoader(keys, KafkaClientConfigs.committedReader(config, null, clientId + "-apikeys"),
                    serdes.<ApiKey>valueSerde(Topics.API_KEYS).deserializer()));
            resources.keep(sweep(store));
        } catch (final RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /**
     * Starts both followers and waits until each has read its topic up to where it stood at start.
     *
     * @return false when they had not after the timeout (they go on; the caller answers 503 until {@link #isLoaded})
     */
    public boolean start(final Duration wait) throws InterruptedException {
        articles.start();
        keyLoader.start();
        return articles.awaitLoaded(wait) && keyLoader.awaitLoaded(wait);
    }

    /** Whether the articles and the keys on the topics at start are both loaded. */
    public boolean isLoaded() {
        return articles.isLoaded() && keyLoader.isLoaded();
    }

    public boolean articlesLoaded() {
        return articles.isLoaded();
    }

    public boolean keysLoaded() {
        return keyLoader.isLoaded();
    }

    public ArticleStore store() {
        return store;
    }

    /** The articles' follower, for what the publisher does with embargoes (release listeners, the held count). */
    public ArticleStoreLoader articles() {
        return articles;
    }

    public ApiKeyDirectory keys() {
        return keys;
    }

    /** Drops articles past the retention every minute, on a daemon thread. */
    private static AutoCloseable sweep(final ArticleStore store) {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            final Thread thread = new Thread(task, "newsroom-retention");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                final int dropped = store.evictExpired();
                if (dropped > 0) {
                    LOG.info("Dropped {} articles past the retention of {}", dropped, store.retention());
                }
            } catch (final RuntimeException e) {
                // a failed sweep must not cancel the next
                LOG.warn("Retention sweep failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.MINUTES);
        return timer::shutdownNow;
    }

    /** Stops the sweep and both followers. */
    @Override
    public void close() {
        resources.close();
    }
}
