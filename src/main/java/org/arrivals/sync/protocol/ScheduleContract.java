package org.arrivals.sync.protocol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one check of a schedule's session, where a schedule is loaded into the hub and where a
 * station takes it from the hub: an id (an identifier of at most {@value #MAX_ID} characters, the
 * same as a session event's {@code session} detail), a title, a room, a date and a start and end
 * on it (end after start), a capacity from 0 (no limit) to {@value #MAX_CAPACITY}; the ids of a
 * schedule are distinct.
 */
public final class ScheduleContract {
    public static final int MAX_ID = 100;
    public static final int MAX_TITLE = 1000;
    public static final int MAX_TRACK = 200;
    public static final int MAX_ROOM = 200;
    public static final int MAX_CAPACITY = 100_000;
    /** The most sessions a schedule may hold. */
    public static final int MAX_SESSIONS = 5000;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");

    private ScheduleContract() {}

    /** True when an identifier holds a character an identifier may not (a control, a bidi override). */
    public static boolean lineBroken(String value) {
        return Chars.LINE.broken(value) != null;
    }

    /** The first rule a session breaks, in the order of its fields; empty when it passes. */
    public static Optional<Problem> check(ScheduleSession s) {
        Problem p = EventContract.value(WireField.ID, null, s.id(), MAX_ID, Chars.LINE, true);
        if (p == null) {
            p = EventContract.value(WireField.TITLE, null, s.title(), MAX_TITLE, Chars.TEXT, true);
        }
        if (p == null) {
            p = EventContract.value(WireField.TRACK, null, s.track(), MAX_TRACK, Chars.TEXT, false);
        }
        if (p == null) {
            p = EventContract.value(WireField.ROOM, null, s.room(), MAX_ROOM, Chars.TEXT, true);
        }
        if (p == null) {
            p = date(s.date());
        }
        LocalTime start = null;
        if (p == null) {
            start = time(s.start());
            p = start == null ? Problem.of(WireField.START, Problem.Rule.NOT_ALLOWED) : null;
        }
        if (p == null) {
            LocalTime end = time(s.end());
            p = end == null || !end.isAfter(start) ? Problem.of(WireField.END, Problem.Rule.NOT_ALLOWED) : null;
        }
        if (p == null && (s.capacity() < 0 || s.capacity() > MAX_CAPACITY)) {
            p = Problem.of(WireField.CAPACITY, Problem.Rule.OUT_OF_RANGE);
        }
        return Optional.ofNullable(p);
    }

    /** The first problem of a whole schedule (a session's, or an id given twice), with the session's place from 1. */
    public static Optional<Problem> check(List<ScheduleSession> sessions) {
        if (sessions.size() > MAX_SESSIONS) {
            return Optional.of(new Problem(WireField.ID, null, Problem.Rule.TOO_LONG, MAX_SESSIONS));
        }
        Set<String> ids = new HashSet<>();
        for (ScheduleSession s : sessions) {
            if (s == null) {
                return Optional.of(Problem.of(WireField.ID, Problem.Rule.REQUIRED));
            }
            Optional<Problem> p = check(s);
            if (p.isPresent()) {
                return p;
            }
            if (!ids.add(s.id())) {
                return Optional.of(Problem.of(WireField.ID, Problem.Rule.NOT_ALLOWED));
            }
        }
        return Optional.empty();
    }

    private static Problem date(String d) {
        if (d == null || d.isBlank()) {
            return Problem.of(WireField.DATE, Problem.Rule.REQUIRED);
        }
        if (!DATE.matcher(d).matches()) {
            return Problem.of(WireField.DATE, Problem.Rule.NOT_ALLOWED);
        }
        try {
            LocalDate.parse(d);
            return null;
        } catch (DateTimeParseException e) {
            return Problem.of(WireField.DATE, Problem.Rule.NOT_ALLOWED);
        }
    }

    private static LocalTime time(String t) {
        if (t == null || !TIME.matcher(t).matches()) {
            return null;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
