package io.newswire.runtime.kafka;

import io.newswire.serde.RegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a whole topic from the beginning on a background thread and keeps following it, handing each record
 * to a callback: how a process keeps an in-memory view of a compacted topic (credentials, report states) that
 * every instance shares. No consumer group: every follower sees every partition.
 *
 * <p>A record that fails to deserialize is logged and skipped, so one bad record cannot stop the view. One that
 * could not be read for want of the schema registry is not the record's fault: the follower waits and reads it
 * again, so a process started during a registry outage does not lose credentials or ids for good.
 *
 * <p>A follower given a start time reads each partition from its first record with a timestamp at or after that
 * time ({@code offsetsForTimes}), so a view kept for a window of time does not read the history before it.
 */
public final class TopicFollower<K, V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final String topic;
    private final KafkaConsumer<K, V> consumer;
    private final Consumer<ConsumerRecord<K, V>> onRecord;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Supplier<Instant> startAt;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param consumerConfig client settings (bootstrap, security); group and offsets are managed here
     * @param onRecord       called on the follower's thread, in offset order per partition
     */
    public TopicFollower(final String topic, final Map<String, Object> consumerConfig, final Deserializer<K> keys,
                         final Deserializer<V> values, final Consumer<ConsumerRecord<K, V>> onRecord) {
        this(topic, consumerConfig, keys, values, onRecord, null);
    }

    /**
     * As the other constructor, reading from a point in time instead of the beginning.
     *
     * @param startAt asked at each (re)start of reading; each partition is read from its first record stamped at or
     *                after it (a later record with an older stamp is still handed over). Null: from the beginning
     */
    public TopicFollower(final String topic, final Map<String, Object> consumerConfig, final Deserializer<K> keys,
                         final Deserializer<V> values, final Consumer<ConsumerRecord<K, V>> onRecord, final Supplier<Instant> startAt) {
        this.topic = topic;
        this.startAt = startAt;
        final Map<String, Object> props = new java.util.HashMap<>(consumerConfig);
        props.remove("group.id");
        props.put("enable.auto.commit", false);
        props.put("isolation.level", "read_committed");
        this.consumer = new KafkaConsumer<>(props, keys, values);
        this.onRecord = onRecord;
        this.thread = new Thread(this::run, "follower-" + topic);
        this.thread.setDaemon(true);
    }

    /** Starts reading; {@link #awaitCaughtUp} tells when the history present at start has been read. */
    public TopicFollower<K, V> start() {
        thread.start();
        return this;
    }

    /** Waits until every record that was on the topic when reading started has been handed over. */
    public boolean awaitCaughtUp(final Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    private void run() {
        try {
            while (running) {
                try {
                    follow();
                } catch (final WakeupException e) {
                    if (running) {
                        throw e;
                    }
                } catch (final RuntimeException e) {
                    // a view must not die of a passing fault: read again from the start (the callbacks are idempotent)
                    LOG.warn("Follower of {} failed ({}); reading the topic again in 1 s", topic, e.toString());
                    sleep(1_000);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void follow() {
        final List<TopicPartition> partitions = awaitPartitions();
        if (partitions.isEmpty()) {
            return; // closing
        }
        consumer.assign(partitions);
        seekToStart(partitions);
        final Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
        while (running) {
            try {
                consumer.poll(Duration.ofMillis(200)).forEach(onRecord);
            } catch (final org.apache.kafka.common.errors.RecordDeserializationException e) {
                if (RegistryUnavailableException.isCauseOf(e)) {
                    LOG.warn("Cannot read {} at {}-{} while the schema registry is unavailable; trying again in 1 s",
                            topic, e.topicPartition(), e.offset());
                    consumer.seek(e.topicPartition(), e.offset());
                    sleep(1_000);
                } else {
                    LOG.warn("Skipping undecodable record on {}: {}", topic, e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            if (caughtUp.getCount() > 0 && endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                caughtUp.countDown();
            }
        }
    }

    private void seekToStart(final List<TopicPartition> partitions) {
        if (startAt == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        final long from = Math.max(0, startAt.get().toEpochMilli());
        final Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from));
        final List<TopicPartition> nothingThatRecent = new ArrayList<>();
        consumer.offsetsForTimes(query).forEach((partition, found) -> {
            if (found == null) {
                nothingThatRecent.add(partition);
            } else {
                consumer.seek(partition, found.offset());
            }
        });
        if (!nothingThatRecent.isEmpty()) {
            // never with an empty list: that means every assigned partition
            consumer.seekToEnd(nothingThatRecent);
        }
    }

    /** The topic's partitions; a topic created a moment ago may not be in the metadata yet, so ask until it is. */
    private List<TopicPartition> awaitPartitions() {
        while (running) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            sleep(200);
        }
        return List.of();
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
