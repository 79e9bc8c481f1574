package org.arrivals.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a person attended: the event days (checked in at registration, or in a session that day),
 * each session they entered with their time in its room, and the total. Time in a room counts
 * within the session's scheduled time, from the entry to the exit; a stay with no exit counts to
 * the session's end (entering another session is an exit from the one before).
 */
public record Attendance(String code, List<LocalDate> days, List<Attended> sessions, long totalMinutes) {

    /** One session and the whole minutes spent in its room. */
    public record Attended(Session session, long minutes) {}

    /**
     * @param visits the person's stays, in order
     * @param sessions the schedule, by id (a stay in a session no longer scheduled is left out)
     * @param checkInDays the days they checked in at registration
     * @param minMinutes only sessions in which they spent at least this long are listed and counted
     *     (0: every session entered)
     */
    public static Attendance of(
            String code,
            List<Visit> visits,
            Function<String, Session> sessions,
            List<LocalDate> checkInDays,
            ZoneId zone,
            int minMinutes) {
        Map<String, Long> minutesIn = new LinkedHashMap<>();
        Map<String, Session> known = new LinkedHashMap<>();
        for (Visit v : visits) {
            Session s = sessions.apply(v.sessionId());
            if (s == null) {
                continue;
            }
            known.put(s.id(), s);
            // whole minutes of each stay, as the attendance export writes them, so the two add up alike
            minutesIn.merge(s.id(), secondsInRoom(v, s, zone) / 60, Long::sum);
        }
        List<Attended> out = new ArrayList<>();
        for (var e : known.entrySet()) {
            long minutes = Math.min(e.getValue().scheduledMinutes(), minutesIn.get(e.getKey()));
            if (minMinutes <= 0 || minutes >= minMinutes) {
                out.add(new Attended(e.getValue(), minutes));
            }
        }
        out.sort(Comparator.comparing((Attended a) -> a.session().date())
                .thenComparing(a -> a.session().start())
                .thenComparing(a -> a.session().id()));
        return build(code, out, checkInDays);
    }

    private static Attendance build(String code, List<Attended> sessions, List<LocalDate> checkInDays) {
        TreeSet<LocalDate> days = new TreeSet<>(checkInDays);
        long total = 0;
        for (Attended a : sessions) {
            days.add(a.session().date());
            total += a.minutes();
        }
        return new Attendance(code, List.copyOf(days), List.copyOf(sessions), total);
    }

    /** Seconds of a stay within its session's scheduled time; a stay with no exit lasts to the session's end. */
    static long secondsInRoom(Visit v, Session s, ZoneId zone) {
        Instant start = max(v.enteredAt().toInstant(), s.startsAt(zone));
        Instant end = min(v.leftAt() == null ? s.endsAt(zone) : v.leftAt().toInstant(), s.endsAt(zone));
        return end.isAfter(start) ? Duration.between(start, end).toSeconds() : 0;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
