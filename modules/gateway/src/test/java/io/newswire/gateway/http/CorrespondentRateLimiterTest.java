package io.newswire.gateway.http;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CorrespondentRateLimiterTest {

    /** A clock moved by hand, so no test waits for real time. */
    private final AtomicLong nanos = new AtomicLong();
    private final CorrespondentRateLimiter limiter = new CorrespondentRateLimiter(60, new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    @Test
    void shouldLetAMinutesAllowanceThroughAtOnceThenSayHowLongToWait() {
        // Given a correspondent allowed 60 a minute who has filed 60 just now
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryTake("reem", 1)).isEmpty();
        }

        // Then the next must wait about one second (the refill is even over the minute)
        final Duration wait = limiter.tryTake("reem", 1).orElseThrow();
        assertThat(wait).isBetween(Duration.ofMillis(900), Duration.ofMillis(1_000));
        assertThat(CorrespondentRateLimiter.retryAfterSeconds(wait)).isEqualTo(1);

        // and after that second one more may pass
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.tryTake("reem", 1)).isEmpty();
    }

    @Test
    void shouldKeepEachCorrespondentsAllowanceApart() {
        assertThat(limiter.tryTake("reem", 60)).isEmpty();

        assertThat(limiter.tryTake("reem", 1)).isPresent();
        assertThat(limiter.tryTake("samir", 1)).isEmpty();
    }

    @Test
    void shouldOnlyLookWhenAskedWhetherOneIsLeft() {
        assertThat(limiter.tryTake("reem", 59)).isEmpty();

        // looking twice takes nothing: the one left is still there to take
        assertThat(limiter.waitForOne("reem")).isEmpty();
        assertThat(limiter.waitForOne("reem")).isEmpty();
        assertThat(limiter.tryTake("reem", 1)).isEmpty();
        assertThat(limiter.waitForOne("reem")).isPresent();
    }
}
