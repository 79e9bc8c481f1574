package org.arrivals.cli;

import org.arrivals.station.Station;

/** --printer, else the station's configured printer, else a sentence saying how to set one. */
final class PrinterChoice {
    private PrinterChoice() {}

    static String resolve(String flag, Station station) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        if (station.defaultPrinter() != null) {
            return station.defaultPrinter();
        }
        throw new IllegalArgumentException(
                "No printer is configured for this station. Name one with --printer, or " + "set printer= in "
                        + station.home().resolve("station.properties") + " ('arrivals printers' lists them).");
    }
}
