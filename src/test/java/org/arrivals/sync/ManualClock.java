package org.arrivals.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock a test moves by hand; one per station, so stations can disagree about the time. */
final class ManualClock extends Clock {
    private final AtomicLong millis;

    ManualClock(String instant) {
        millis = new AtomicLong(Instant.parse(instant).toEpochMilli());
    }

    void set(String instant) {
        millis.set(Instant.parse(instant).toEpochMilli());
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
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
