package org.arrivals.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.arrivals.station.Station;
import picocli.CommandLine;

/** A subcommand that works on the station's data: it opens the station, runs, and closes it. */
abstract class StationCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ArrivalsCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Station station = root.openStation(fallbackKey())) {
            return run(station);
        }
    }

    abstract int run(Station station) throws Exception;

    /** The station key to use when none was given (only the demo has one); null: ask. */
    String fallbackKey() {
        return null;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
