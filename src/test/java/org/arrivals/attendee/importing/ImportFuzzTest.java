package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.arrivals.testing.Exports;
import org.arrivals.testing.StoreSnapshot;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded, seeded fuzzing of the import: mangled registration exports either import or fail with
 * an {@link ImportException}, and a failure changes nothing. Counts come from system properties
 * ({@code arrivals.fuzz.count}, {@code arrivals.fuzz.seed}); CI runs a small number.
 */
class ImportFuzzTest {
    @TempDir
    Path dir;

    @Test
    void mangledExportsImportOrFailCleanly() {
        int count = Integer.getInteger("arrivals.fuzz.count", 150);
        long seed = Long.getLong("arrivals.fuzz.seed", 20261122L);
        Random random = new Random(seed);
        byte[] base = Exports.MESSY_EVENTBRITE.getBytes(StandardCharsets.UTF_8);
        int imported = 0;
        int refused = 0;
        try (TestStore t = new TestStore(dir.resolve("db"))) {
            for (int i = 0; i < count; i++) {
                byte[] input = mangle(base, random);
                List<String> before = StoreSnapshot.of(t.store.dsl());
                try {
                    t.importer.importBytes(input, "fuzz.csv", RosterImporter.Options.defaults());
                    imported++;
                } catch (ImportException e) {
                    refused++;
                    assertThat(e.getMessage()).as("a refusal is a sentence").isNotBlank();
                    assertThat(StoreSnapshot.of(t.store.dsl()))
                            .as("a refused file changes nothing")
                            .isEqualTo(before);
                } catch (RuntimeException e) {
                    fail("input " + i + " (seed " + seed + ") crashed the import: " + e, e);
                }
            }
        }
        assertThat(imported + refused).isEqualTo(count);
    }

    private static byte[] mangle(byte[] base, Random r) {
        byte[] b = base.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // truncate anywhere
                b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            case 1 -> { // random bytes sprinkled in
                for (int k = 0; k < 1 + r.nextInt(20); k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> { // stray quotes, separators and line breaks
                String specials = "\",\r\n;\t\u202E\u0000";
                for (int k = 0; k < 1 + r.nextInt(8); k++) {
                    b[r.nextInt(b.length)] = (byte) specials.charAt(r.nextInt(specials.length()));
                }
            }
            case 3 -> { // pure noise
                b = new byte[r.nextInt(2000)];
                r.nextBytes(b);
            }
            case 4 -> { // a huge field
                String s = new String(b, StandardCharsets.UTF_8);
                int at = s.indexOf("Casa");
                b = (s.substring(0, at) + "X".repeat(100_000 + r.nextInt(1_000_000)) + s.substring(at))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> { // another encoding than the bytes claim
                b = new String(b, StandardCharsets.UTF_8)
                        .getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
            }
        }
        return b;
    }
}
