package io.newswire.runtime.kafka;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an SSE client stands on a topic (the alerts, the article updates): the next offset of every partition, written as the event
 * id ({@code "12.0.7"} for three partitions). Alerts of different partitions have no order between them, so one
 * offset could not say what a client has seen; every partition's can, and resuming from it loses and repeats nothing,
 * whichever alerter instance the client reconnects to, and across restarts.
 */
public record StreamPosition(long[] next) {

    public StreamPosition {
        next = next.clone();
    }

    /** The position after a record of that partition at that offset. */
    public StreamPosition after(final int partition, final long offset) {
        final long[] moved = next.clone();
        moved[partition] = offset + 1;
        return new StreamPosition(moved);
    }

    public String eventId() {
        final StringBuilder id = new StringBuilder();
        for (int p = 0; p < next.length; p++) {
            if (p > 0) {
                id.append('.');
            }
            id.append(next[p]);
        }
        return id.toString();
    }

    /**
     * @return the position an event id names, or empty when it is not one for that many partitions (a client's
     *         id from elsewhere is ignored rather than trusted)
     */
    public static Optional<StreamPosition> parse(final String eventId, final int partitions) {
        if (eventId == null || eventId.isBlank()) {
            return Optional.empty();
        }
        final String[] parts = eventId.strip().split("\\.", -1);
        if (parts.length != partitions) {
            return Optional.empty();
        }
        final long[] next = new long[partitions];
        try {
            for (int p = 0; p < partitions; p++) {
                next[p] = Long.parseLong(parts[p]);
                if (next[p] < 0) {
                    return Optional.empty();
                }
            }
        } catch (final NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new StreamPosition(next));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof StreamPosition p && Arrays.equals(next, p.next);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(next);
    }

    @Override
    public String toString() {
        return eventId();
    }
}
