package org.arrivals.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.ExtraFields;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Everything the check-in log holds for one attendee, in order.")
final class HistoryCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Option(names = "--json", description = "Print a JSON array of events.")
    boolean json;

    @Override
    int run(Station station) {
        if (station.checkIns().person(code).isEmpty()) {
            out().println(json ? "[]" : "No attendee has the code " + code + ".");
            return 4;
        }
        List<CheckInEvent> events = station.checkIns().history(code);
        if (json) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (CheckInEvent e : events) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id().toString());
                m.put("kind", e.kind().name());
                m.put("station", e.stationId());
                m.put("at", e.wallTime());
                m.put("details", e.details() == null ? Map.of() : ExtraFields.fromJson(e.details()));
                docs.add(m);
            }
            out().println(Json.write(docs));
        } else if (events.isEmpty()) {
            out().println("Nothing has happened to " + code + " yet.");
        } else {
            for (CheckInEvent e : events) {
                out().printf(
                                "%s  %-20s %-16s %s%n",
                                e.wallTime(), e.kind(), e.stationId(), e.details() == null ? "" : e.details());
            }
        }
        return 0;
    }
}
