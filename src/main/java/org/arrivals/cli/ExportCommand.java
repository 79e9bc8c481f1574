package org.arrivals.cli;

import java.nio.file.Path;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the attendee list with arrival state to a CSV that is safe to open in a spreadsheet.",
            "The file holds personal data: keep it off shared drives and delete it when done."
        })
final class ExportCommand extends StationCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Override
    int run(Station station) throws Exception {
        int n = station.export().write(out);
        out().println("Exported " + n + " attendees to " + out);
        return 0;
    }
}
