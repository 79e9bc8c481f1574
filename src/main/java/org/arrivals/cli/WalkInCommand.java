package org.arrivals.cli;

import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.WalkIn;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "walkin", mixinStandardHelpOptions = true,
        description = {"Register someone who is not on the list; prints their new code. Check them in with "
                + "'arrivals checkin CODE'."})
final class WalkInCommand extends StationCommand {
    @Option(names = "--first", required = true, paramLabel = "F", description = "First name (or their only name).")
    String first;

    @Option(names = "--last", paramLabel = "L", description = "Last name, if they have one.")
    String last;

    @Option(names = "--badge-name", paramLabel = "B")
    String badgeName;

    @Option(names = "--pronouns", paramLabel = "P")
    String pronouns;

    @Option(names = "--org", paramLabel = "O")
    String org;

    @Option(names = "--title", paramLabel = "T")
    String title;

    @Option(names = "--type", paramLabel = "T", description = "Attendee type (default General Admission).")
    String type;

    @Option(names = "--email", paramLabel = "E")
    String email;

    @Option(names = "--json", description = "Print {\"code\":...}.")
    boolean json;

    @Override
    int run(Station station) {
        Attendee a = station.checkIns().registerWalkIn(
                new WalkIn(first, last, badgeName, pronouns, email, org, title, type));
        if (json) {
            out().println(Json.write(Map.of("code", a.code())));
        } else {
            out().println(a.displayName() + " is registered as a walk-in with code " + a.code() + ".");
        }
        return 0;
    }
}
