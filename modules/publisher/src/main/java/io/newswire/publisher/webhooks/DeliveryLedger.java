package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.topics.Topics;
import io.newswire.serde.RegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The delivery ledger on {@code newswire.publisher.webhook-deliveries.v1}: the latest state of every version's
 * delivery to every subscriber, held in memory and kept current by reading the whole topic (every instance reads
 * what the others write). A write counts once Kafka acknowledged it ({@code acks=all}), and this view learns it at
 * once; the echo read back later never replaces a newer state ({@link DeliveryDecider#later}).
 *
 * <p>{@link #awaitCaughtUp} waits until everything on the topic at that moment is read: an instance taking over a
 * partition calls it first, so it sees every claim of the instance that had it before.
 *
 * <p>Memory: one small entry per version per subscriber within the topic's retention (30 days).
 */
public final class DeliveryLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);
    private static final String TOPIC = Topics.WEBHOOK_DELIVERIES.name();

    private final Map<String, WebhookDeliveryState> states = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Producer<String, WebhookDeliveryState> producer;
    private final KafkaConsumer<String, WebhookDeliveryState> reader;
    private final KafkaConsumer<byte[], byte[]> endOffsets;
    private final Thread thread;
    private volatile List<TopicPartition> partitions = List.of();
    private volatile boolean running = true;

    /**
     * @param producer       a durable producer shared with the caller; not closed here
     * @param consumerConfig client settings (bootstrap, security); no group is used
     */
    public DeliveryLedger(final Producer<String, WebhookDeliveryState> producer, final Map<String, Object> consumerConfig,
                          final Deserializer<String> keys, final Deserializer<WebhookDeliveryState> values) {
        this.producer = producer;
        final Map<String, Object> props = new HashMap<>(consumerConfig);
        props.remove("group.id");
        props.put("enable.auto.commit", false);
        props.put("isolation.level", "read_committed");
        this.reader = new KafkaConsumer<>(props, keys, values);
        this.endOffsets = new KafkaConsumer<>(props, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        this.thread = new Thread(this::run, "webhook-ledger");
        this.thread.setDaemon(true);
    }

    /** Starts reading and waits until the ledger as it is now is in memory. */
    public DeliveryLedger start(final Duration timeout) throws InterruptedException {
        final List<TopicPartition> all = endOffsets.partitionsFor(TOPIC, timeout).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("Topic " + TOPIC + " has no partitions: create it first (newswire topics create)");
        }
        partitions = all;
        thread.start();
        if (!awaitCaughtUp(timeout)) {
            throw new IllegalStateException("Could not read " + TOPIC + " within " + timeout);
        }
        return this;
    }

    /** Waits until every record on the ledger at this moment has been read into memory. */
    public boolean awaitCaughtUp(final Duration timeout) throws InterruptedException {
        final Map<TopicPartition, Long> ends;
        synchronized (endOffsets) {
            ends = endOffsets.endOffsets(partitions, timeout);
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The latest state of a key. May be null (never attempted, or past retention). */
    public WebhookDeliveryState get(final String idempotencyKey) {
        return states.get(idempotencyKey);
    }

    /** Sends a state; {@link #await} the returned futures before relying on it. */
    public Future<?> write(final WebhookDeliveryState state) {
        return producer.send(new ProducerRecord<>(TOPIC, state.getIdempotencyKey(), state), (metadata, error) -> {
            if (error == null) {
                apply(state);
            }
        });
    }

    /**
     * Waits for sends to be acknowledged.
     *
     * @throws IllegalStateException when one was not (Kafka unreachable past the producer's delivery timeout)
     */
    public static void await(final List<? extends Future<?>> sends, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (final Future<?> send : sends) {
            try {
                send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing to Kafka", e);
            } catch (final ExecutionException | TimeoutException e) {
                throw new IllegalStateException("A write was not acknowledged: " + (e.getCause() == null ? e : e.getCause()), e);
            }
        }
    }

    private void apply(final WebhookDeliveryState state) {
        states.merge(state.getIdempotencyKey(), state, DeliveryDecider::later);
    }

    private void run() {
        try {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            while (running) {
                try {
                    for (final ConsumerRecord<String, WebhookDeliveryState> record : reader.poll(Duration.ofMillis(100))) {
                        if (record.value() != null) {
                            apply(record.value());
                        }
                    }
                } catch (final RecordDeserializationException e) {
                    if (RegistryUnavailableException.isCauseOf(e)) {
                        LOG.warn("Cannot read the webhook ledger at {}-{} while the registry is unavailable; again in 1 s", e.topicPartition(), e.offset());
                        reader.seek(e.topicPartition(), e.offset());
                        Thread.sleep(1_000);
                    } else {
                        LOG.error("Skipping an undecodable ledger record at {}-{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                        reader.seek(e.topicPartition(), e.offset() + 1);
                    }
                }
                final List<TopicPartition> read = new ArrayList<>(partitions);
                for (final TopicPartition partition : read) {
                    positions.put(partition, reader.position(partition));
                }
            }
        } catch (final WakeupException e) {
            if (running) {
                LOG.error("Webhook ledger reader woken up unexpectedly", e);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final RuntimeException e) {
            LOG.error("Webhook ledger reader stopped: deliveries wait for it ({})", e.toString(), e);
        } finally {
            reader.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        reader.wakeup();
        try {
            thread.join(10_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (endOffsets) {
            endOffsets.close(Duration.ofSeconds(5));
        }
    }
}
