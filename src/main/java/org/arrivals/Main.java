package org.arrivals;

import org.arrivals.cli.ArrivalsCommand;
import org.arrivals.startup.Timeline;

/** Entry point of the app and its command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Timeline.record("jvm", 0); // from the process's start to here
        System.exit(ArrivalsCommand.run(args));
    }
}
