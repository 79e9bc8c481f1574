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
            "Prints {\"result\":\"ok|already|blocked|unknown|invalid\",\"code\",\"name\",\"at\",\"station\",\"day\"} "
                    + "with --json.",
            "A check-in is for the day of its time in the event's time zone (event.timezone, else the system's): "
                    + "someone who came on an earlier day is checked in for today, without a new badge.",
            "Exit 0: checked in now. 3: already checked in that day (nothing recorded). 4: unknown or invalid code. "
                    + "5: blocked by a cancelled, refunded or pending registration. 2: --at is still to come."
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

    @Option(
            names = "--at",
            paramLabel = "TIME",
            description = "Record the check-in at this past time (from a paper list kept while a station was down), "
                    + "on the admin's authority, audited: 2019-10-21T09:00:00Z, 2019-10-21T09:00:00-04:00, or "
                    + "2019-10-21T09:00 in the event's time zone.")
    String at;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        if (at != null && override != null) {
            throw new IllegalArgumentException("--at and --override cannot be used together.");
        }
        CheckInResult r = at != null
                ? station.checkIns()
                        .checkInAt(
                                CLI,
                                scanned,
                                Times.instant(at, station.checkIns().calendar().zone()))
                : override == null
                        ? station.checkIns().checkIn(CLI, scanned)
                        : station.checkIns().checkInOverride(CLI, scanned, override, false);
        return CheckInOutput.print(r, station.checkIns().resolve(scanned).cleaned(), json, out());
    }
}
