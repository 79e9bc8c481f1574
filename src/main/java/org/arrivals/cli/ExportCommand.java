package org.arrivals.cli;

import java.nio.file.Path;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the attendee list with arrival state to a CSV that is safe to open in a spreadsheet: a column per "
                    + "event day (that day's check-in) and the sessions each person attended, and beside it a second "
                    + "CSV of attendance rows (code, session, entered, left, minutes): FILE-attendance.csv.",
            "The files hold personal data: keep them off shared drives and delete them when done."
        })
final class ExportCommand extends StationCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(
            names = "--attendance",
            paramLabel = "FILE",
            description = "Where the attendance rows go (default: beside --out, as NAME-attendance.csv).")
    Path attendance;

    /** {@code list.csv} gives {@code list-attendance.csv}, in the same folder. */
    static Path attendanceBeside(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return out.resolveSibling(base + "-attendance.csv");
    }

    @Override
    int run(Station station) throws Exception {
        var r = station.roster().export(CLI, out);
        switch (r.outcome()) {
            case WRITTEN -> {
                out().println("Exported " + r.count() + " attendees to " + out);
                Path rows = attendance != null ? attendance : attendanceBeside(out);
                var a = station.sessions().exportAttendance(CLI, rows);
                if (a.outcome() != org.arrivals.audit.ExportResult.Outcome.WRITTEN) {
                    err().println("arrivals export: the attendance rows could not be written to " + rows + ".");
                    return ArrivalsCommand.NOTHING_DONE;
                }
                out().println("Exported " + a.count() + " session attendance rows to " + rows);
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
