/**
 * Signed webhook pushes of every article version to registered subscribers (issue 14, the webhook half of the
 * publisher).
 *
 * <p>Reads {@code newswire.articles.updates.v1} (own consumer group) and the compacted subscribers topic; writes the
 * delivery ledger ({@code newswire.publisher.webhook-deliveries.v1}), the retry tiers
 * ({@code newswire.publisher.webhook-retry-N.v1}) and the parking topic ({@code newswire.publisher.webhook-parked.v1}).
 * Start reading at {@link io.newswire.publisher.webhooks.Webhooks}; the rules live in the pure cores
 * {@link io.newswire.publisher.webhooks.DeliveryDecider}, {@link io.newswire.publisher.webhooks.RetrySchedule},
 * {@link io.newswire.publisher.webhooks.WebhookSigner} and {@link io.newswire.publisher.webhooks.SubscriberValidator}.
 */
package io.newswire.publisher.webhooks;
