package io.newswire.publisher.embargo;

import io.newswire.model.ArticleUpdate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Embargoed articles waiting for their release, in release order: the pure core of "appears by itself when the time
 * comes". {@link #hold} takes each version as it arrives (a later version replaces the article's earlier entry, so a
 * moved embargo counts from its new time and a version without one releases nothing twice); {@link #due} hands over,
 * once each, the versions whose time has come. The publisher's ticker asks it every second and tells the release
 * listeners (a log line and a meter; webhook delivery holds embargoed versions itself, see webhooks.EmbargoHolds).
 *
 * <p>Across a restart nothing needs saving: the schedule is rebuilt from the topic with the article view; an embargo
 * that ended while the publisher was down is not waiting any more ({@link #hold} at a later {@code now}), so it is
 * not handed over again. Not thread-safe; the caller serialises.
 */
public final class EmbargoSchedule {

    private record Key(Instant at, UUID articleId) implements Comparable<Key> {
        @Override
        public int compareTo(final Key other) {
            final int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : articleId.compareTo(other.articleId);
        }
    }

    private final TreeMap<Key, ArticleUpdate> waiting = new TreeMap<>();
    private final Map<UUID, Key> keyOf = new HashMap<>();

    /**
     * Takes a version. One still under embargo at {@code now} waits; one that is not replaces (and so cancels) a
     * waiting entry of its article.
     *
     * @return true when the version now waits for its release
     */
    public boolean hold(final ArticleUpdate version, final Instant now) {
        final UUID id = version.getArticleId();
        final Key previous = keyOf.remove(id);
        if (previous != null) {
            waiting.remove(previous);
        }
        if (Embargo.isReleased(version, now)) {
            return false;
        }
        final Key key = new Key(version.getEmbargoUntil(), id);
        waiting.put(key, version);
        keyOf.put(id, key);
        return true;
    }

    /** The waiting versions whose embargo has ended by {@code now}, in release order; each is handed over once. */
    public List<ArticleUpdate> due(final Instant now) {
        final List<ArticleUpdate> released = new ArrayList<>();
        while (!waiting.isEmpty() && !waiting.firstKey().at().isAfter(now)) {
            final Map.Entry<Key, ArticleUpdate> first = waiting.pollFirstEntry();
            keyOf.remove(first.getKey().articleId());
            released.add(first.getValue());
        }
        return released;
    }

    /** How many articles wait. */
    public int size() {
        return waiting.size();
    }
}
