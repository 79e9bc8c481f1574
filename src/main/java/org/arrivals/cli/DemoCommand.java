package org.arrivals.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Load the demo event: a believable national conference of about 1,200 attendees from about "
                    + "450 organizations, with names in many scripts. Made up; no real people.",
            "It goes through the same import as a real export, so loading it twice changes nothing.",
            "Its schedule (three days, nine tracks, rooms of 20 to 400 seats) starts today unless --first-day says."
        })
final class DemoCommand extends StationCommand {
    @Option(names = "--attendees", paramLabel = "N", defaultValue = "1200", description = "How many (default 1200).")
    int attendees;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026", description = "Random seed (default 2026).")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "Only write the demo export to FILE; import nothing.")
    Path csv;

    @Option(
            names = "--first-day",
            paramLabel = "DATE",
            description = "The demo schedule's first day (default: today, in the event's time zone).")
    String firstDay;

    @Option(
            names = "--schedule-csv",
            paramLabel = "FILE",
            description = "Only write the demo schedule to FILE (the template's columns); import nothing.")
    Path scheduleCsv;

    @Override
    int run(Station station) throws Exception {
        if (attendees < 1) {
            throw new IllegalArgumentException("--attendees must be at least 1");
        }
        if (scheduleCsv != null) {
            java.time.LocalDate first =
                    firstDay != null ? Times.day(firstDay) : station.sessions().today();
            Files.write(scheduleCsv, org.arrivals.attendee.demo.DemoSchedule.csv(first));
            out().println("Wrote the demo schedule (three days from " + first + ") to " + scheduleCsv);
            return 0;
        }
        if (csv != null) {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                DemoEventGenerator.writeCsv(w, seed, attendees);
            }
            out().println("Wrote " + attendees + " demo attendees to " + csv);
            return 0;
        }
        ImportReport r = station.roster().importDemo(CLI, attendees, seed).report();
        out().printf(
                        "Demo event loaded into event '%s' at %s: %d added, %d updated, %d unchanged, %d reported "
                                + "(cancelled, refunded or pending registrations).%n",
                        station.eventId(),
                        station.home(),
                        r.added(),
                        r.updated(),
                        r.unchanged(),
                        r.problems().size());
        java.time.LocalDate first =
                firstDay != null ? Times.day(firstDay) : station.sessions().today();
        var s = station.sessions().importDemo(CLI, first);
        out().printf("Demo schedule loaded: %d sessions over %d days from %s.%n", s.sessions(), s.days(), first);
        return 0;
    }
}
