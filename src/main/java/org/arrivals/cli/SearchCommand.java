package org.arrivals.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.export.ArrivalStates;
import org.arrivals.search.SearchHit;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Find attendees as the desk does: every word must begin a name, badge name, organization, "
                    + "email or code, in any order, ignoring case and accents, with one typo forgiven in words of 4+ "
                    + "letters.",
            "Best matches first: exact, then prefix, then one typo away; names before organizations; people not "
                    + "yet arrived first."
        })
final class SearchCommand extends StationCommand {
    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to look for.")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results (default 20).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    int run(Station station) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        List<Attendee> found = station.lookup().search(String.join(" ", words), limit).stream()
                .map(SearchHit::attendee)
                .toList();
        Map<String, ArrivalStates.State> arrivals = station.checkIns().arrivals();
        if (json) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Attendee a : found) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", a.code());
                m.put("first", a.firstName());
                m.put("last", a.lastName());
                m.put("org", a.organization());
                m.put("type", a.type());
                m.put("status", a.status().label());
                m.put("checkedIn", checkedIn(arrivals, a));
                docs.add(m);
            }
            out().println(Json.write(docs));
            return 0;
        }
        if (found.isEmpty()) {
            out().println("No attendee matches \"" + String.join(" ", words) + "\".");
        }
        for (Attendee a : found) {
            out().printf(
                            "%-14s %-36s %-30s %-18s %s%s%n",
                            a.code(),
                            a.displayName(),
                            a.organization() == null ? "" : a.organization(),
                            a.type(),
                            a.status().label(),
                            checkedIn(arrivals, a) ? ", checked in" : "");
        }
        return 0;
    }

    private static boolean checkedIn(Map<String, ArrivalStates.State> arrivals, Attendee a) {
        ArrivalStates.State s = arrivals.get(a.code());
        return s != null && s.checkedIn();
    }
}
