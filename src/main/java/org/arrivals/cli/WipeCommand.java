package org.arrivals.cli;

import java.io.Console;
import org.arrivals.station.EventFolder;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "wipe",
        mixinStandardHelpOptions = true,
        description = {
            "After the event: remove this event's data from the station for good: its database (attendees, "
                    + "check-ins, print jobs, audit log), its keys and the station's log files. Needs the station key "
                    + "(whoever holds it acts as admin). Export first what you must keep.",
            "Asks to type the event id, unless --yes."
        })
final class WipeCommand extends HomeCommand {
    @Option(names = "--yes", description = "Do not ask; wipe.")
    boolean yes;

    @Override
    public Integer call() {
        String event = root.resolvedEvent();
        // opening proves the key (only its holder may wipe) and that no other window has the event open
        try (Station station = root.openStation()) {
            station.eventId();
        }
        if (!yes) {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("Wiping removes the event's data for good: add --yes to confirm.");
            }
            String typed = console.readLine(
                    "This removes every attendee and check-in of event '%s' from this station. "
                            + "Type the event id to confirm: ",
                    event);
            if (typed == null || !typed.strip().equals(event)) {
                err().println("Not confirmed; nothing was removed.");
                return ArrivalsCommand.NOTHING_DONE;
            }
        }
        int files = new EventFolder(root.resolvedHome(), event).wipe();
        out().println("Event '" + event + "' wiped: " + files + " files removed.");
        return 0;
    }
}
