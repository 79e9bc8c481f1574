package org.arrivals.cli;

import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "undo",
        mixinStandardHelpOptions = true,
        description = {
            "Undo an attendee's check-in. Recorded as an event; the log keeps both.",
            "Exit 0: undone. 3: was not checked in. 4: unknown code."
        })
final class UndoCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        return CheckInOutput.print(station.checkIns().undo(CLI, code), code, json, out());
    }
}
