package org.arrivals.station;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.arrivals.checkin.StationDuty;

/**
 * A station's own settings, in {@code HOME/station.properties}: its id, which every check-in it
 * records carries (chosen once, so it survives restarts; an organizer may rename it "desk-3" before
 * the event starts), what its barcode scanner adds around each code, its printer: a spooler
 * queue's name, {@code zebra://HOST:PORT} for a Zebra or {@code brother-ql://HOST:PORT?model=QL-810W}
 * for a Brother QL spoken to directly, or several of these comma-separated (a pool); the hub it
 * syncs with ({@code hub.url}, {@code hub.token}; blank: the station works alone); and what it does
 * with an arrival ({@code checkin.on.print}, {@code print.on.checkin}: a desk, a badge-pickup
 * station, a door).
 */
public record StationSettings(
        String id,
        String scannerPrefix,
        String scannerSuffix,
        String printer,
        String hubUrl,
        String hubToken,
        StationDuty duty) {

    public StationSettings(
            String id, String scannerPrefix, String scannerSuffix, String printer, String hubUrl, String hubToken) {
        this(id, scannerPrefix, scannerSuffix, printer, hubUrl, hubToken, StationDuty.CHECK_IN_AND_PRINT);
    }

    public StationSettings(String id, String scannerPrefix, String scannerSuffix, String printer) {
        this(id, scannerPrefix, scannerSuffix, printer, "", "");
    }

    public StationSettings withId(String newId) {
        return new StationSettings(newId, scannerPrefix, scannerSuffix, printer, hubUrl, hubToken, duty);
    }

    static final String FILE = "station.properties";
    static final String KEY = "station.id";

    public static StationSettings load(Path home) {
        String id = loadId(home);
        Properties p = StationFile.read(home);
        return new StationSettings(
                id,
                p.getProperty("scanner.prefix", ""),
                p.getProperty("scanner.suffix", ""),
                p.getProperty("printer", "").strip(),
                p.getProperty("hub.url", "").strip(),
                p.getProperty("hub.token", "").strip(),
                duty(p, home.resolve(FILE).toString()));
    }

    /**
     * What the station does with an arrival, from {@code checkin.on.print} and {@code
     * print.on.checkin} (true unless set to false).
     *
     * @throws IllegalArgumentException naming the file and the fix, for a value that is not true or
     *     false, or both false
     */
    static StationDuty duty(Properties p, String file) {
        try {
            return StationDuty.of(flag(p, "checkin.on.print", file), flag(p, "print.on.checkin", file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith(file) ? e.getMessage() : file + ": " + e.getMessage(), e);
        }
    }

    private static boolean flag(Properties p, String key, String file) {
        String v = p.getProperty(key, "true").strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.isEmpty()) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(
                file + ": " + key + " = '" + p.getProperty(key) + "' must be true or false.");
    }

    /** The station's id; a new one is made and written the first time a station starts. */
    private static String loadId(Path home) {
        String id = StationFile.read(home).getProperty(KEY, "").strip();
        if (!id.isEmpty()) {
            return id;
        }
        String made = fresh();
        StationFile.set(home, Map.of(KEY, made));
        return made;
    }

    private static String fresh() {
        String host;
        try {
            host = InetAddress.getLocalHost()
                    .getHostName()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9-]", "");
        } catch (IOException e) {
            host = "";
        }
        byte[] b = new byte[2];
        new SecureRandom().nextBytes(b);
        String suffix = HexFormat.of().formatHex(b);
        return (host.isEmpty() ? "station" : host.length() > 24 ? host.substring(0, 24) : host) + "-" + suffix;
    }
}
