package org.arrivals.cli;

import org.arrivals.checkin.CheckInResult;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "checkin",
        mixinStandardHelpOptions = true,
        description = {
            "Check an attendee in by what a scanner reads: a badge token, an attendee code or a ticket " + "barcode.",
            "Prints {\"result\":\"ok|already|blocked|unknown|invalid\",\"code\",\"name\",\"at\",\"station\"} with --json.",
            "Exit 0: checked in now. 3: already checked in (nothing recorded). 4: unknown or invalid code. "
                    + "5: blocked by a cancelled, refunded or pending registration."
        })
final class CheckInCommand extends StationCommand {
    @Parameters(paramLabel = "CODE_OR_SCAN")
    String scanned;

    @Option(
            names = "--override",
            paramLabel = "REASON",
            description = "Check in despite a cancelled, refunded or "
                    + "pending registration; the reason is recorded in the log.")
    String override;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        CheckInResult r = override == null
                ? station.checkIns().checkIn(CLI, scanned)
                : station.checkIns().checkInOverride(CLI, scanned, override, false);
        return CheckInOutput.print(r, station.checkIns().resolve(scanned).cleaned(), json, out());
    }
}
