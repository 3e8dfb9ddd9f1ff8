package io.newswire.publisher.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.model.ArticleUpdate;
import io.newswire.model.WebhookDelivery;
import io.newswire.model.WebhookDeliveryState;
import io.newswire.model.WebhookSubscriber;
import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.config.NewswireConfig;
import io.newswire.runtime.kafka.KafkaClientConfigs;
import io.newswire.runtime.metrics.WebhookMetrics;
import io.newswire.serde.NewswireSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Webhook delivery: the one entry point the publisher application and {@code dev} start.
 *
 * <p>Reads {@code newswire.articles.updates.v1} in its own consumer group ({@code publisher.webhooks.group.id}) and,
 * for each version, owes one delivery to each subscriber whose filter matches; POSTs it signed (Standard Webhooks
 * headers, {@code webhook-id} = the idempotency key) in that subscriber's own lane. Failures wait in the retry tiers
 * {@code newswire.publisher.webhook-retry-{1,2,3}.v1} (read by the group {@code <group>-retry}) and are parked on
 * {@code newswire.publisher.webhook-parked.v1} after {@code publisher.webhooks.max.attempts}. Every attempt is claimed
 * in, and its outcome written to, the ledger {@code newswire.publisher.webhook-deliveries.v1}.
 *
 * <p>What a receiver gets: every version its filter matches, signed, with the same {@code webhook-id} on every
 * attempt. Once it has answered 2xx to a version, it is not sent that version again, also when the publisher dies
 * before committing its offsets (the ledger says DELIVERED). A version is sent again only after an attempt that did
 * not get a 2xx (an error status, a timeout: the receiver may have processed it, hence the same key). If a
 * publisher dies between claiming an attempt and recording its outcome, the version is parked as uncertain
 * (default) or sent again with the same key ({@code publisher.webhooks.after.crash=redeliver}).
 *
 * <p>Embargo: a version whose {@code embargoUntil} is ahead of the clock is not sent before that instant; it is sent
 * (to the subscribers matching it then) within about 100 ms after it, unless a later version of the article came
 * first, which replaces it. The updates consumer holds it and never commits past it until then, so a restart or a
 * rebalance meanwhile does not lose it: the next owner of its partition reads it again.
 */
