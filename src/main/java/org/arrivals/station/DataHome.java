package org.arrivals.station;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a station keeps its data: {@code --home DIR}, else {@code ARRIVALS_HOME}, else the
 * operating system's per-user data folder.
 */
public final class DataHome {
    public static final String ENV = "ARRIVALS_HOME";

    private DataHome() {}

    public static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Path.of(local, "Arrivals") : Path.of(userHome, "AppData", "Local", "Arrivals");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Arrivals");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "arrivals")
                : Path.of(userHome, ".local", "share", "arrivals");
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /** One database per event: {@code HOME/events/EVENT/}. */
    public static Path eventDirectory(Path home, String eventId) {
        return home.resolve("events").resolve(eventId);
    }
}
