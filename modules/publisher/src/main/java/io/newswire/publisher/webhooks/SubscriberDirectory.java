package io.newswire.publisher.webhooks;

import io.newswire.model.WebhookSubscriber;
import io.newswire.model.topics.Topics;
import io.newswire.runtime.kafka.TopicFollower;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every subscriber on the compacted {@code newswire.publisher.webhook-subscribers.v1}, kept current by a follower of
 * the whole topic (no consumer group: every publisher instance sees every subscriber). A tombstone removes one.
 */
public final class SubscriberDirectory implements AutoCloseable {

    private final Map<String, WebhookSubscriber> subscribers = new ConcurrentHashMap<>();
    private final TopicFollower<String, WebhookSubscriber> follower;

    /** @param consumerConfig client settings (bootstrap, security) */
    public SubscriberDirectory(final Map<String, Object> consumerConfig, final Deserializer<String> keys,
                               final Deserializer<WebhookSubscriber> values) {
        this.follower = new TopicFollower<>(Topics.WEBHOOK_SUBSCRIBERS.name(), consumerConfig, keys, values, this::apply);
    }

    /**
     * Starts following and waits until the subscribers present now are read.
     *
     * @throws IllegalStateException when the topic cannot be read within the timeout
     */
    public SubscriberDirectory start(final Duration timeout) throws InterruptedException {
        follower.start();
        if (!follower.awaitCaughtUp(timeout)) {
            follower.close();
            throw new IllegalStateException("Could not read " + Topics.WEBHOOK_SUBSCRIBERS.name() + " within " + timeout
                    + ": is Kafka reachable, and does the topic exist (newswire topics create)?");
        }
        return this;
    }

    /** Applies one record: a subscriber, or a tombstone removing it. Also how an admin sees its own writes at once. */
    public void apply(final String id, final WebhookSubscriber subscriber) {
        if (subscriber == null) {
            subscribers.remove(id);
        } else {
            subscribers.put(id, subscriber);
        }
    }

    public Optional<WebhookSubscriber> byId(final String id) {
        return Optional.ofNullable(subscribers.get(id));
    }

    /** A snapshot of every current subscriber. */
    public Collection<WebhookSubscriber> all() {
        return List.copyOf(subscribers.values());
    }

    private void apply(final ConsumerRecord<String, WebhookSubscriber> record) {
        apply(record.key(), record.value());
    }

    @Override
    public void close() {
        follower.close();
    }
}
