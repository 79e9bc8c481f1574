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
            "It goes through the same import as a real export, so loading it twice changes nothing."
        })
final class DemoCommand extends StationCommand {
    @Option(names = "--attendees", paramLabel = "N", defaultValue = "1200", description = "How many (default 1200).")
    int attendees;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026", description = "Random seed (default 2026).")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "Only write the demo export to FILE; import nothing.")
    Path csv;

    @Override
    int run(Station station) throws Exception {
        if (attendees < 1) {
            throw new IllegalArgumentException("--attendees must be at least 1");
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
        return 0;
    }
}
