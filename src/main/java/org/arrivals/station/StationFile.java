package org.arrivals.station;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.arrivals.store.AtomicFile;

/** HOME/station.properties: read whole, and changed key by key without losing the others. */
public final class StationFile {
    private StationFile() {}

    public static Properties read(Path home) {
        Path file = home.resolve(StationSettings.FILE);
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    /** Sets keys (a null value removes one), writing a new file and moving it into place. */
    public static synchronized void set(Path home, Map<String, String> values) {
        Properties p = read(home);
        values.forEach((k, v) -> {
            if (v == null) {
                p.remove(k);
            } else {
                p.setProperty(k, v);
            }
        });
        Path file = home.resolve(StationSettings.FILE);
        try {
            AtomicFile.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "Arrivals station settings (kiosk-config/station.properties explains every key)");
                w.flush();
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
