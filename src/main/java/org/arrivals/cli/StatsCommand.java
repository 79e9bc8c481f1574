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
            "Arrived versus expected, by attendee type, and arrivals per 15 minutes.",
            "Expected counts attending registrations; cancelled, refunded and pending ones are not expected."
        })
final class StatsCommand extends StationCommand {
    @Option(names = "--json", description = "Print {\"arrived\",\"expected\",\"byType\",\"per15min\"}.")
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
            out().println(Json.write(doc));
            return 0;
        }
        out().printf("Arrived %d of %d expected.%n", s.arrived(), s.expected());
        s.byType().forEach((type, c) -> out().printf("  %-20s %5d of %5d%n", type, c.arrived(), c.expected()));
        if (!s.per15min().isEmpty()) {
            out().println("Arrivals per 15 minutes:");
            s.per15min().forEach(b -> out().printf("  %s  %4d%n", b.start(), b.count()));
        }
        return 0;
    }
}
