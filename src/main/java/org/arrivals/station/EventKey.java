package org.arrivals.station;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The event's secret: it signs and encrypts the tokens printed on badges. Created once, beside the
 * event's database ({@code event.key}, readable by its owner only). Every station of an event must
 * hold the same key to accept each other's badges: copy the file to each station before doors open.
 */
public final class EventKey {
    static final String FILE = "event.key";

    private EventKey() {}

    public static byte[] loadOrCreate(Path eventDir) {
        Path file = eventDir.resolve(FILE);
        try {
            Files.createDirectories(eventDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return read(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                return key;
            }
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the event key " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length < 16) {
                throw new IllegalStateException(
                        "The event key " + file + " is too short: it must hold at least 128 bits.");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The event key " + file + " is damaged: it must be one line of Base64.", e);
        }
    }
}
