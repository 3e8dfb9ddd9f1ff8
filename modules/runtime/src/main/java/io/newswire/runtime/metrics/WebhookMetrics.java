package io.newswire.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Meters of webhook delivery (issue 14). Each name sits beside its description; the publisher's lanes record here.
 */
public final class WebhookMetrics {

    public static final String DELIVERIES = "newswire.publisher.webhook.deliveries";
    private static final String DELIVERIES_DESCRIPTION = "Webhook delivery attempts and skips by subscriber and outcome: delivered, "
            + "failed (a retry scheduled), deferred (not tried: the subscriber is failing; retried later), parked, uncertain (parked after a "
            + "crash), skipped (already delivered, stale or parked), dropped (subscriber removed)";
    /** The subscriber's id: as many values as subscribers registered (an operator's list, `newswire subscribers`). */
    public static final String SUBSCRIBER_TAG = "subscriber";
    public static final String OUTCOME_TAG = "outcome";
    public static final String ATTEMPT_LATENCY = "newswire.publisher.webhook.attempt.latency";
    private static final String ATTEMPT_LATENCY_DESCRIPTION = "Time of one POST to a subscriber, answered or not";
    public static final String END_TO_END_LATENCY = "newswire.publisher.webhook.delivery.lag";
    private static final String END_TO_END_LATENCY_DESCRIPTION = "From the article update's record timestamp to its acknowledged delivery";

    private final MeterRegistry registry;
    private final Timer attempts;
    private final Timer lag;

    private WebhookMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.attempts = Timer.builder(ATTEMPT_LATENCY).description(ATTEMPT_LATENCY_DESCRIPTION).publishPercentiles(0.5, 0.99).register(registry);
        this.lag = Timer.builder(END_TO_END_LATENCY).description(END_TO_END_LATENCY_DESCRIPTION).publishPercentiles(0.5, 0.99).register(registry);
    }

    public static WebhookMetrics on(final MeterRegistry registry) {
        return new WebhookMetrics(registry);
    }

    /** Counts one task's outcome for a subscriber. */
    public void outcome(final String subscriber, final String outcome) {
        Counter.builder(DELIVERIES).description(DELIVERIES_DESCRIPTION).tag(SUBSCRIBER_TAG, subscriber).tag(OUTCOME_TAG, outcome)
                .register(registry).increment();
    }

    public void attempt(final Duration took) {
        attempts.record(took);
    }

    public void deliveredAfter(final Duration sinceUpdate) {
        lag.record(sinceUpdate);
    }
}
