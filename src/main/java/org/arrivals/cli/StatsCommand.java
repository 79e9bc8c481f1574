package org.arrivals.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrivals.checkin.Stats;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Arrived versus expected today, by attendee type, and arrivals per 15 minutes today; each event day; "
                    + "session attendance by track; each organization's people.",
            "Expected counts attending registrations; cancelled, refunded and pending ones are not expected."
        })
final class StatsCommand extends StationCommand {
    @Option(
            names = "--json",
            description = "Print {\"arrived\",\"expected\",\"byType\",\"per15min\",\"day\",\"byDay\",\"byTrack\","
                    + "\"byOrganization\"}: the first four for today; byDay {DATE:{\"day\",\"arrived\",\"expected\"}}; "
                    + "byTrack {TRACK:{\"sessions\",\"attended\",\"inside\"}}; byOrganization "
                    + "{ORG:{\"arrived\",\"today\",\"expected\"}} (arrived: on some day).")
    boolean json;

    @Override
    int run(Station station) {
        Stats s = station.checkIns().stats();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("arrived", s.arrived());
            doc.put("expected", s.expected());
            doc.put("byType", s.byType());
            List<Map<String, Object>> buckets = new ArrayList<>();
            s.per15min().forEach(b -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("start", b.start());
                m.put("count", b.count());
                buckets.add(m);
            });
            doc.put("per15min", buckets);
            doc.put("day", s.day());
            Map<String, Object> byDay = new LinkedHashMap<>();
            s.byDay().forEach((d, c) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("day", station.sessions().dayNumber(d));
                m.put("arrived", c.arrived());
                m.put("expected", c.expected());
                byDay.put(d.toString(), m);
            });
            doc.put("byDay", byDay);
            doc.put("byTrack", station.sessions().byTrack());
            doc.put("byOrganization", s.byOrganization());
            out().println(Json.write(doc));
            return 0;
        }
        out().printf("Arrived %d of %d expected today (%s).%n", s.arrived(), s.expected(), s.day());
        s.byType().forEach((type, c) -> out().printf("  %-20s %5d of %5d%n", type, c.arrived(), c.expected()));
        if (!s.per15min().isEmpty()) {
            out().println("Arrivals per 15 minutes:");
            s.per15min().forEach(b -> out().printf("  %s  %4d%n", b.start(), b.count()));
        }
        if (!s.byDay().isEmpty()) {
            out().println("Each day:");
            s.byDay()
                    .forEach((d, c) -> out().printf(
                                    "  day %d  %s  %5d of %5d%n",
                                    station.sessions().dayNumber(d), d, c.arrived(), c.expected()));
        }
        var tracks = station.sessions().byTrack();
        if (!tracks.isEmpty()) {
            out().println("Session attendance by track:");
            tracks.forEach((t, c) -> out().printf(
                            "  %-45s %3d sessions, %5d attended, %4d inside now%n",
                            t.isEmpty() ? "(no track)" : t, c.sessions(), c.attended(), c.inside()));
        }
        return 0;
    }
}
