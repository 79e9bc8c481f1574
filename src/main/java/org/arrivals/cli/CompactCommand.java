package org.arrivals.cli;

import java.util.Locale;
import org.arrivals.station.EventFolder;
import picocli.CommandLine.Command;

@Command(
        name = "compact",
        mixinStandardHelpOptions = true,
        description = {
            "Shrink the event's database file to its live data. A station keeps the space of every "
                    + "check-in of the day in its file (it does not compact when it closes, which is safer against a "
                    + "crash); run this between the days of an event, with every Arrivals window of the event closed.",
            "H2 writes the compacted copy beside the file and swaps it in: a crash or power cut meanwhile leaves "
                    + "the old file whole."
        })
final class CompactCommand extends HomeCommand {
    @Override
    public Integer call() {
        long[] sizes = new EventFolder(root.resolvedHome(), root.resolvedEvent()).compact(root.stationKey(null));
        out().printf(
                        Locale.ROOT,
                        "Compacted the event '%s': %.1f MB -> %.1f MB.%n",
                        root.resolvedEvent(),
                        sizes[0] / 1e6,
                        sizes[1] / 1e6);
        return 0;
    }
}
