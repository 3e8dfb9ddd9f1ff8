package io.newswire.publisher.webhooks;

import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records of embargoed versions a delivery consumer read and holds back until their embargo ends: the pure core
 * of "no webhook before the embargo". Per partition and record key (an article: all its versions share a key, so a
 * partition), at most one is held: a later version of the same article replaces the held one, as the latest version's
 * embargo covers every version (ninjs embargoedUntil). {@link #due} hands over, once each and in time order, the
 * holds whose time has come. Nothing is saved: the consumer's commit never passes a held record (see
 * {@link CommitTracker#hold}), so after a restart or a rebalance the next owner reads it again and holds it again, or
 * delivers it when its time has passed meanwhile. Not thread-safe: the consumer's thread owns it.
 *
 * @param <R> the held record
 */
final class EmbargoHolds<R> {

    /**
     * A held record.
     *
     * @param key    the record key; may not be null (the caller makes one up for a keyless record)
     * @param epoch  the partition's epoch in the consumer's {@link CommitTracker} when it was held
     * @param until  the end of the embargo
     * @param record what to deliver then
     */
    record Held<R>(TopicPartition partition, String key, long offset, long epoch, Instant until, R record) {
    }

    private record Slot(TopicPartition partition, String key) {
    }

    private record Order(Instant until, TopicPartition partition, long offset) implements Comparable<Order> {
        @Override
        public int compareTo(final Order other) {
            final int byTime = until.compareTo(other.until);
            if (byTime != 0) {
                return byTime;
            }
            final int byPartition = partition.toString().compareTo(other.partition.toString());
            return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
        }
    }

    private final Map<Slot, Held<R>> bySlot = new HashMap<>();
    private final TreeMap<Order, Held<R>> byTime = new TreeMap<>();

    /**
     * Holds a record until its embargo ends.
     *
     * @return the hold of the same article it replaces, if any (the caller releases it without delivering)
     */
    Optional<Held<R>> hold(final Held<R> held) {
        final Optional<Held<R>> replaced = drop(held.partition(), held.key());
        bySlot.put(new Slot(held.partition(), held.key()), held);
        byTime.put(order(held), held);
        return replaced;
    }

    /**
     * Ends the hold of an article without delivering it: a later version of it, under no embargo, was read.
     *
     * @return the hold it ended, if any
     */
    Optional<Held<R>> drop(final TopicPartition partition, final String key) {
        final Held<R> held = bySlot.remove(new Slot(partition, key));
        if (held == null) {
            return Optional.empty();
        }
        byTime.remove(order(held));
        return Optional.of(held);
    }

    /** The holds whose embargo has ended by {@code now} (at the instant itself, too), in time order; each once. */
    List<Held<R>> due(final Instant now) {
        final List<Held<R>> due = new ArrayList<>();
        while (!byTime.isEmpty() && !byTime.firstKey().until().isAfter(now)) {
            final Held<R> held = byTime.pollFirstEntry().getValue();
            bySlot.remove(new Slot(held.partition(), held.key()));
            due.add(held);
        }
        return due;
    }

    /** Forgets the holds of partitions given up: their next owner reads those records again. */
    void forget(final Collection<TopicPartition> partitions) {
        final List<Held<R>> gone = bySlot.values().stream().filter(h -> partitions.contains(h.partition())).toList();
        for (final Held<R> held : gone) {
            bySlot.remove(new Slot(held.partition(), held.key()));
            byTime.remove(order(held));
        }
    }

    /** How many records are held. */
    int size() {
        return bySlot.size();
    }

    private static <R> Order order(final Held<R> held) {
        return new Order(held.until(), held.partition(), held.offset());
    }
}
