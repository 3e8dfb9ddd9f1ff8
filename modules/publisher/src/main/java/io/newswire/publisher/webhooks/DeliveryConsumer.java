package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookDelivery;
import io.newswire.serde.RegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A consumer group member that turns records into delivery tasks for the subscribers' lanes and commits each
 * partition only up to its first record with a task still unsettled ({@link CommitTracker}). Two run per publisher:
 * one on {@code newswire.articles.updates.v1} (one task per matching subscriber) and one on the retry tiers (one task
 * per record, once it is due: a record not yet due pauses its partition until then, so it costs no polling).
 *
 * <p>Embargo: a record whose {@code embargoedUntil} is still ahead (by the clock) is held ({@link EmbargoHolds}), not
 * delivered, and its partition's commit stays at or below it; when its time comes (checked before every poll, so at
 * most about 100 ms late) its deliveries are worked out and handed to the lanes like any other. A later record of the
 * same key replaces the hold. The partition is not paused: the other articles on it go on being delivered, and
 * after a restart or rebalance they are read again behind the held record and skipped by the ledger.
 *
 * <p>Reading stops (every partition paused) while more than {@code maxPending} tasks are unsettled. On taking a
 * partition over it first waits for the ledger to be read up to now; on giving one up it waits (bounded) for its
 * tasks to settle, then commits.
 *
 * @param <V> the record value type
 */
