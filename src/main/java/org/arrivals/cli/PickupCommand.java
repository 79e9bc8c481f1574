package org.arrivals.cli;

import org.arrivals.checkin.CheckInResult;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "pickup",
        mixinStandardHelpOptions = true,
        description = {
            "Hand an attendee their badge at a badge-pickup station: prints their first badge and records the "
                    + "pickup, which does not count as an entry (check-in).",
            "Exit 0: picked up and the badge handed to the printer. 3: already picked up (nothing recorded). "
                    + "4: unknown or invalid code. 5: blocked registration. 6: picked up, but the badge did not print "
                    + "(see 'arrivals queue')."
        })
final class PickupCommand extends StationCommand {
    @Parameters(paramLabel = "CODE_OR_SCAN")
    String scanned;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        CheckInResult r = station.checkIns().pickUp(CLI, scanned);
        int exit = CheckInOutput.print(r, station.checkIns().resolve(scanned).cleaned(), json, out());
        if (r.outcome() != CheckInResult.Outcome.PICKED_UP || r.badge() == null) {
            return exit;
        }
        PrintOutcome badge = station.printing().awaitAttempt(r.badge(), PrintOutput.WAIT);
        if (badge.handedOver() || badge.result() == PrintOutcome.Result.ALREADY_HAS_BADGE) {
            return exit;
        }
        String why = PrintOutput.message(badge);
        if (why != null && !json) {
            out().println(why);
        }
        return PrintOutput.NOT_PRINTED;
    }
}
