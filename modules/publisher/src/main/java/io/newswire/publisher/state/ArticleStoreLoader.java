package io.newswire.publisher.state;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.topics.Topics;
import io.newswire.publisher.embargo.EmbargoSchedule;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fills an {@link ArticleStore} from {@code newswire.articles.updates.v1} and keeps following it: every partition, no
 * consumer group (each publisher instance holds every article, as a Streams global store would). Start-up reads only
 * the store's retention window of the topic ({@code offsetsForTimes}), so it costs one window, not the topic's whole
 * history; a restart rebuilds the same state, embargoes included.
 *
 * <p>It also keeps the {@link EmbargoSchedule}: {@link #releaseDue()} (the app's ticker calls it every second) hands
 * each embargoed article to the release listeners once, when its time has come while this instance runs. An embargo
 * that ended while the publisher was down fires nothing after the restart (the article is simply visible): listeners
 * are for logs and meters. Webhooks do not depend on them (the delivery consumer holds embargoed versions itself).
 */
public final class ArticleStoreLoader implements AutoCloseable {

    private final ArticleStore store;
    private final Clock clock;
    private final EmbargoSchedule schedule = new EmbargoSchedule();
    private final List<Consumer<ArticleUpdate>> releaseListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ArticleUpdate>> liveListeners = new CopyOnWriteArrayList<>();
    private final TopicFollower<String, ArticleUpdate> follower;

    /**
     * @param consumerConfig client settings (bootstrap, security); the follower manages offsets itself
     * @param values         the topic's value deserializer
     */
    public ArticleStoreLoader(final ArticleStore store, final Clock clock, final Map<String, Object> consumerConfig,
                              final Deserializer<ArticleUpdate> values) {
        this.store = store;
        this.clock = clock;
        this.follower = new TopicFollower<>(Topics.ARTICLE_UPDATES.name(), consumerConfig, new StringDeserializer(), values,
                record -> {
                    if (record.value() != null) {
                        take(record.value());
                    }
                },
                () -> clock.instant().minus(store.retention()));
    }

    public ArticleStoreLoader start() {
        follower.start();
        return this;
    }

    /** Waits until the versions on the topic at start (within the window) are in the store. */
    public boolean awaitLoaded(final Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    public boolean isLoaded() {
        return follower.isCaughtUp();
    }

    /**
     * Called with each version that becomes an article's latest once the history at start is loaded (so a restart
     * replaying the window tells nothing), on the follower's thread.
     */
    public void onLive(final Consumer<ArticleUpdate> listener) {
        liveListeners.add(listener);
    }

    /** Called with each embargoed article when it is released, on the ticker's thread. */
    public void onRelease(final Consumer<ArticleUpdate> listener) {
        releaseListeners.add(listener);
    }

    /**
     * Hands the articles whose embargo has ended to the release listeners.
     *
     * @return the released versions
     */
    public List<ArticleUpdate> releaseDue() {
        final List<ArticleUpdate> released;
        synchronized (schedule) {
            released = schedule.due(clock.instant());
        }
        released.forEach(version -> releaseListeners.forEach(listener -> listener.accept(version)));
        return released;
    }

    /** Articles waiting for their embargo to end. */
    public int embargoed() {
        synchronized (schedule) {
            return schedule.size();
        }
    }

    private void take(final ArticleUpdate version) {
        if (store.apply(version)) {
            synchronized (schedule) {
                schedule.hold(version, clock.instant());
            }
            if (follower.isCaughtUp()) {
                liveListeners.forEach(listener -> listener.accept(version));
            }
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
