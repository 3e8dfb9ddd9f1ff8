package io.newswire.dashboard.live;

import io.newswire.runtime.kafka.StreamPosition;

import java.util.Optional;

/**
 * Where a browser stands on the live wire: its position on the article updates and on the alerts, written as one SSE
 * event id ({@code "12.0.7.3.9.1_4.0.2"}: every partition's next offset, articles then alerts). The browser sends it
 * back as {@code Last-Event-ID} when it reconnects, to any dashboard instance, and misses and repeats nothing.
 */
public record WirePosition(StreamPosition articles, StreamPosition alerts) {

    public WirePosition afterArticle(final int partition, final long offset) {
        return new WirePosition(articles.after(partition, offset), alerts);
    }

    public WirePosition afterAlert(final int partition, final long offset) {
        return new WirePosition(articles, alerts.after(partition, offset));
    }

    public String eventId() {
        return articles.eventId() + "_" + alerts.eventId();
    }

    /** The position an event id names; empty when it is not one for these partition counts (then it is ignored). */
    public static Optional<WirePosition> parse(final String eventId, final int articlePartitions, final int alertPartitions) {
        if (eventId == null) {
            return Optional.empty();
        }
        final String[] halves = eventId.strip().split("_", -1);
        if (halves.length != 2) {
            return Optional.empty();
        }
        final Optional<StreamPosition> articles = StreamPosition.parse(halves[0], articlePartitions);
        final Optional<StreamPosition> alerts = StreamPosition.parse(halves[1], alertPartitions);
        return articles.isPresent() && alerts.isPresent() ? Optional.of(new WirePosition(articles.get(), alerts.get())) : Optional.empty();
    }
}
