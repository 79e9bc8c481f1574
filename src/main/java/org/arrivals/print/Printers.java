package org.arrivals.print;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Printers by their setting: {@code zebra://HOST:PORT} for a raw Zebra,
 * {@code brother-ql://HOST:PORT?model=QL-810W} for a Brother QL on the network, else a spooler
 * queue's name. A station's {@code printer=} may list several, comma-separated: a pool, each badge
 * going to the first that is ready.
 */
public final class Printers {
    private static final Map<String, Printer> MADE = new ConcurrentHashMap<>();

    private Printers() {}

    /** The printer a setting names; kept once made, so a queue is looked up in the spooler once, not per badge. */
    public static Printer forSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("No printer is chosen.");
        }
        if (setting.contains(",")) {
            throw new IllegalArgumentException("One printer, not a list: " + setting);
        }
        return MADE.computeIfAbsent(setting.strip(), Printers::make);
    }

    /** The printers of a setting, in order: one, or a comma-separated pool (blank entries dropped, no repeats). */
    public static List<String> members(String setting) {
        List<String> out = new ArrayList<>();
        if (setting == null) {
            return out;
        }
        for (String part : setting.split(",")) {
            String p = part.strip();
            if (!p.isEmpty() && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** A setting written back from its printers: {@code a,b}. */
    public static String setting(List<String> members) {
        return String.join(",", members);
    }

    /**
     * What is wrong with a printer setting (one printer or a pool), as a sentence naming the entry
     * and the fix; null when every entry can be used. Spooler queues are not looked up here.
     */
    public static String problem(String setting) {
        for (String p : members(setting)) {
            try {
                make(p);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
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
        if (setting.startsWith("brother-ql:")) {
            return brother(setting);
        }
        return new SpoolerPrinter(setting);
    }

    /** {@code brother-ql://HOST[:PORT][?model=QL-810W]}: port 9100 and a QL-810W unless said. */
    private static Printer brother(String setting) {
        String fix = " Write it as brother-ql://HOST:9100?model=QL-810W (models: " + BrotherModel.names() + ").";
        URI u;
        try {
            u = URI.create(setting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The printer " + setting + " is not a Brother QL address." + fix);
        }
        if (u.getHost() == null
                || (u.getPath() != null
                        && !u.getPath().isEmpty()
                        && !u.getPath().equals("/"))) {
            throw new IllegalArgumentException("The printer " + setting + " is not a Brother QL address." + fix);
        }
        BrotherModel model = BrotherModel.QL_810W;
        if (u.getQuery() != null) {
            for (String kv : u.getQuery().split("&")) {
                String[] p = kv.split("=", 2);
                if (p[0].equals("model") && p.length == 2) {
                    model = BrotherModel.named(p[1])
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "The printer " + setting + " names a model Arrivals does not know." + fix));
                } else {
                    throw new IllegalArgumentException(
                            "The printer " + setting + " has a setting Arrivals does not know (" + p[0] + ")." + fix);
                }
            }
        }
        return new BrotherQlPrinter(u.getHost(), u.getPort() < 0 ? BrotherQlPrinter.PORT : u.getPort(), model);
    }

    /** The spooler's queues, as javax.print sees them. */
    public static List<String> spoolerQueues() {
        return SpoolerPrinter.queues();
    }

    /** A printer (a spooler queue, or one of a station's printers) and how it is. */
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
