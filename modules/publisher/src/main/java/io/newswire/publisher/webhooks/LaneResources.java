package io.newswire.publisher.webhooks;

import io.newswire.model.ArticleUpdate;
import io.newswire.model.WebhookDelivery;
import io.newswire.runtime.metrics.WebhookMetrics;
import org.apache.kafka.clients.producer.Producer;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * What every subscriber lane shares.
 *
 * @param directory           the current subscribers
 * @param ledger              the delivery ledger
 * @param sender              the HTTP client
 * @param deliveries          producer of retry-tier and parking records
 * @param renderer            the document of an article version (ninjs), as bytes
 * @param schedule            retry tiers, attempts and pauses
 * @param redeliverAfterCrash the {@code redeliver} policy for uncertain deliveries
 * @param batchSize           deliveries one lane claims at once
 * @param writeTimeout        longest wait for Kafka to acknowledge a batch of writes
 * @param clock               the time of attempts
 * @param metrics             meters
 */
public record LaneResources(SubscriberDirectory directory, DeliveryLedger ledger, WebhookSender sender,
                            Producer<String, WebhookDelivery> deliveries, Function<ArticleUpdate, byte[]> renderer,
                            RetrySchedule schedule, boolean redeliverAfterCrash, int batchSize, Duration writeTimeout,
                            Clock clock, WebhookMetrics metrics) {
}
