package org.arrivals;

import org.arrivals.cli.ArrivalsCommand;

/** Entry point of the app and its command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(ArrivalsCommand.run(args));
    }
}
