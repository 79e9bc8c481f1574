package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.arrivals.attendee.Attendee;
import org.arrivals.badge.BadgeToken;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.testing.Exports;
import org.arrivals.testing.StoreSnapshot;
import org.arrivals.testing.TestStore;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded, seeded fuzzing with hostile input (issue 9): CSV and XLSX files with random bytes,
 * truncations, huge fields, wrong encodings, 1 MB names, control and bidirectional override
 * characters, and scanner input. Each file ends in a clear {@link ImportException} that changes
 * nothing, or in a complete import (importing the same file again changes nothing); no scan
 * crashes, and no altered badge code checks in anyone. Counts: {@code arrivals.fuzz.count} (CSV),
 * {@code arrivals.fuzz.xlsx}, {@code arrivals.fuzz.scans}; seed {@code arrivals.fuzz.seed}.
 * CI-sized by default; {@code ./mvnw test -Pfuzz-full} runs 5,000 of each.
 */
class HostileInputFuzzTest {
    private static final String[] NASTY = {
        "\u202E",
        "\u202D",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200F",
        "\u0000",
        "\u0007",
        "\u001B[31m",
        "\r",
        "\n",
        "\t",
        "\u0085",
        "\u2028",
        "\uFEFF",
        "\uD800",
        "=cmd|'/c calc'!A1",
        "\"",
        ",",
        ";",
        "'",
        "\\",
        "%s",
        "${jndi:ldap://x}",
        "<script>",
        "&amp;",
        "\uFFFD",
        "𝕏",
        "ن",
        "😀"
    };

    @TempDir
    Path dir;

    static int count(String property, int ci) {
        return Integer.getInteger(property, ci);
    }

    @Test
    void hostileCsvFilesImportCompletelyOrFailCleanly() {
        long seed = Long.getLong("arrivals.fuzz.seed", 20261122L);
        Random random = new Random(seed);
        fuzzImports("CSV", count("arrivals.fuzz.count", 150), seed, "fuzz.csv", () -> hostileCsv(random));
    }

    @Test
    void hostileXlsxFilesImportCompletelyOrFailCleanly() throws Exception {
        long seed = Long.getLong("arrivals.fuzz.seed", 20261122L);
        Random random = new Random(seed + 1);
        fuzzImports("XLSX", count("arrivals.fuzz.xlsx", 60), seed, "fuzz.xlsx", () -> {
            try {
                return hostileXlsx(random);
            } catch (Exception e) {
                throw new IllegalStateException("could not write a fuzz XLSX", e);
            }
        });
    }

    /** Imports {@code count} inputs into one store: each is imported completely or refused leaving it as it was. */
    private void fuzzImports(String kind, int count, long seed, String fileName, Supplier<byte[]> inputs) {
        Outcomes o = new Outcomes();
        try (TestStore t = new TestStore(dir.resolve(kind.toLowerCase(Locale.ROOT)))) {
            for (int i = 0; i < count; i++) {
                o.tryImport(t, inputs.get(), fileName, kind + " input " + i + " (seed " + seed + ")");
            }
        }
        System.out.printf(
                "HostileInputFuzzTest %s: %d files, %d imported, %d refused%n", kind, count, o.imported, o.refused);
        assertThat(o.imported + o.refused).isEqualTo(count);
    }

