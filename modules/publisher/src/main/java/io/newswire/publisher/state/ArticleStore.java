package io.newswire.publisher.state;

import io.newswire.model.ArticleUpdate;
import io.newswire.publisher.embargo.Embargo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The publisher's local state, the pure core the API and the feeds answer from: every version of every article of the
 * retention window, and an index of articles newest first. Filled from {@code newswire.articles.updates.v1} by
 * {@link ArticleStoreLoader}; every publisher instance holds all of it (no consumer group), so any instance answers any
 * request and nothing needs routing between instances.
 *
 * <p>Rules:
 * <ul>
 *   <li>Versions of an article are kept by number; a version seen again (a replay) or older than the latest does not
 *       change the latest. A gap (a version missing because it is older than the window read at start) is allowed.</li>
 *   <li>Visibility: an article is shown only once its embargo (that of its latest version) has ended
 *       ({@link Embargo}); before that it is as absent as an unknown id, on every read here.</li>
 *   <li>Order: publication time of the latest version (versionCreated, or the embargo's end when later) descending,
 *       then article id descending; a cursor names a place in that order.</li>
 *   <li>Retention: an article whose latest version was created more than {@code retention} ago is invisible at once
 *       and removed by {@link #evictExpired()} (the app runs it every minute). Memory therefore follows one window of
 *       articles: about as many versions as the topic itself keeps.</li>
 * </ul>
 * Thread-safe: one writer (the loader) and many readers (HTTP threads) under a read-write lock.
 */
public final class ArticleStore {

    /** Newest first: publication time descending, then article id descending (a total order, so cursors are exact). */
    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::publishedAt).reversed()
            .thenComparing(Entry::articleId, Comparator.reverseOrder());

    private record Entry(Instant publishedAt, UUID articleId) {
    }

    /** What is known of one article: its versions by number and its place in the index. */
    private static final class Article {
        private final Map<Integer, ArticleUpdate> versions = new HashMap<>();
        private ArticleUpdate latest;
        private Entry entry;
    }

    private final Clock clock;
    private final Duration retention;
    private final Map<UUID, Article> articles = new HashMap<>();
    private final NavigableSet<Entry> index = new TreeSet<>(NEWEST_FIRST);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long versionsHeld;

    /**
     * @param clock     judges embargoes and retention
     * @param retention how long an article is kept after its latest version was created
     */
    public ArticleStore(final Clock clock, final Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Takes one version from the topic.
     *
     * @return true when it became the article's latest version
     */
    public boolean apply(final ArticleUpdate version) {
        lock.writeLock().lock();
        try {
            final Article article = articles.computeIfAbsent(version.getArticleId(), id -> new Article());
            if (article.versions.put(version.getVersion(), version) == null) {
                versionsHeld++;
            }
            if (article.latest != null && article.latest.getVersion() >= version.getVersion()) {
                return false;
            }
            article.latest = version;
            if (article.entry != null) {
                index.remove(article.entry);
            }
            article.entry = new Entry(Embargo.publicationTime(version), version.getArticleId());
            index.add(article.entry);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The latest version of a visible article; empty when unknown, embargoed or past retention. */
    public Optional<ArticleUpdate> latest(final UUID articleId) {
        lock.readLock().lock();
        try {
            return visible(articles.get(articleId), clock.instant()).map(a -> a.latest);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Version {@code n} of a visible article; empty when the article is not visible or that version is not held. */
    public Optional<ArticleUpdate> version(final UUID articleId, final int n) {
        lock.readLock().lock();
        try {
            return visible(articles.get(articleId), clock.instant()).map(a -> a.versions.get(n));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the article is held, visible or not: tells "unknown" from "embargoed" for the logs, never for clients. */
    public boolean holds(final UUID articleId) {
        lock.readLock().lock();
        try {
            return articles.containsKey(articleId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A page of visible articles whose latest version passes the filter, newest first.
     *
     * @param after where the previous page ended. May be null: the first page
     * @param limit at most this many articles, at least 1
     */
    public ArticlePage list(final Predicate<ArticleUpdate> filter, final ListingCursor after, final int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        lock.readLock().lock();
        try {
            final Instant now = clock.instant();
            final NavigableSet<Entry> rest = after == null ? index : index.tailSet(new Entry(after.publishedAt(), after.articleId()), false);
            final List<ArticleUpdate> page = new ArrayList<>();
            for (final Entry entry : rest) {
                final Optional<Article> article = visible(articles.get(entry.articleId()), now);
                if (article.isEmpty() || !filter.test(article.get().latest)) {
                    continue;
                }
                if (page.size() == limit) {
                    // one more exists: the page ends at its last item
                    final ArticleUpdate last = page.get(page.size() - 1);
                    return new ArticlePage(page, new ListingCursor(Embargo.publicationTime(last), last.getArticleId()));
                }
                page.add(article.get().latest);
            }
            return new ArticlePage(page, null);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Removes every article whose latest version is older than the retention.
     *
     * @return how many articles were removed
     */
    public int evictExpired() {
        final Instant horizon = clock.instant().minus(retention);
        lock.writeLock().lock();
        try {
            final List<UUID> expired = articles.entrySet().stream()
                    .filter(e -> e.getValue().latest.getVersionCreated().isBefore(horizon)).map(Map.Entry::getKey).toList();
            for (final UUID id : expired) {
                final Article article = articles.remove(id);
                index.remove(article.entry);
                versionsHeld -= article.versions.size();
            }
            return expired.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Articles held (visible or not). */
    public int articleCount() {
        lock.readLock().lock();
        try {
            return articles.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Versions held, over all articles. */
    public long versionCount() {
        lock.readLock().lock();
        try {
            return versionsHeld;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The retention this store enforces. */
    public Duration retention() {
        return retention;
    }

    private Optional<Article> visible(final Article article, final Instant now) {
        if (article == null || article.latest == null || !Embargo.isReleased(article.latest, now)
                || article.latest.getVersionCreated().isBefore(now.minus(retention))) {
            return Optional.empty();
        }
        return Optional.of(article);
    }
}
