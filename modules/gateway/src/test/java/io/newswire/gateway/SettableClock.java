package io.newswire.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, so time-based rules are tested without sleeping. */
public final class SettableClock extends Clock {

    private volatile Instant now;

    public SettableClock(final Instant now) {
        this.now = now;
    }

    public void advance(final Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is UTC");
    }
}
