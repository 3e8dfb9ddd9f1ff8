package io.newswire.publisher.webhooks;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which offsets a consumer may commit while deliveries of the records it read settle out of order, each in its
 * subscriber's lane: per partition, the lowest offset with an unsettled delivery (or one past the last record read
 * when none is). A slow subscriber thus holds back the commit, never the other subscribers' deliveries. Each
 * partition has an epoch, bumped when the partition is given up, so a lane can tell a task whose partition now
 * belongs to someone else. Thread-safe; no Kafka calls.
 *
 * <p>A record may also be HELD ({@link #hold}): an embargoed version not yet handed to any lane. A hold keeps the
 * commit at or below its record, so whoever reads the partition next (after a restart or a rebalance) reads it
 * again, but it is not a pending delivery: it neither pauses reading nor delays giving the partition up.
 */
public final class CommitTracker {

    private final Map<TopicPartition, TreeMap<Long, Integer>> unsettled = new HashMap<>();
    private final Map<TopicPartition, TreeMap<Long, Integer>> held = new HashMap<>();
    private final Map<TopicPartition, Long> nextToRead = new HashMap<>();
    private final Map<TopicPartition, Long> epochs = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private int pending;

    /**
     * Records that the record at {@code offset} was read and spawned {@code deliveries} tasks (0: settled at once).
     *
     * @return the partition's epoch, to hand to {@link #settle} and {@link #isLive}
     */
    public synchronized long read(final TopicPartition partition, final long offset, final int deliveries) {
        nextToRead.merge(partition, offset + 1, Math::max);
        if (deliveries > 0) {
            unsettled.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, deliveries, Integer::sum);
            pending += deliveries;
        }
        return epochs.getOrDefault(partition, 0L);
    }

    /** One delivery of the record at {@code offset} settled; ignored when the partition was given up since. */
    public synchronized void settle(final TopicPartition partition, final long offset, final long epoch) {
        if (epoch != epochs.getOrDefault(partition, 0L)) {
            return;
        }
        final TreeMap<Long, Integer> offsets = unsettled.get(partition);
        if (offsets == null || !offsets.containsKey(offset)) {
            return;
        }
        pending--;
        if (offsets.merge(offset, -1, Integer::sum) == 0) {
            offsets.remove(offset);
        }
    }

    /**
     * Records that the record at {@code offset} was read and is held back (not delivered yet): the commit stays at or
     * below it until {@link #unhold}.
     *
     * @return the partition's epoch, to hand to {@link #unhold}
     */
    public synchronized long hold(final TopicPartition partition, final long offset) {
        nextToRead.merge(partition, offset + 1, Math::max);
        held.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, 1, Integer::sum);
        return epochs.getOrDefault(partition, 0L);
    }

    /** A hold ends (its deliveries, if any, were {@link #read} first); ignored when the partition was given up since. */
    public synchronized void unhold(final TopicPartition partition, final long offset, final long epoch) {
        if (epoch != epochs.getOrDefault(partition, 0L)) {
            return;
        }
        final TreeMap<Long, Integer> offsets = held.get(partition);
        if (offsets != null && offsets.containsKey(offset) && offsets.merge(offset, -1, Integer::sum) == 0) {
            offsets.remove(offset);
        }
    }

    /** Whether a task of that epoch still belongs to this consumer. */
    public synchronized boolean isLive(final TopicPartition partition, final long epoch) {
        return epoch == epochs.getOrDefault(partition, 0L) && nextToRead.containsKey(partition);
    }

    /** Deliveries read and not settled, over every partition. */
    public synchronized int pending() {
        return pending;
    }

    /** Whether any of the partitions has an unsettled delivery. */
    public synchronized boolean hasUnsettled(final Collection<TopicPartition> partitions) {
        return partitions.stream().anyMatch(p -> unsettled.containsKey(p) && !unsettled.get(p).isEmpty());
    }

    /** The offsets to commit that moved since the last call (empty when nothing moved). */
    public synchronized Map<TopicPartition, OffsetAndMetadata> toCommit() {
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextToRead.forEach((partition, next) -> {
            final TreeMap<Long, Integer> open = unsettled.get(partition);
            final TreeMap<Long, Integer> kept = held.get(partition);
            final long firstUnsettled = open == null || open.isEmpty() ? next : open.firstKey();
            final long commit = kept == null || kept.isEmpty() ? firstUnsettled : Math.min(firstUnsettled, kept.firstKey());
            if (!Long.valueOf(commit).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(commit));
                committed.put(partition, commit);
            }
        });
        return offsets;
    }

    /** Gives partitions up: their holds and unsettled deliveries no longer count, and their tasks are no longer live. */
    public synchronized void forget(final Collection<TopicPartition> partitions) {
        for (final TopicPartition partition : partitions) {
            final TreeMap<Long, Integer> open = unsettled.remove(partition);
            if (open != null) {
                pending -= open.values().stream().mapToInt(Integer::intValue).sum();
            }
            held.remove(partition);
            nextToRead.remove(partition);
            committed.remove(partition);
            epochs.merge(partition, 1L, Long::sum);
        }
    }
}
