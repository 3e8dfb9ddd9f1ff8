package io.newswire.publisher.webhooks;

import io.newswire.model.topics.TopicSpec;
import io.newswire.model.topics.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again. Retry tier n (1-based) delays every record by
 * {@code backoff * multiplier^(n-1)}; attempt n waits in tier min(n, tiers), so the waits grow exponentially up to
 * the last tier's and then stay there. After {@code maxAttempts} the delivery is parked. A subscriber that failed
 * is left alone for the tier delay of its consecutive failures (so its other deliveries do not each wait out a
 * timeout). Pure.
 *
 * @param maxAttempts attempts per round before parking, at least 1
 * @param backoff     the first tier's delay
 * @param multiplier  growth from one tier to the next, at least 1
 * @param tiers       the tier topics, in order
 */
public record RetrySchedule(int maxAttempts, Duration backoff, double multiplier, List<TopicSpec> tiers) {

    public RetrySchedule {
        if (maxAttempts < 1 || multiplier < 1.0 || tiers.isEmpty() || backoff.isNegative()) {
            throw new IllegalArgumentException("maxAttempts >= 1, multiplier >= 1, a tier at least, backoff >= 0");
        }
        tiers = List.copyOf(tiers);
    }

    /** The schedule over {@link Topics#WEBHOOK_RETRY_TIERS}. */
    public static RetrySchedule of(final int maxAttempts, final Duration backoff, final double multiplier) {
        return new RetrySchedule(maxAttempts, backoff, multiplier, Topics.WEBHOOK_RETRY_TIERS);
    }

    /**
     * Where a delivery goes after its attempt number {@code attemptsMade} (1-based) failed: the tier to wait in, or
     * empty to park it.
     */
    public Optional<TopicSpec> tierAfter(final int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(tiers.get(Math.min(Math.max(attemptsMade, 1), tiers.size()) - 1));
    }

    /** How long a record waits in a tier topic (by its timestamp) before it is due. */
    public Duration delayOf(final String tierTopic) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(tierTopic)) {
                return tierDelay(i + 1);
            }
        }
        throw new IllegalArgumentException(tierTopic + " is not a retry tier");
    }

    /** How long a subscriber is left alone after this many consecutive failures. */
    public Duration pauseAfter(final int consecutiveFailures) {
        return tierDelay(Math.min(Math.max(consecutiveFailures, 1), tiers.size()));
    }

    private Duration tierDelay(final int tier) {
        return Duration.ofMillis(Math.round(backoff.toMillis() * Math.pow(multiplier, tier - 1)));
    }
}
