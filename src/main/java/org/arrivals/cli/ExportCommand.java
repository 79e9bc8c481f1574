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
        var r = station.roster().export(CLI, out);
        switch (r.outcome()) {
            case WRITTEN -> {
                out().println("Exported " + r.count() + " attendees to " + out);
                return 0;
            }
            case NO_FOLDER ->
                err().println("arrivals export: there is no folder "
                        + out.toAbsolutePath().getParent() + ".");
            default -> err().println("arrivals export: " + out + " could not be written; nothing was exported.");
        }
        return ArrivalsCommand.NOTHING_DONE;
    }
}
