package org.arrivals.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrivals.delegation.DelegationService;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "delegation",
        mixinStandardHelpOptions = true,
        description = {
            "An organization's people and whether each has arrived (checked in on some day of the event), with the "
                    + "day of their first arrival and each day they came.",
            "The name is matched as the desk's search does (case, accents, word beginnings); a name that matches "
                    + "several organizations lists them.",
            "Prints {\"organization\",\"expected\",\"arrived\",\"members\":[{\"code\",\"name\",\"arrived\",\"day\"}]} "
                    + "with --json; for several, {\"matches\":[{\"organization\",\"members\",\"expected\",\"arrived\"}]}.",
            "Exit 0: found. 3: several match. 4: none."
        })
final class DelegationCommand extends StationCommand {
    @Parameters(paramLabel = "ORG", arity = "1..*")
    List<String> words;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        String query = String.join(" ", words);
        DelegationService.Found f = station.delegations().find(query);
        List<LocalDate> days = station.sessions().days();
        switch (f.outcome()) {
            case FOUND -> {
                DelegationService.Delegation d = f.delegation();
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("organization", d.organization());
                    doc.put("expected", d.expected());
                    doc.put("arrived", d.arrived());
                    List<Map<String, Object>> members = new ArrayList<>();
                    for (DelegationService.Member m : d.members()) {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("code", m.attendee().code());
                        x.put("name", m.attendee().displayName());
                        x.put("arrived", m.arrived());
                        x.put("day", m.firstDay());
                        members.add(x);
                    }
                    doc.put("members", members);
                    out().println(Json.write(doc));
                } else {
                    out().printf("%s: %d of %d expected have arrived.%n", d.organization(), d.arrived(), d.expected());
                    for (DelegationService.Member m : d.members()) {
                        StringBuilder perDay = new StringBuilder();
                        for (int i = 0; i < days.size(); i++) {
                            perDay.append(" day ")
                                    .append(i + 1)
                                    .append(m.arrival().checkedInOn(days.get(i)) ? " yes" : " no ");
                        }
                        out().printf(
                                        "  %-14s %-36s %-10s%s%s%n",
                                        m.attendee().code(),
                                        m.attendee().displayName(),
                                        m.arrived()
                                                ? "arrived"
                                                : m.expected()
                                                        ? "expected"
                                                        : m.attendee().status().label(),
                                        perDay,
                                        m.firstDay() == null ? "" : "  first day " + m.firstDay());
                    }
                }
                return 0;
            }
            case SEVERAL -> {
                if (json) {
                    List<Map<String, Object>> matches = new ArrayList<>();
                    for (DelegationService.Summary s : f.matches()) {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("organization", s.organization());
                        x.put("members", s.members());
                        x.put("expected", s.expected());
                        x.put("arrived", s.arrived());
                        matches.add(x);
                    }
                    out().println(Json.write(Map.of("matches", matches)));
                } else {
                    out().println("\"" + query + "\" matches " + f.matches().size()
                            + " organizations; give more of the name:");
                    f.matches()
                            .forEach(s -> out().printf(
                                            "  %-50s %d of %d arrived%n", s.organization(), s.arrived(), s.expected()));
                }
                return 3;
            }
            default -> {
                if (json) {
                    out().println(Json.write(Map.of("matches", List.of())));
                } else {
                    out().println("No organization matches \"" + query + "\".");
                }
                return 4;
            }
        }
    }
}
