package org.arrivals.station;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How the kiosk behaves at this station, from the {@code kiosk.*} and {@code badge.*} keys of
 * HOME/station.properties (commented sample: kiosk-config/station.properties). Each bad value is
 * refused with the file, the key and the fix.
 */
public record KioskSettings(
        Mode mode, int idleSeconds, String language, boolean largeText, String template, String eventName) {
    public enum Mode {
        DESK,
        SELF,
        STAFF,
        /** At a session room's door: every scan is an entry or an exit. */
        DOOR
    }

    /** The languages the kiosk speaks. */
    public static final List<String> LANGUAGES = List.of("en", "es", "ar", "fr");

    public static final KioskSettings DEFAULTS = new KioskSettings(Mode.DESK, 30, "en", false, "thermal-4x3", "");

    /** The self-service idle time written as {@code text}, or -1 unless it is a whole number from 5 to 3600. */
    public static int idleSeconds(String text) {
        try {
            int seconds = Integer.parseInt(text.strip());
            return seconds >= 5 && seconds <= 3600 ? seconds : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Readies a station for the demo event: its name, and the staff PIN {@code pin} when no PIN is
     * set. Returns true when it set the PIN.
     */
    public static boolean prepareDemo(Path home, String eventName, String pin, StationKey key) {
        if (StationFile.read(home).getProperty("event.name", "").isBlank()) {
            StationFile.set(home, Map.of("event.name", eventName));
        }
        if (key == null) {
            return false; // the key is typed on screen: no PIN can be set before it
        }
        if (StaffPin.load(home, Clock.systemUTC(), key).isSet()) {
            return false;
        }
        StaffPin.set(home, key, org.arrivals.audit.Role.SUPERVISOR, pin);
        return true;
    }

    /** The same settings in another language (the one chosen in the set-up wizard). */
    public KioskSettings withLanguage(String other) {
        return new KioskSettings(mode, idleSeconds, other, largeText, template, eventName);
    }

    /** The same settings starting in another mode (the one chosen in the set-up wizard). */
    public KioskSettings withMode(Mode other) {
        return new KioskSettings(other, idleSeconds, language, largeText, template, eventName);
    }

    public static KioskSettings load(Path home) {
        Path file = home.resolve(StationSettings.FILE);
        Properties p = StationFile.read(home);
        return parse(p, file.toString());
    }

    static KioskSettings parse(Properties p, String file) {
        String mode = p.getProperty("kiosk.mode", "desk").strip().toUpperCase(Locale.ROOT);
        Mode m;
        try {
            m = Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw bad(file, "kiosk.mode", p.getProperty("kiosk.mode"), "desk, self, staff or door");
        }
        String idleText = p.getProperty("kiosk.idle.seconds", "30").strip();
        int idle = idleSeconds(idleText);
        if (idle < 0) {
            throw bad(file, "kiosk.idle.seconds", idleText, "a number of seconds from 5 to 3600");
        }
        String language = p.getProperty("kiosk.language", "en").strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw bad(file, "kiosk.language", language, "en, es, ar or fr");
        }
        String large = p.getProperty("kiosk.large.text", "false").strip().toLowerCase(Locale.ROOT);
        if (!large.equals("true") && !large.equals("false")) {
            throw bad(file, "kiosk.large.text", large, "true or false");
        }
        String template = p.getProperty("badge.template", "thermal-4x3").strip();
        return new KioskSettings(
                m,
                idle,
                language,
                large.equals("true"),
                template.isEmpty() ? "thermal-4x3" : template,
                p.getProperty("event.name", "").strip());
    }

    private static IllegalArgumentException bad(String file, String key, String value, String fix) {
        return new IllegalArgumentException(file + ": " + key + " = '" + value + "' is not valid. Use " + fix + ".");
    }
}
