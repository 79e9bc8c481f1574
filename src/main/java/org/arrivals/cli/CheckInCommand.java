package org.arrivals.cli;

import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "checkin", mixinStandardHelpOptions = true,
        description = {"Check an attendee in by code.",
            "Exit 0: checked in now. Exit 3: already checked in. Exit 4: blocked by registration status. "
                    + "Exit 5: no such code."})
final class CheckInCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Option(names = "--override", description = "Check in even though the registration is cancelled, refunded or "
            + "pending (recorded in the log).")
    boolean override;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        return CheckInOutput.print(station.checkIns().checkIn(code, override), code, json, out());
    }
}
