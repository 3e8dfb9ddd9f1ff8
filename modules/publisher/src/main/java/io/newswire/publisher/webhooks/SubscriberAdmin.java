package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookDelivery;
import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.WebhookDeliveryStatus;
import io.newswire.model.WebhookSubscriber;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code newswire subscribers add|list|remove|replay}: writes subscribers to the compacted
 * {@code newswire.publisher.webhook-subscribers.v1} (every publisher instance follows it, so a change reaches them
 * within about a second), and sends parked deliveries round again through the first retry tier.
 *
 * <p>{@link #add} validates everything first ({@link SubscriberValidator}) and writes nothing on bad input; adding an
 * id that exists replaces it (a new URL, filter or secret). {@link #remove} writes a tombstone; deliveries still
 * owed to a removed subscriber are dropped, each with a log line.
 */
public final class SubscriberAdmin implements AutoCloseable {

    /** What {@link #add} hands back: the stored subscriber, and whether its secret was generated (print it once). */
    public record Added(WebhookSubscriber subscriber, boolean secretGenerated) {
    }

    private final NewswireConfig config;
    private final NewswireSerdes serdes;
    private final KafkaProducer<String, WebhookSubscriber> producer;
    private final SubscriberDirectory directory;
    private final Clock clock;

    /** Connects and reads the current subscribers (up to 30 s). @param serdes the caller's; not closed here */
    public SubscriberAdmin(final NewswireConfig config, final NewswireSerdes serdes, final Clock clock) throws InterruptedException {
        this.config = config;
        this.serdes = serdes;
        this.clock = clock;
        this.producer = new KafkaProducer<>(KafkaClientConfigs.durableProducer(config, "newswire-subscribers-admin", 10_000),
                NewswireSerdes.keySerde().serializer(), serdes.<WebhookSubscriber>valueSerde(Topics.WEBHOOK_SUBSCRIBERS).serializer());
        this.directory = new SubscriberDirectory(KafkaClientConfigs.committedReader(config, null, "newswire-subscribers-admin"),
                NewswireSerdes.keySerde().deserializer(), serdes.<WebhookSubscriber>valueSerde(Topics.WEBHOOK_SUBSCRIBERS).deserializer());
        try {
            directory.start(Duration.ofSeconds(30));
        } catch (final RuntimeException | InterruptedException e) {
            producer.close(Duration.ofSeconds(1));
            throw e;
        }
    }

    /**
     * Adds or replaces a subscriber.
     *
     * @param secret in {@link WebhookSecrets}' format. May be null: one is generated
     * @throws InvalidSubscriberException naming the bad field; nothing is written then
     */
    public Added add(final String id, final String url, final Map<String, List<String>> filter, final String secret) {
        SubscriberValidator.id(id);
        SubscriberValidator.url(url);
        final Map<String, List<String>> checked = SubscriberValidator.filter(filter);
        final boolean generate = secret == null;
        final String used = generate ? WebhookSecrets.generate() : SubscriberValidator.secret(secret);
        final WebhookSubscriber subscriber = WebhookSubscriber.newBuilder().setSubscriberId(id).setUrl(url)
                .setFilter(new LinkedHashMap<>(checked)).setSecret(used).setCreatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)).build();
        write(id, subscriber);
        return new Added(subscriber, generate);
    }

    /** Every current subscriber. */
    public Collection<WebhookSubscriber> list() {
        return directory.all();
    }

    /** @return the removed subscriber, or empty when there is none of that id */
    public Optional<WebhookSubscriber> remove(final String id) {
        final Optional<WebhookSubscriber> current = directory.byId(id);
        current.ifPresent(s -> write(id, null));
        return current;
    }

    /**
     * Sends a subscriber's parked deliveries again: each still parked (by the ledger) goes to the first retry tier as
     * the next round, with its attempts starting again, and its idempotency key unchanged.
     *
     * @param onlyKey one idempotency key to replay. May be null: all of the subscriber's
     * @return the keys sent
     */
    public List<String> replay(final String subscriberId, final String onlyKey) throws InterruptedException {
        final Map<String, WebhookDelivery> parked = readParked(subscriberId, onlyKey);
        final List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, WebhookDeliveryState> ledgerProducer = new KafkaProducer<>(
                KafkaClientConfigs.durableProducer(config, "newswire-subscribers-replay", 10_000), NewswireSerdes.keySerde().serializer(),
                serdes.<WebhookDeliveryState>valueSerde(Topics.WEBHOOK_DELIVERIES).serializer());
             DeliveryLedger ledger = new DeliveryLedger(ledgerProducer, KafkaClientConfigs.committedReader(config, null, "newswire-subscribers-replay"),
                     NewswireSerdes.keySerde().deserializer(), serdes.<WebhookDeliveryState>valueSerde(Topics.WEBHOOK_DELIVERIES).deserializer());
             KafkaProducer<String, WebhookDelivery> retries = new KafkaProducer<>(
                     KafkaClientConfigs.durableProducer(config, "newswire-subscribers-replay", 10_000), NewswireSerdes.keySerde().serializer(),
                     serdes.<WebhookDelivery>valueSerde(Topics.WEBHOOK_RETRY_1).serializer())) {
            ledger.start(Duration.ofSeconds(30));
            final List<Future<?>> sends = new ArrayList<>();
            for (final WebhookDelivery delivery : parked.values()) {
                final WebhookDeliveryState state = ledger.get(delivery.getIdempotencyKey());
                if (state != null && (state.getStatus() != WebhookDeliveryStatus.PARKED || state.getRound() != delivery.getRound())) {
                    continue; // delivered since, or already replayed
                }
                final WebhookDelivery again = WebhookDelivery.newBuilder(delivery).setRound(delivery.getRound() + 1).setAttempts(0)
                        .setFirstAttemptAt(null).build();
                sends.add(retries.send(new ProducerRecord<>(Topics.WEBHOOK_RETRY_1.name(), null, clock.millis(), subscriberId, again)));
                sent.add(delivery.getIdempotencyKey());
            }
            DeliveryLedger.await(sends, Duration.ofSeconds(30));
        }
        return sent;
    }

    /** The latest parked record of each key of the subscriber, read from the start of the parking topic to its end now. */
    private Map<String, WebhookDelivery> readParked(final String subscriberId, final String onlyKey) {
        final Map<String, WebhookDelivery> parked = new LinkedHashMap<>();
        try (KafkaConsumer<String, WebhookDelivery> consumer = new KafkaConsumer<>(
                KafkaClientConfigs.committedReader(config, null, "newswire-subscribers-replay"), NewswireSerdes.keySerde().deserializer(),
                serdes.<WebhookDelivery>valueSerde(Topics.WEBHOOK_PARKED).deserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(Topics.WEBHOOK_PARKED.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + Topics.WEBHOOK_PARKED.name() + " to its end within 60 s");
                }
                for (final ConsumerRecord<String, WebhookDelivery> record : consumer.poll(Duration.ofMillis(200))) {
                    final WebhookDelivery delivery = record.value();
                    if (delivery != null && subscriberId.equals(delivery.getSubscriberId())
                            && (onlyKey == null || onlyKey.equals(delivery.getIdempotencyKey()))) {
                        parked.put(delivery.getIdempotencyKey(), delivery);
                    }
                }
            }
        }
        return parked;
    }

    private void write(final String id, final WebhookSubscriber subscriber) {
        try {
            producer.send(new ProducerRecord<>(Topics.WEBHOOK_SUBSCRIBERS.name(), id, subscriber)).get(15, TimeUnit.SECONDS);
            directory.apply(id, subscriber); // our own view learns it now: add then list shows it
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write subscriber " + id + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        directory.close();
    }
}
