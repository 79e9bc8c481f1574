package org.arrivals.cli;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrivals.session.Session;
import org.arrivals.session.SessionCount;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "sessions",
        mixinStandardHelpOptions = true,
        description = {
            "The schedule's sessions with the people inside each room now and the people who attended each (entered "
                    + "at least once).",
            "Every session when no day is given."
        })
final class SessionsCommand extends StationCommand {
    @Option(
            names = "--day",
            paramLabel = "D",
            description = "Only this day: its number (1, 2, 3) or its date (2026-11-22).")
    String day;

    @Option(
            names = "--json",
            description = "Print [{\"id\",\"title\",\"track\",\"room\",\"start\",\"end\",\"capacity\",\"inside\","
                    + "\"attended\"}] (start and end with the event's offset; capacity 0: no limit).")
    boolean json;

    @Override
    int run(Station station) {
        var sessions = station.sessions();
        LocalDate only = day == null ? null : day(day, sessions.days());
        List<SessionCount> list = sessions.sessions(only);
        if (json) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (SessionCount c : list) {
                Session s = c.session();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("title", s.title());
                m.put("track", s.track());
                m.put("room", s.room());
                m.put("start", local(s.startsAt(sessions.zone()), sessions));
                m.put("end", local(s.endsAt(sessions.zone()), sessions));
                m.put("capacity", s.capacity());
                m.put("inside", c.inside());
                m.put("attended", c.attended());
                docs.add(m);
            }
            out().println(Json.write(docs));
            return 0;
        }
        if (list.isEmpty()) {
            out().println(
                            sessions.days().isEmpty()
                                    ? "There is no schedule yet: import one with 'arrivals schedule import FILE'."
                                    : "No session on that day.");
            return 0;
        }
        LocalDate current = null;
        for (SessionCount c : list) {
            Session s = c.session();
            if (!s.date().equals(current)) {
                current = s.date();
                out().printf("Day %d, %s%n", sessions.dayNumber(current), current);
            }
            out().printf(
                            "  %s-%s  %-10s %-28s %-40s inside %s, attended %d%n",
                            s.start(),
                            s.end(),
                            s.id(),
                            s.room(),
                            s.title().length() > 40 ? s.title().substring(0, 39) + "…" : s.title(),
                            s.limited() ? c.inside() + "/" + s.capacity() : Integer.toString(c.inside()),
                            c.attended());
        }
        return 0;
    }

    private static OffsetDateTime local(java.time.Instant at, org.arrivals.session.SessionService sessions) {
        return at.atZone(sessions.zone()).toOffsetDateTime();
    }

    /** A day as its number in the schedule (1, 2, 3) or its date. */
    static LocalDate day(String text, List<LocalDate> days) {
        String t = text.strip();
        if (t.matches("\\d{1,2}")) {
            int n = Integer.parseInt(t);
            if (n < 1 || n > days.size()) {
                throw new IllegalArgumentException(
                        days.isEmpty()
                                ? "There is no schedule yet, so no day " + n + "; import one with 'arrivals schedule "
                                        + "import FILE'."
                                : "The event has days 1 to " + days.size() + ", not " + n + ".");
            }
            return days.get(n - 1);
        }
        return Times.day(t);
    }
}
