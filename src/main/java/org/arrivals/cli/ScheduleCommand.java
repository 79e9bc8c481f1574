package org.arrivals.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arrivals.session.ScheduleImport;
import org.arrivals.station.Station;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = "The event's days and sessions: 'arrivals schedule import FILE'; 'arrivals sessions' lists them.",
        subcommands = {ScheduleCommand.Import.class})
final class ScheduleCommand extends HomeCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return 0;
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import the event's schedule from a CSV or XLSX file, all or nothing: a file with any problem imports "
                        + "nothing, and each problem is listed with its line.",
                "Header row: Session ID,Title,Track,Room,Date,Start,End,Capacity (any case and order; Day 1, 2, 3 may "
                        + "stand for Date; dates YYYY-MM-DD, times HH:MM in the event's time zone; a blank "
                        + "Capacity is no limit). Template: kiosk-config/schedule-template.csv.",
                "The event's days are the schedule's. Exit 0 imported, 2 not."
            })
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        ScheduleCommand schedule;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(
                names = "--first-day",
                paramLabel = "DATE",
                description = "The date of day 1, for a file with a Day column (default: event.first.day in "
                        + "station.properties).")
        String firstDay;

        @Option(names = "--dry-run", description = "Check the file; import nothing.")
        boolean dryRun;

        @Option(
                names = "--json",
                description =
                        "Print {\"result\":\"imported|checked|problems|refused\",\"sessions\",\"days\",\"problems\"}.")
        boolean json;

        @Override
        public Integer call() {
            try (Station station = schedule.root.openStation()) {
                var first =
                        firstDay != null ? Times.day(firstDay) : station.event().firstDay();
                ScheduleImport r = station.sessions().importSchedule(StationCommand.CLI, file, first, dryRun);
                return print(r, schedule);
            }
        }

        private int print(ScheduleImport r, ScheduleCommand c) {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put(
                        "result",
                        r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                doc.put("sessions", r.sessions());
                doc.put("days", r.days());
                List<Map<String, Object>> problems = new ArrayList<>();
                r.problems().forEach(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("line", p.line());
                    m.put("session", p.code());
                    m.put("problem", p.reason());
                    problems.add(m);
                });
                if (r.refused() != null) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("line", r.refused().line());
                    m.put("session", null);
                    m.put("problem", r.refused().getMessage());
                    problems.add(m);
                }
                doc.put("problems", problems);
                c.out().println(Json.write(doc));
            } else {
                switch (r.outcome()) {
                    case IMPORTED -> c.out().printf("Imported %d sessions over %d days.%n", r.sessions(), r.days());
                    case CHECKED ->
                        c.out()
                                .printf(
                                        "The file is a good schedule: %d sessions over %d days. Nothing was imported "
                                                + "(--dry-run).%n",
                                        r.sessions(), r.days());
                    case PROBLEMS -> {
                        r.problems().forEach(p -> c.err().printf("line %d: %s%n", p.line(), p.reason()));
                        c.err()
                                .printf(
                                        "Nothing was imported: %d line%s to correct.%n",
                                        r.problems().size(), r.problems().size() == 1 ? "" : "s");
                    }
                    case REFUSED ->
                        c.err()
                                .println("arrivals schedule import: "
                                        + r.refused().getMessage());
                    case NOT_ALLOWED -> c.err().println("arrivals schedule import: not allowed.");
                }
            }
            return r.outcome() == ScheduleImport.Outcome.IMPORTED || r.outcome() == ScheduleImport.Outcome.CHECKED
                    ? 0
                    : ArrivalsCommand.NOTHING_DONE;
        }
    }
}
