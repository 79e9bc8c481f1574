package org.arrivals.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock a test sets and moves by hand: a conference's three days in a second. */
public final class MovingClock extends Clock {
    private final AtomicLong millis;

    public MovingClock(String instant) {
        millis = new AtomicLong(Instant.parse(instant).toEpochMilli());
    }

    public MovingClock set(String instant) {
        millis.set(Instant.parse(instant).toEpochMilli());
        return this;
    }

    public MovingClock advance(Duration d) {
        millis.addAndGet(d.toMillis());
        return this;
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
