package org.arrivals.cli;

import java.util.Map;
import org.arrivals.attendee.Attendee;
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
        Attendee a = station.checkIns().walkIn(CLI, person.walkIn(), false).attendee();
        if (json) {
            out().println(Json.write(Map.of("code", a.code())));
        } else {
            out().println(a.displayName() + " is registered as a walk-in with code " + a.code() + ".");
        }
        return 0;
    }
}
