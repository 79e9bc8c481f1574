package org.arrivals.station;

import static org.arrivals.store.jooq.Tables.EVENT_SECRET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.arrivals.store.Store;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event's secret: it signs and encrypts the tokens printed on badges. It lives inside the
 * event's encrypted database ({@code event_secret}), not beside it: a thief of the disk cannot
 * forge badges. Every station of an event needs the same key to accept each other's badges: a
 * station joining a hub takes the hub's key from its set-up code (the key this station had before
 * is still accepted, so badges it printed keep working). A station made before this kept the key
 * in {@code event.key}, in clear: it moves into the database at the next open, and the file is
 * overwritten and removed.
 */
public final class EventKey {
    private static final Logger LOG = LoggerFactory.getLogger(EventKey.class);
    static final String FILE = "event.key";
    static final String CURRENT = "badge-key";
    static final String PREVIOUS = "badge-key-previous";

    /** The key badges are issued with, and keys of this event's badges still accepted. */
    public record Keys(byte[] current, List<byte[]> alsoAccepted) {}

    private EventKey() {}

    /** The event's keys, made (or moved from the old {@code event.key} file) the first time. */
    public static Keys load(Store store, Path eventDir) {
        DSLContext dsl = store.dsl();
        byte[] current = read(dsl, CURRENT);
        if (current == null) {
            Path file = eventDir.resolve(FILE);
            if (Files.exists(file)) {
                current = readFile(file);
                write(dsl, CURRENT, current);
                store.committed();
                destroy(file);
                LOG.info("The event's badge key moved from {} into its encrypted database", FILE);
            } else {
                current = new byte[32];
                new SecureRandom().nextBytes(current);
                write(dsl, CURRENT, current);
                store.committed();
            }
        }
        byte[] previous = read(dsl, PREVIOUS);
        return new Keys(current, previous == null ? List.of() : List.of(previous));
    }

    /**
     * Takes a hub's badge key (from a set-up code). The station's own key until then, if another,
     * stays accepted. Returns true when the key changed.
     */
    public static boolean adopt(Store store, byte[] key) {
        DSLContext dsl = store.dsl();
        byte[] current = read(dsl, CURRENT);
        if (current != null && MessageDigest.isEqual(current, key)) {
            return false;
        }
        dsl.transaction(tx -> {
            if (current != null) {
                write(tx.dsl(), PREVIOUS, current);
            }
            write(tx.dsl(), CURRENT, key);
        });
        store.committed();
        return true;
    }

    private static byte[] read(DSLContext dsl, String name) {
        String v = dsl.select(EVENT_SECRET.SECRET_VALUE)
                .from(EVENT_SECRET)
                .where(EVENT_SECRET.NAME.eq(name))
                .fetchOne(EVENT_SECRET.SECRET_VALUE);
        return v == null ? null : Base64.getDecoder().decode(v);
    }

    private static void write(DSLContext dsl, String name, byte[] key) {
        String v = Base64.getEncoder().encodeToString(key);
        if (dsl.update(EVENT_SECRET)
                        .set(EVENT_SECRET.SECRET_VALUE, v)
                        .where(EVENT_SECRET.NAME.eq(name))
                        .execute()
                == 0) {
            dsl.insertInto(EVENT_SECRET, EVENT_SECRET.NAME, EVENT_SECRET.SECRET_VALUE)
                    .values(name, v)
                    .execute();
        }
    }

    private static byte[] readFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length < 16) {
                throw new IllegalStateException(
                        "The event key " + file + " is too short: it must hold at least 128 bits.");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the event key " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The event key " + file + " is damaged: it must be one line of Base64.", e);
        }
    }

    /** Overwrites the old clear key with zeros, syncs, and removes it. */
    private static void destroy(Path file) {
        try {
            long size = Files.size(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.allocate((int) Math.min(size, 4096)), 0);
                ch.force(true);
            }
            Files.delete(file);
        } catch (IOException e) {
            LOG.warn("Could not remove the old event key file {}: {}", file, e.getMessage());
        }
    }
}
