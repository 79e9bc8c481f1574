package org.arrivals.sync.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one check of an event, for the hub (every pushed event, before anything is stored) and for
 * a station (every event it records, before it is written; every event it pulls, before it is
 * applied). An event passes when:
 *
 * <ul>
 *   <li>{@code id} is a UUID;
 *   <li>{@code attendeeCode} is present, at most {@value #MAX_ATTENDEE_CODE} characters, without
 *       control characters;
 *   <li>{@code kind} is one of {@link EventKind};
 *   <li>{@code stationId} is present, at most {@value #MAX_STATION_ID} characters, without control
 *       characters;
 *   <li>{@code wallTime} is present, from 1970 to the end of 9999;
 *   <li>{@code hlc} (48 bits of milliseconds, then 16 of counter) is not negative;
 *   <li>{@code details} is absent or one JSON object of strings, at most {@value
 *       Details#MAX_LENGTH} characters, carrying the keys its kind requires within their limits
 *       ({@link EventKind#details()}); an edit names an editable field and its new value fits it.
 * </ul>
 *
 * Keys a kind does not name are let through, so a newer station may add one.
 */
public final class EventContract {
    public static final int MAX_ATTENDEE_CODE = 200;
    public static final int MAX_STATION_ID = 100;
    public static final Instant EARLIEST_WALL_TIME = Instant.EPOCH;
    public static final Instant LATEST_WALL_TIME = Instant.parse("9999-12-31T23:59:59.999Z");
    /**
     * The largest clock value: 48 bits of milliseconds then 16 of counter in a signed 64-bit
     * integer (both ends store it as one), so the milliseconds reach the year 6429.
     */
    public static final long MAX_HLC = Long.MAX_VALUE;
    /**
     * How far ahead of the receiver's own clock an event's {@code wallTime} and clock may be: the
     * hub refuses a push beyond it (400), and a station neither applies such an event nor lets it
     * move its own clock. Generous for stations whose clocks are wrong by hours (a time zone set
     * wrong), and far short of the years that would stop every station's clock.
     */
    public static final Duration MAX_AHEAD = Duration.ofHours(24);

    /** The milliseconds of a clock value (its high 48 bits). */
    public static long clockMillis(long hlc) {
        return hlc >>> 16;
    }

    /**
     * The clock rule, against the receiver's time {@code now}: empty when neither the wall time
     * nor the clock is more than {@link #MAX_AHEAD} ahead of it.
     */
    public static Optional<Problem> checkClock(OffsetDateTime wallTime, long hlc, Instant now) {
        long latest = now.plus(MAX_AHEAD).toEpochMilli();
        if (wallTime != null && wallTime.toInstant().toEpochMilli() > latest) {
            return Optional.of(Problem.of(WireField.WALL_TIME, Problem.Rule.TOO_FAR_AHEAD));
        }
        if (hlc >= 0 && clockMillis(hlc) > latest) {
            return Optional.of(Problem.of(WireField.HLC, Problem.Rule.TOO_FAR_AHEAD));
        }
        return Optional.empty();
    }

    /** {@link #check(WireEvent)}, then {@link #checkClock} against {@code now}. */
    public static Optional<Problem> check(WireEvent e, Instant now) {
        Optional<Problem> p = check(e);
        return p.isPresent() ? p : checkClock(e.wallTime(), e.hlc(), now);
    }

    /** The latest clock value a receiver at {@code now} accepts (its clock never moves past it). */
    public static long latestClock(Instant now) {
        return (now.plus(MAX_AHEAD).toEpochMilli() << 16) | 0xFFFF;
    }

    private EventContract() {}

    public static Optional<Problem> check(WireEvent e) {
        return check(e.id(), e.attendeeCode(), e.kind(), e.stationId(), e.wallTime(), e.hlc(), e.details());
    }

    /** The first rule the event breaks, in the order of its fields; empty when it passes. */
    public static Optional<Problem> check(
            UUID id,
            String attendeeCode,
            String kind,
            String stationId,
            OffsetDateTime wallTime,
            long hlc,
            String details) {
        if (id == null) {
            return Optional.of(Problem.of(WireField.ID, Problem.Rule.REQUIRED));
        }
        Problem p = value(WireField.ATTENDEE_CODE, null, attendeeCode, MAX_ATTENDEE_CODE, Chars.LINE, true);
        if (p != null) {
            return Optional.of(p);
        }
        if (kind == null || kind.isBlank()) {
            return Optional.of(Problem.of(WireField.KIND, Problem.Rule.REQUIRED));
        }
        Optional<EventKind> known = EventKind.named(kind);
        if (known.isEmpty()) {
            return Optional.of(Problem.of(WireField.KIND, Problem.Rule.NOT_ALLOWED));
        }
        p = value(WireField.STATION_ID, null, stationId, MAX_STATION_ID, Chars.LINE, true);
        if (p != null) {
            return Optional.of(p);
        }
        if (wallTime == null) {
            return Optional.of(Problem.of(WireField.WALL_TIME, Problem.Rule.REQUIRED));
        }
        Instant wall = wallTime.toInstant();
        if (wall.isBefore(EARLIEST_WALL_TIME) || wall.isAfter(LATEST_WALL_TIME)) {
            return Optional.of(Problem.of(WireField.WALL_TIME, Problem.Rule.OUT_OF_RANGE));
        }
        if (hlc < 0) {
            return Optional.of(Problem.of(WireField.HLC, Problem.Rule.OUT_OF_RANGE));
        }
        return checkDetails(known.get(), details);
    }

    /** As {@link #check(WireEvent)}, throwing. For a station about to record an event of its own. */
    public static void require(
            UUID id,
            String attendeeCode,
            EventKind kind,
            String stationId,
            OffsetDateTime wallTime,
            long hlc,
            String details) {
        Optional<Problem> p = check(id, attendeeCode, kind.name(), stationId, wallTime, hlc, details);
        if (p.isPresent()) {
            throw new ContractViolation(p.get());
        }
    }

    /** The rules of {@code kind}'s details. */
    public static Optional<Problem> checkDetails(EventKind kind, String details) {
        if (details != null && details.length() > Details.MAX_LENGTH) {
            return Optional.of(new Problem(WireField.DETAILS, null, Problem.Rule.TOO_LONG, Details.MAX_LENGTH));
        }
        Details.Read read = Details.read(details);
        if (read.problem() != null) {
            return Optional.of(read.problem());
        }
        Map<String, String> d = read.values();
        for (DetailKey k : kind.details()) {
            Problem p = value(WireField.DETAILS, k.key(), d.get(k.key()), k.maxLength(), k.chars(), k.required());
            if (p != null) {
                return Optional.of(p);
            }
        }
        if (kind == EventKind.ATTENDEE_EDITED) {
            Optional<PersonField> field =
                    PersonField.byKey(d.get(Details.FIELD)).filter(EditRule.EDITABLE::contains);
            if (field.isEmpty()) {
                return Optional.of(new Problem(WireField.DETAILS, Details.FIELD, Problem.Rule.NOT_ALLOWED, 0));
            }
            PersonField f = field.get();
            Problem p = value(WireField.DETAILS, Details.NEW, d.get(Details.NEW), f.maxLength(), f.chars(), false);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A string's rules: absent or blank passes unless required; then its length, then its
     * characters. Null when it passes.
     */
    static Problem value(WireField field, String key, String value, int max, Chars chars, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? new Problem(field, key, Problem.Rule.REQUIRED, 0) : null;
        }
        if (value.length() > max) {
            return new Problem(field, key, Problem.Rule.TOO_LONG, max);
        }
        Problem.Rule broken = chars.broken(value);
        return broken == null ? null : new Problem(field, key, broken, 0);
    }
}