final class DeliveryConsumer<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryConsumer.class);

    private final String name;
    private final KafkaConsumer<String, V> consumer;
    private final Collection<String> topics;
    private final Function<ConsumerRecord<String, V>, List<WebhookDelivery>> toDeliveries;
    private final Function<ConsumerRecord<String, V>, Optional<Instant>> dueAt;
    private final Function<ConsumerRecord<String, V>, Optional<Instant>> embargoedUntil;
    private final EmbargoHolds<ConsumerRecord<String, V>> holds = new EmbargoHolds<>();
    private final SubscriberLanes lanes;
    private final DeliveryLedger ledger;
    private final int maxPending;
    private final Duration revokeWait;
    private final Clock clock;
    private final CommitTracker tracker = new CommitTracker();
    private final Map<TopicPartition, Instant> waitingUntil = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean pausedForPending;

    /**
     * @param toDeliveries the deliveries a record asks for (may be none)
     * @param dueAt          when a record's deliveries are due; empty: now. A record not yet due pauses its partition
     * @param embargoedUntil the embargo of a record's version; empty: none. A record still under it is held alone
     * @param revokeWait     longest wait for a given-up partition's tasks to settle
     */
    DeliveryConsumer(final String name, final KafkaConsumer<String, V> consumer, final Collection<String> topics,
                     final Function<ConsumerRecord<String, V>, List<WebhookDelivery>> toDeliveries,
                     final Function<ConsumerRecord<String, V>, Optional<Instant>> dueAt,
                     final Function<ConsumerRecord<String, V>, Optional<Instant>> embargoedUntil, final SubscriberLanes lanes,
                     final DeliveryLedger ledger, final int maxPending, final Duration revokeWait, final Clock clock) {
        this.name = name;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.toDeliveries = toDeliveries;
        this.dueAt = dueAt;
        this.embargoedUntil = embargoedUntil;
        this.lanes = lanes;
        this.ledger = ledger;
        this.maxPending = maxPending;
        this.revokeWait = revokeWait;
        this.clock = clock;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    DeliveryConsumer<V> start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                resumeDue();
                releaseEmbargoed();
                pauseForPending();
                final ConsumerRecords<String, V> records;
                try {
                    records = consumer.poll(Duration.ofMillis(100));
                } catch (final RecordDeserializationException e) {
                    skipOrWait(e);
                    continue;
                }
                handle(records);
                commit();
            }
        } catch (final WakeupException e) {
            if (running) {
                LOG.error("{} woken up unexpectedly", name, e);
            }
        } catch (final RuntimeException e) {
            LOG.error("{} stopped: no more deliveries are read until the publisher restarts", name, e);
        } finally {
            try {
                commit();
            } catch (final RuntimeException e) {
                LOG.warn("{}: last commit failed ({}); the uncommitted records are read again and the ledger skips what was done", name, e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(final ConsumerRecords<String, V> records) {
        final Set<TopicPartition> waiting = new HashSet<>();
        for (final ConsumerRecord<String, V> record : records) {
            final TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (waiting.contains(partition)) {
                continue;
            }
            final Optional<Instant> due = dueAt.apply(record);
            if (due.isPresent() && due.get().isAfter(clock.instant())) {
                // the head of a retry tier is its next record due: wait for it without polling the partition
                consumer.seek(partition, record.offset());
                consumer.pause(List.of(partition));
                waitingUntil.put(partition, due.get());
                waiting.add(partition);
                continue;
            }
            final Optional<Instant> embargo = record.value() == null ? Optional.empty() : embargoedUntil.apply(record);
            if (embargo.isPresent() && embargo.get().isAfter(clock.instant())) {
                final long epoch = tracker.hold(partition, record.offset());
                holds.hold(new EmbargoHolds.Held<>(partition, slotKey(record), record.offset(), epoch, embargo.get(), record))
                        .ifPresent(this::endHold);
                LOG.debug("{}: holding {}-{} (key {}) until its embargo ends at {}", name, partition, record.offset(), record.key(), embargo.get());
                continue;
            }
            // this version is the article's latest and under no embargo: an earlier one still held is superseded
            holds.drop(partition, slotKey(record)).ifPresent(this::endHold);
            deliver(partition, record);
        }
    }

    private void deliver(final TopicPartition partition, final ConsumerRecord<String, V> record) {
        final List<WebhookDelivery> deliveries = record.value() == null ? List.of() : toDeliveries.apply(record);
        final long epoch = tracker.read(partition, record.offset(), deliveries.size());
        for (final WebhookDelivery delivery : deliveries) {
            lanes.submit(new DeliveryTask(delivery, partition, record.offset(), epoch, tracker));
        }
    }

    /** Delivers the held records whose embargo has ended: their tasks are counted before the hold ends. */
    private void releaseEmbargoed() {
        for (final EmbargoHolds.Held<ConsumerRecord<String, V>> held : holds.due(clock.instant())) {
            LOG.info("{}: embargo of {}-{} (key {}) ended at {}; delivering it", name, held.partition(), held.offset(), held.key(), held.until());
            deliver(held.partition(), held.record());
            endHold(held);
        }
    }

    private void endHold(final EmbargoHolds.Held<ConsumerRecord<String, V>> held) {
        tracker.unhold(held.partition(), held.offset(), held.epoch());
    }

    /** The key a hold is replaced by: the record key (an article), or the record itself when it has none. */
    private static String slotKey(final ConsumerRecord<String, ?> record) {
        return record.key() != null ? record.key() : "@" + record.offset();
    }

    private void resumeDue() {
        if (waitingUntil.isEmpty()) {
            return;
        }
        final Instant now = clock.instant();
        final List<TopicPartition> due = waitingUntil.entrySet().stream().filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
        due.forEach(waitingUntil::remove);
        if (!due.isEmpty() && !pausedForPending) {
            consumer.resume(due.stream().filter(p -> consumer.assignment().contains(p)).toList());
        }
    }

    private void pauseForPending() {
        final boolean tooMany = tracker.pending() > maxPending;
        if (tooMany && !pausedForPending) {
            consumer.pause(consumer.assignment());
            pausedForPending = true;
        } else if (!tooMany && pausedForPending) {
            consumer.resume(consumer.assignment().stream().filter(p -> !waitingUntil.containsKey(p)).toList());
            pausedForPending = false;
        }
    }

    private void commit() {
        final Map<TopicPartition, OffsetAndMetadata> offsets = tracker.toCommit();
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    private void skipOrWait(final RecordDeserializationException e) {
        if (RegistryUnavailableException.isCauseOf(e)) {
            LOG.warn("{}: cannot read {}-{} while the registry is unavailable; again in 1 s", name, e.topicPartition(), e.offset());
            consumer.seek(e.topicPartition(), e.offset());
            sleep(1_000);
        } else {
            // not ours to fix (the producer wrote bytes we cannot read): said loudly, counted, and passed over
            LOG.error("{}: skipping undecodable record {}-{}: {}", name, e.topicPartition(), e.offset(), e.getMessage());
            tracker.read(e.topicPartition(), e.offset(), 0);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            final long deadline = System.nanoTime() + revokeWait.toNanos();
            while (tracker.hasUnsettled(partitions) && System.nanoTime() < deadline) {
                sleep(20);
            }
            try {
                commit();
            } catch (final RuntimeException e) {
                LOG.warn("{}: commit on revocation failed ({}); the next owner reads those records again", name, e.toString());
            }
            tracker.forget(partitions);
            holds.forget(partitions);
            partitions.forEach(waitingUntil::remove);
        }

        @Override
        public void onPartitionsLost(final Collection<TopicPartition> partitions) {
            tracker.forget(partitions);
            holds.forget(partitions);
            partitions.forEach(waitingUntil::remove);
        }

        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            try {
                if (!partitions.isEmpty() && !ledger.awaitCaughtUp(Duration.ofSeconds(30))) {
                    LOG.warn("{}: the webhook ledger was not read up to now within 30 s; going on with what is read", name);
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (pausedForPending) {
                consumer.pause(partitions);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