    @Test
    void aHugeValueInAnOtherColumnIsARowProblemNotADatabaseError() throws Exception {
        // found by the XLSX fuzzing (input 301 of seed 20261122 at 5,000): a megabyte in an unmapped
        // column went into the row's extra fields and past the database column's length
        String csv = "code,first_name,last_name,Dietary needs\r\nH-1,Ana,Ruiz," + "n".repeat(1_100_000)
                + "\r\nH-2,Ben,Okafor,none\r\n";
        try (TestStore t = new TestStore(dir.resolve("huge"))) {
            ImportReport r = t.importer.importBytes(
                    csv.getBytes(StandardCharsets.UTF_8), "huge.csv", RosterImporter.Options.defaults());
            assertThat(r.added()).isEqualTo(1);
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("H-1");
                assertThat(p.reason()).contains("other columns longer than");
            });
        }
    }

    @Test
    void hostileScansNeverCrashAndAnAlteredBadgeCodeChecksInNoOne() throws Exception {
        int count = count("arrivals.fuzz.scans", 1000);
        long seed = Long.getLong("arrivals.fuzz.seed", 20261122L);
        Random random = new Random(seed + 2);
        byte[] key = new byte[32];
        random.nextBytes(key);
        BadgeToken tokens = new BadgeToken(key);
        int found = 0;
        try (TestStore t = new TestStore(dir.resolve("scan"))) {
            t.importer.importBytes(
                    Exports.MESSY_EVENTBRITE.getBytes(StandardCharsets.UTF_8),
                    "e.csv",
                    RosterImporter.Options.defaults());
            List<Attendee> people = t.attendees.all();
            ScanResolver scans = new ScanResolver(t.attendees, tokens, "", "");
            for (int i = 0; i < count; i++) {
                Attendee who = people.get(random.nextInt(people.size()));
                String good = tokens.issue(who.code());
                String input;
                String expect = null;
                switch (random.nextInt(6)) {
                    case 0 -> {
                        input = good + (random.nextBoolean() ? "\r" : "\t");
                        expect = who.code();
                    }
                    case 1 -> { // one character changed: must not verify as anyone else
                        char[] c = good.toCharArray();
                        int at = BadgeToken.PREFIX.length() + random.nextInt(c.length - BadgeToken.PREFIX.length());
                        c[at] = (char) ('A' + random.nextInt(26));
                        input = new String(c);
                    }
                    case 2 -> input = noise(random, 1 + random.nextInt(200));
                    case 3 -> input = "X".repeat(1 + random.nextInt(1 << 20));
                    case 4 ->
                        input = NASTY[random.nextInt(NASTY.length)] + who.code() + NASTY[random.nextInt(NASTY.length)];
                    default -> input = BadgeToken.PREFIX + noise(random, random.nextInt(60));
                }
                ScanResolver.Result r;
                try {
                    r = scans.resolve(input);
                    CheckInResult c = t.checkIns.checkIn(input, null);
                    assertThat(c).isNotNull();
                } catch (RuntimeException e) {
                    fail("scan " + i + " (seed " + seed + ") crashed: " + e, e);
                    return;
                }
                if (r.kind() == ScanResolver.Kind.FOUND) {
                    found++;
                    if (input.startsWith(BadgeToken.PREFIX)) {
                        assertThat(r.attendee().code())
                                .as("a badge code checks in its own holder only")
                                .isEqualTo(who.code());
                    }
                }
                if (expect != null) {
                    assertThat(r.kind()).isEqualTo(ScanResolver.Kind.FOUND);
                    assertThat(r.attendee().code()).isEqualTo(expect);
                }
            }
        }
        System.out.printf("HostileInputFuzzTest scans: %d inputs, %d found someone%n", count, found);
    }

    private static final class Outcomes {
        int imported;
        int refused;

        void tryImport(TestStore t, byte[] input, String name, String what) {
            List<String> before = StoreSnapshot.of(t.store.dsl());
            ImportReport first;
            try {
                first = t.importer.importBytes(input, name, RosterImporter.Options.defaults());
            } catch (ImportException e) {
                refused++;
                assertThat(e.getMessage())
                        .as(what + ": a refusal is a sentence")
                        .isNotBlank();
                assertThat(e.getMessage().length()).as(what + ": a short one").isLessThan(2000);
                assertThat(StoreSnapshot.of(t.store.dsl()))
                        .as(what + ": a refused file changes nothing")
                        .isEqualTo(before);
                return;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail(what + " crashed the import: " + e, e);
                return;
            }
            imported++;
            // complete, not half: the same file again finds every row already there, unchanged
            ImportReport again;
            try {
                again = t.importer.importBytes(input, name, RosterImporter.Options.defaults());
            } catch (ImportException e) {
                fail(what + " imported once, then was refused: " + e.getMessage());
                return;
            }
            assertThat(again.added() + again.updated())
                    .as(what + ": imported completely the first time")
                    .isZero();
            assertThat(again.unchanged()).as(what).isEqualTo(first.added() + first.updated() + first.unchanged());
        }
    }

    static String noise(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(r.nextInt(4) == 0 ? NASTY[r.nextInt(NASTY.length)] : String.valueOf((char) r.nextInt(0x3000)));
        }
        return b.toString();
    }

    static byte[] hostileCsv(Random r) {
        String base = Exports.MESSY_EVENTBRITE;
        byte[] b = base.getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(8)) {
            case 0 -> {
                return Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            case 1 -> {
                byte[] noise = new byte[r.nextInt(4000)];
                r.nextBytes(noise);
                return noise;
            }
            case 2 -> { // a 1 MB name
                return base.replace("José", "J" + "é".repeat(500_000 + r.nextInt(30_000)))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> { // control and bidirectional override characters in names and codes
                String s = base;
                for (String victim : new String[] {"Martínez", "1002", "Aung San", "Boat People SOS", "Speaker"}) {
                    if (r.nextBoolean()) {
                        s = s.replace(victim, NASTY[r.nextInt(NASTY.length)] + victim + NASTY[r.nextInt(NASTY.length)]);
                    }
                }
                return s.getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> { // wrong encodings
                Charset[] cs = {
                    StandardCharsets.UTF_16BE,
                    StandardCharsets.UTF_16LE,
                    StandardCharsets.ISO_8859_1,
                    Charset.forName("windows-1252"),
                    Charset.forName("Shift_JIS"),
                    Charset.forName("KOI8-R")
                };
                return base.getBytes(cs[r.nextInt(cs.length)]);
            }
            case 5 -> { // many columns and many rows of noise under the real header
                StringBuilder s = new StringBuilder(base.substring(0, base.indexOf("\r\n") + 2));
                for (int row = 0; row < 1 + r.nextInt(300); row++) {
                    s.append(noise(r, r.nextInt(300))).append("\r\n");
                }
                return s.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> { // a huge field with no line break
                return (base + "9999,B," + "x".repeat(1 + r.nextInt(3_000_000))).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                for (int k = 0; k < 1 + r.nextInt(30); k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                return b;
            }
        }
    }

    static byte[] hostileXlsx(Random r) throws Exception {
        byte[] good = workbook(r);
        switch (r.nextInt(5)) {
            case 0 -> {
                return Arrays.copyOf(good, r.nextInt(good.length));
            }
            case 1 -> {
                byte[] b = good.clone();
                for (int k = 0; k < 1 + r.nextInt(20); k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                return b;
            }
            case 2 -> {
                byte[] b = new byte[r.nextInt(5000)];
                r.nextBytes(b);
                if (b.length > 2) {
                    b[0] = 'P';
                    b[1] = 'K';
                }
                return b;
            }
            default -> {
                return good;
            }
        }
    }

    /** A real workbook whose cells hold hostile text: huge names, control and bidi characters, noise. */
    static byte[] workbook(Random r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Fuzz", "1.0");
        Worksheet ws = wb.newWorksheet("Registrants");
        String[] header = {"code", "first_name", "last_name", "email", "organization", "type", "status"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, r.nextInt(20) == 0 ? noise(r, 5) : header[c]);
        }
        int rows = 1 + r.nextInt(30);
        for (int row = 1; row <= rows; row++) {
            ws.value(row, 0, r.nextInt(10) == 0 ? noise(r, 10) : "X-" + row);
            ws.value(
                    row,
                    1,
                    switch (r.nextInt(4)) {
                        case 0 -> "N" + "a".repeat(r.nextInt(1 << 20));
                        case 1 -> noise(r, 1 + r.nextInt(40));
                        default -> "Name" + row;
                    });
            ws.value(row, 2, NASTY[r.nextInt(NASTY.length)] + "Last" + NASTY[r.nextInt(NASTY.length)]);
            ws.value(row, 3, r.nextBoolean() ? "p" + row + "@example.org" : noise(r, 8));
            ws.value(row, 4, noise(r, r.nextInt(100)));
            ws.value(row, 5, r.nextBoolean() ? "Speaker" : noise(r, 4));
            ws.value(row, 6, r.nextBoolean() ? "attending" : noise(r, 4));
        }
        wb.finish();
        return out.toByteArray();
    }
}