public final class Webhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

    private final List<AutoCloseable> parts = new ArrayList<>();

    private Webhooks() {
    }

    /**
     * Starts delivery with its own serdes and meters.
     *
     * @param renderer      the document of a version (ninjs), as the bytes to POST
     * @param filterFactory turns a subscriber's filter (the newsroom API's query parameters) into a predicate
     */
    public static Webhooks start(final NewswireConfig config, final Function<ArticleUpdate, byte[]> renderer,
                                 final Function<Map<String, List<String>>, Predicate<ArticleUpdate>> filterFactory) throws InterruptedException {
        final NewswireSerdes serdes = NewswireSerdes.fromConfig(config.serdeConfig());
        try {
            final Webhooks webhooks = start(config, serdes, new SimpleMeterRegistry(), renderer, filterFactory, Clock.systemUTC());
            webhooks.parts.add(0, serdes); // closed last, after every client using it
            return webhooks;
        } catch (final RuntimeException | InterruptedException e) {
            serdes.close();
            throw e;
        }
    }

    /**
     * Starts delivery on the caller's serdes and meter registry (neither closed by {@link #close()}). Returns once
     * the subscribers and the ledger are read and both consumers run.
     *
     * @param clock the time of attempts and of retry due dates
     */
    public static Webhooks start(final NewswireConfig config, final NewswireSerdes serdes, final MeterRegistry meters,
                                 final Function<ArticleUpdate, byte[]> renderer,
                                 final Function<Map<String, List<String>>, Predicate<ArticleUpdate>> filterFactory,
                                 final Clock clock) throws InterruptedException {
        final Webhooks webhooks = new Webhooks();
        try {
            webhooks.startParts(config, serdes, meters, renderer, filterFactory, clock);
            return webhooks;
        } catch (final RuntimeException | InterruptedException e) {
            webhooks.close();
            throw e;
        }
    }

    private void startParts(final NewswireConfig config, final NewswireSerdes serdes, final MeterRegistry meters,
                            final Function<ArticleUpdate, byte[]> renderer,
                            final Function<Map<String, List<String>>, Predicate<ArticleUpdate>> filterFactory,
                            final Clock clock) throws InterruptedException {
        final String group = config.getString(NewswireConfig.WEBHOOKS_GROUP_ID_CONFIG);
        final Duration writeTimeout = Duration.ofSeconds(30);
        final Map<String, Object> reader = KafkaClientConfigs.committedReader(config, null, group + "-views");

        final KafkaProducer<String, WebhookDeliveryState> ledgerProducer = keep(new KafkaProducer<>(
                awaitedProducer(config, group + "-ledger", writeTimeout),
                NewswireSerdes.keySerde().serializer(), serdes.<WebhookDeliveryState>valueSerde(Topics.WEBHOOK_DELIVERIES).serializer()));
        final KafkaProducer<String, WebhookDelivery> deliveryProducer = keep(new KafkaProducer<>(
                awaitedProducer(config, group + "-retries", writeTimeout),
                NewswireSerdes.keySerde().serializer(), serdes.<WebhookDelivery>valueSerde(Topics.WEBHOOK_PARKED).serializer()));
        final SubscriberDirectory directory = keep(new SubscriberDirectory(reader, NewswireSerdes.keySerde().deserializer(),
                serdes.<WebhookSubscriber>valueSerde(Topics.WEBHOOK_SUBSCRIBERS).deserializer()));
        directory.start(Duration.ofSeconds(60));
        final DeliveryLedger ledger = keep(new DeliveryLedger(ledgerProducer, reader, NewswireSerdes.keySerde().deserializer(),
                serdes.<WebhookDeliveryState>valueSerde(Topics.WEBHOOK_DELIVERIES).deserializer()));
        ledger.start(Duration.ofSeconds(60));

        final RetrySchedule schedule = RetrySchedule.of(config.getInt(NewswireConfig.WEBHOOKS_MAX_ATTEMPTS_CONFIG),
                config.webhooksRetryBackoff(), config.getDouble(NewswireConfig.WEBHOOKS_RETRY_BACKOFF_MULTIPLIER_CONFIG));
        final LaneResources resources = new LaneResources(directory, ledger,
                new WebhookSender(config.webhooksConnectTimeout(), config.webhooksRequestTimeout()), deliveryProducer, renderer, schedule,
                config.webhooksRedeliverAfterCrash(), config.getInt(NewswireConfig.WEBHOOKS_BATCH_SIZE_CONFIG), writeTimeout, clock,
                WebhookMetrics.on(meters));
        final SubscriberLanes lanes = new SubscriberLanes(resources);
        final int maxPending = config.getInt(NewswireConfig.WEBHOOKS_MAX_PENDING_CONFIG);
        final Duration revokeWait = config.webhooksConnectTimeout().plus(config.webhooksRequestTimeout()).plusSeconds(5);
        final SubscriberMatcher matcher = new SubscriberMatcher(filterFactory);

        final KafkaConsumer<String, ArticleUpdate> updates = new KafkaConsumer<>(groupMember(config, group, group + "-updates"),
                NewswireSerdes.keySerde().deserializer(), serdes.<ArticleUpdate>valueSerde(Topics.ARTICLE_UPDATES).deserializer());
        final KafkaConsumer<String, WebhookDelivery> retries = new KafkaConsumer<>(groupMember(config, group + "-retry", group + "-retry"),
                NewswireSerdes.keySerde().deserializer(), serdes.<WebhookDelivery>valueSerde(Topics.WEBHOOK_PARKED).deserializer());
        // consumers stop before the lanes, the lanes before the producers they write with (parts close in reverse)
        keep(lanes);
        keep(new DeliveryConsumer<>("webhook-retries", retries, Topics.WEBHOOK_RETRY_TIERS.stream().map(TopicSpec::name).toList(),
                record -> List.of(record.value()),
                record -> Optional.of(Instant.ofEpochMilli(record.timestamp()).plus(schedule.delayOf(record.topic()))),
                record -> Optional.empty(), lanes, ledger, maxPending, revokeWait, clock).start());
        keep(new DeliveryConsumer<>("webhook-updates", updates, List.of(Topics.ARTICLE_UPDATES.name()),
                record -> owed(directory, matcher, record), record -> Optional.empty(),
                record -> Optional.ofNullable(record.value().getEmbargoUntil()), lanes, ledger, maxPending, revokeWait, clock).start());
        LOG.info("Webhook delivery started (group {}): {} subscriber(s)", group, directory.all().size());
    }

    /** One delivery per subscriber that wants the version, each keyed by its idempotency key. */
    static List<WebhookDelivery> owed(final SubscriberDirectory directory, final SubscriberMatcher matcher,
                                      final ConsumerRecord<String, ArticleUpdate> record) {
        final ArticleUpdate update = record.value();
        final List<WebhookDelivery> owed = new ArrayList<>();
        for (final WebhookSubscriber subscriber : directory.all()) {
            final boolean wanted;
            try {
                wanted = matcher.wants(subscriber, update);
            } catch (final RuntimeException e) {
                LOG.error("Filter of subscriber {} failed on {} v{}; not delivered to it: {}", subscriber.getSubscriberId(),
                        update.getArticleId(), update.getVersion(), e.toString());
                continue;
            }
            if (wanted) {
                owed.add(WebhookDelivery.newBuilder()
                        .setIdempotencyKey(IdempotencyKeys.of(subscriber.getSubscriberId(), update.getArticleId(), update.getVersion()))
                        .setSubscriberId(subscriber.getSubscriberId()).setRound(0).setAttempts(0).setUpdate(update).build());
            }
        }
        return owed;
    }

    /**
     * A durable producer without linger: a lane sends a whole batch of states and then waits for them, so the batch
     * forms by itself, and a linger would only add its time to every step of every batch.
     */
    private static Map<String, Object> awaitedProducer(final NewswireConfig config, final String clientId, final Duration writeTimeout) {
        final Map<String, Object> props = KafkaClientConfigs.durableProducer(config, clientId, writeTimeout.toMillis());
        props.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 0);
        return props;
    }

    private static Map<String, Object> groupMember(final NewswireConfig config, final String group, final String clientId) {
        final Map<String, Object> props = KafkaClientConfigs.committedReader(config, group, clientId);
        // fewer records per poll: each one fans out to every subscriber's lane
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return props;
    }

    private <T extends AutoCloseable> T keep(final T part) {
        parts.add(part);
        return part;
    }

    /** Stops reading, lets POSTs in flight end (bounded by the request timeout), and closes every client. */
    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (final Exception e) {
                LOG.warn("Closing {} failed: {}", parts.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        parts.clear();
    }
}
