package org.arrivals.cli;

import org.arrivals.audit.Actor;
import org.arrivals.station.Station;

/** A subcommand that works on the station's data: it opens the station, runs, and closes it. */
abstract class StationCommand extends HomeCommand {
    /** Whoever holds the station key on the command line acts as admin; the services audit what it does. */
    static final Actor CLI = Actor.cli();

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
}
