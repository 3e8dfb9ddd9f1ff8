package io.newswire.gateway.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many reports each correspondent may file: a token bucket per correspondent (Bucket4j) holding a minute's
 * allowance and refilled evenly, so a queue flushing after a blackout may spend its whole minute at once but no
 * faster. A single report costs one token, a batch one per report.
 *
 * <p>The buckets live in this instance: with n gateway instances behind a balancer a correspondent can file up to
 * n times the limit. It guards the cluster against a runaway app, not a budget to enforce exactly.
 */
public final class CorrespondentRateLimiter {

    private final int perMinute;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CorrespondentRateLimiter(final int perMinute) {
        this(perMinute, TimeMeter.SYSTEM_NANOTIME);
    }

    /** @param clock Bucket4j's time source; tests pass one they move by hand */
    CorrespondentRateLimiter(final int perMinute, final TimeMeter clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public int perMinute() {
        return perMinute;
    }

    /**
     * Takes {@code reports} tokens if the correspondent has them.
     *
     * @return empty when taken; otherwise how long until they would be there (nothing is taken)
     */
    public Optional<Duration> tryTake(final String correspondentId, final long reports) {
        final ConsumptionProbe probe = bucket(correspondentId).tryConsumeAndReturnRemaining(reports);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** @return empty when the correspondent has at least one token left (nothing is taken); else the wait for one */
    public Optional<Duration> waitForOne(final String correspondentId) {
        final Bucket bucket = bucket(correspondentId);
        return bucket.getAvailableTokens() > 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Retry-After in whole seconds, rounded up and at least 1. */
    public static long retryAfterSeconds(final Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private Bucket bucket(final String correspondentId) {
        return buckets.computeIfAbsent(correspondentId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(clock)
                .build());
    }
}
