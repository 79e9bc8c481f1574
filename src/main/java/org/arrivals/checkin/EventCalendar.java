package org.arrivals.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The event's wall clock: its time zone (the station's {@code event.timezone}, else the system's)
 * and the station's clock. A check-in belongs to the day of its wall time in this zone; every
 * station of an event should be given the same zone (the day a check-in belongs to travels with
 * it, so stations agree on it either way).
 */
public final class EventCalendar {
    private final Clock clock;
    private final ZoneId zone;

    public EventCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today, in the event's time zone. */
    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** The event day an instant belongs to. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** A wall-clock time of the event as an instant. */
    public Instant at(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }

    /** An instant as the event's wall clock shows it (with the zone's offset at that moment). */
    public OffsetDateTime local(Instant at) {
        return at.atZone(zone).toOffsetDateTime();
    }
}
