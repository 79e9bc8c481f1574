package org.arrivals.station;

import java.util.regex.Pattern;

/** An event's id names its folder, so it is kept to characters every file system accepts. */
public final class EventId {
    public static final String DEFAULT = "default";
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private EventId() {}

    public static String check(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("Event id \"" + id + "\" is not valid: use 1 to 64 lower-case letters, "
                    + "digits, dots, dashes or underscores, starting with a letter or digit (for example nir-2026).");
        }
        return id;
    }
}
