package org.arrivals.cli;

import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.checkin.CheckInService;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "walkin",
        mixinStandardHelpOptions = true,
        description = {
            "Register someone who is not on the list; prints their new code. --first is required. "
                    + "Check them in with 'arrivals checkin CODE'."
        })
final class WalkInCommand extends StationCommand {
    @Mixin
    PersonFields person;

    @Option(names = "--json", description = "Print {\"code\":...}.")
    boolean json;

    @Override
    int run(Station station) {
        var r = station.checkIns().walkIn(CLI, person.walkIn(), false);
        if (r.outcome() != CheckInService.WalkInResult.Outcome.REGISTERED) {
            throw new IllegalArgumentException(
                    "A name given looks like a scanned code (a badge, an attendee code or a ticket): nothing was registered.");
        }
        Attendee a = r.attendee();
        if (json) {
            out().println(Json.write(Map.of("code", a.code())));
        } else {
            out().println(a.displayName() + " is registered as a walk-in with code " + a.code() + ".");
        }
        return 0;
    }
}
