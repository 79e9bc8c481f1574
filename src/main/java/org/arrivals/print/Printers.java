package org.arrivals.print;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Printers by their setting: {@code zebra://HOST:PORT} for a raw Zebra, else a spooler queue's name. */
public final class Printers {
    private static final Map<String, Printer> MADE = new ConcurrentHashMap<>();

    private Printers() {}

    /** The printer a setting names; kept once made, so a queue is looked up in the spooler once, not per badge. */
    public static Printer forSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("No printer is chosen.");
        }
        return MADE.computeIfAbsent(setting.strip(), Printers::make);
    }

    private static Printer make(String setting) {
        if (setting.startsWith("zebra://")) {
            String hostPort = setting.substring("zebra://".length());
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? ZebraRawPrinter.PORT : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The printer " + setting + " has no port number after the colon.");
            }
            return new ZebraRawPrinter(host, port);
        }
        return new SpoolerPrinter(setting);
    }

    /** The spooler's queues, as javax.print sees them. */
    public static List<String> spoolerQueues() {
        return SpoolerPrinter.queues();
    }

    /** A spooler queue and how it is. */
    public record Found(String name, PrinterState state) {}

    /**
     * Every spooler queue of this computer with its state, for a person choosing a printer when no
     * station is open (the command line's {@code arrivals printers}); an open station asks through
     * its print worker instead.
     */
    public static List<Found> survey() {
        return spoolerQueues().stream()
                .map(name -> new Found(name, forSetting(name).state()))
                .toList();
    }
}
