package org.arrivals.cli;

import org.arrivals.print.PrintService;
import org.arrivals.station.Station;

/** The printer a command prints on: --printer, else the station's. */
final class PrinterChoice {
    private PrinterChoice() {}

    static PrintService.Target target(String flag, String template, Station station) {
        if (flag != null && !flag.isBlank()) {
            return new PrintService.Target(flag.strip(), template);
        }
        PrintService.Target station_ = station.printing().target();
        if (station_.hasPrinter()) {
            return new PrintService.Target(station_.printer(), template);
        }
        throw new IllegalArgumentException(
                "No printer is configured for this station. Name one with --printer, or set printer= in "
                        + station.home().resolve("station.properties") + " ('arrivals printers' lists them).");
    }
}
