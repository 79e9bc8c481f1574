package org.arrivals.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One session or workshop of the schedule: its id, title, track, room, day, start and end (the
 * event's wall clock) and the seats in its room ({@code capacity}; 0: no limit).
 */
public record Session(
        String id,
        String title,
        String track,
        String room,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        int capacity) {

    public Instant startsAt(ZoneId zone) {
        return date.atTime(start).atZone(zone).toInstant();
    }

    public Instant endsAt(ZoneId zone) {
        return date.atTime(end).atZone(zone).toInstant();
    }

    /** True when the room has a limit. */
    public boolean limited() {
        return capacity > 0;
    }

    /** True at {@code at} from its start to its end. */
    public boolean runningAt(Instant at, ZoneId zone) {
        return !at.isBefore(startsAt(zone)) && at.isBefore(endsAt(zone));
    }

    public long scheduledMinutes() {
        return Duration.between(start, end).toMinutes();
    }
}
