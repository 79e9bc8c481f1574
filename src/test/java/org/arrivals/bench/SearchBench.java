package org.arrivals.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.badge.BadgeToken;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.search.LegacySearchIndex;
import org.arrivals.search.Lookup;
import org.arrivals.search.SearchHit;
import org.arrivals.search.SearchIndex;
import org.arrivals.testing.TestStore;

/**
 * {@code ./scripts/bench search}: a volunteer typing names into the desk's search box, one
 * keystroke at a time, over a 100,000-person roster; the same queries against the same H2 table
 * with {@code LIKE '%q%'} (what many check-in apps do) as the baseline; building the index and its
 * heap, beside the index's previous layout built from the same roster in the same run (and the
 * same keystrokes answered by both, which must agree); and a scan through to a committed check-in.
 */
final class SearchBench {
    private SearchBench() {}

    static void run(int rows, int names) throws Exception {
        Path dir = Files.createTempDirectory("arrivals-search-bench");
        try (TestStore t = new TestStore(dir)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
                DemoEventGenerator.writeCsv(w, 7, rows);
            }
            t.importer.importBytes(buf.toByteArray(), "bench.csv", RosterImporter.Options.defaults());
            System.out.printf(
                    Locale.ROOT,
                    "search: %,d attendees, names typed keystroke by keystroke from %d real rows%n",
                    rows,
                    names);

            // Build and heap: what the kiosk keeps in memory for search.
            List<Attendee> roster = t.attendees.all();
            long before = usedHeapAfterGc();
            Lookup[] keep = new Lookup[1];
            double buildMs = Bench.time(() -> {
                keep[0] = new Lookup(t.attendees::forIndex, t.arrivals::arrivedCodes);
                keep[0].warm();
                return null;
            });
            long after = usedHeapAfterGc();
            Lookup lookup = keep[0];
            System.out.printf(
                    Locale.ROOT,
                    "  index build (lean read from H2 + index)  %8.0f ms; heap held by the index and its "
                            + "roster %6.1f MB (target <= 40 MB)%n",
                    buildMs,
                    (after - before) / 1e6);
            Layouts layouts = compareLayouts(t, roster);

            // Queries: every prefix of "first last" of randomly chosen people, as typed.
            Random random = new Random(11);
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < names; i++) {
                Attendee a = roster.get(random.nextInt(roster.size()));
                String name = a.lastName().isEmpty() ? a.firstName() : a.firstName() + " " + a.lastName();
                for (int end = 1; end <= name.length(); end = name.offsetByCodePoints(end, 1)) {
                    if (!Character.isWhitespace(name.charAt(end - 1))) {
                        queries.add(name.substring(0, end));
                    }
                    if (end == name.length()) {
                        break;
                    }
                }
            }
            for (int warm = 0; warm < 2; warm++) {
                for (String q : queries) {
                    lookup.search(q, 20);
                }
            }
            double[] index = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                long t0 = System.nanoTime();
                lookup.search(q, 20);
                index[i] = (System.nanoTime() - t0) / 1e6;
            }
            // The baseline is slow: time it on an evenly spread sample of the same keystrokes.
            int sampleSize = Math.min(queries.size(), Integer.getInteger("bench.likeQueries", 200));
            double[] like = new double[sampleSize];
            double[] indexSame = new double[sampleSize];
            for (int i = 0; i < sampleSize; i++) {
                int qi = (int) ((long) i * queries.size() / sampleSize);
                String q = queries.get(qi);
                t.attendees.search(q, 20);
                long t0 = System.nanoTime();
                t.attendees.search(q, 20);
                like[i] = (System.nanoTime() - t0) / 1e6;
                indexSame[i] = index[qi];
            }
            line("index, every keystroke (" + queries.size() + " queries)", index, null);
            layouts.keystrokes(queries);
            line("index, the baseline's sample", indexSame, null);
            line("SQL LIKE '%q%' baseline, same sample (" + sampleSize + ")", like, indexSame);

            // Scan to committed check-in: resolve what the scanner typed, then check in.
            ScanResolver scans = new ScanResolver(
                    t.attendees,
                    new BadgeToken("bench-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
                    "",
                    "");
            int n = Math.min(1000, roster.size());
            double[] checkIn = new double[n];
            for (int i = 0; i < n; i++) {
                String code = roster.get(i * (roster.size() / n)).code();
                long t0 = System.nanoTime();
                ScanResolver.Result r = scans.resolve(code + "\n");
                t.checkIns.checkIn(r.attendee().code(), "bench");
                checkIn[i] = (System.nanoTime() - t0) / 1e6;
            }
            line("scan to check-in committed (" + n + ")", checkIn, null);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** The index as it is and as it was before its layout was packed, built from the same roster. */
    private record Layouts(SearchIndex packed, LegacySearchIndex legacy) {
        /** Both answer every keystroke, interleaved; the answers must be the same. */
        void keystrokes(List<String> queries) {
            for (int warm = 0; warm < 2; warm++) {
                for (String q : queries) {
                    packed.search(q, 20);
                    legacy.search(q, 20);
                }
            }
            double[] now = new double[queries.size()];
            double[] was = new double[queries.size()];
            int differ = 0;
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                long t0 = System.nanoTime();
                List<SearchHit> a = packed.search(q, 20);
                long t1 = System.nanoTime();
                List<SearchHit> b = legacy.search(q, 20);
                long t2 = System.nanoTime();
                now[i] = (t1 - t0) / 1e6;
                was[i] = (t2 - t1) / 1e6;
                differ += a.equals(b) ? 0 : 1;
            }
            line("packed index alone, every keystroke", now, null);
            line("previous layout (baseline), same keystrokes", was, now);
            System.out.printf(
                    Locale.ROOT,
                    "  %-52s %d of %d%n",
                    "keystrokes answered differently by the two layouts",
                    differ,
                    queries.size());
        }
    }

    /**
     * Loading the roster from H2, and building the index from it in the layout of today and the
     * one before (same roster, same run, alternating), with the heap each index holds.
     */
    private static Layouts compareLayouts(TestStore t, List<Attendee> roster) throws Exception {
        int runs = Integer.getInteger("bench.buildRuns", 5);
        double[] load = new double[runs];
        double[] lean = new double[runs];
        double[] firstWas = new double[runs];
        double[] firstNow = new double[runs];
        double[] packed = new double[runs];
        double[] legacy = new double[runs];
        for (int r = 0; r < runs; r++) {
            load[r] = Bench.time(t.attendees::all);
            lean[r] = Bench.time(t.attendees::forIndex);
            legacy[r] = Bench.time(() -> LegacySearchIndex.build(roster));
            packed[r] = Bench.time(() -> SearchIndex.build(roster));
            // what the desk's first build does: read the store, then build
            firstWas[r] = Bench.time(() -> SearchIndex.build(t.attendees.all()));
            firstNow[r] = Bench.time(() -> SearchIndex.build(t.attendees.forIndex()));
        }
        long base = usedHeapAfterGc();
        LegacySearchIndex was = LegacySearchIndex.build(roster);
        double wasMb = (usedHeapAfterGc() - base) / 1e6;
        base = usedHeapAfterGc();
        SearchIndex now = SearchIndex.build(roster);
        double nowMb = (usedHeapAfterGc() - base) / 1e6;
        System.out.printf(
                Locale.ROOT, "  build, %d runs each, from the same %,d people in memory:%n", runs, roster.size());
        build("load for the index: lean read (forIndex)", lean, null, null);
        build("load the roster from H2: all() (baseline)", load, null, lean, "the lean read");
        build("index build, packed layout", packed, nowMb, null);
        build("index build, previous layout (baseline)", legacy, wasMb, packed);
        build("desk's first index: lean read + packed build", firstNow, null, null);
        build("desk's first index: all() + packed build (baseline)", firstWas, null, firstNow, "lean read + build");
        System.out.printf(
                Locale.ROOT,
                "  %-52s %d people, %,d words (previous layout: %,d)%n",
                "both hold",
                now.size(),
                now.distinctWords(),
                was.distinctWords());
        return new Layouts(now, was);
    }

    private static void build(String what, double[] ms, Double heapMb, double[] baseline) {
        build(what, ms, heapMb, baseline, "the packed build");
    }

    private static void build(String what, double[] ms, Double heapMb, double[] baseline, String against) {
        double[] s = ms.clone();
        Arrays.sort(s);
        String heap = heapMb == null ? "" : String.format(Locale.ROOT, "  heap held %6.1f MB", heapMb);
        String ratio = "";
        if (baseline != null) {
            double[] b = baseline.clone();
            Arrays.sort(b);
            ratio = String.format(
                    Locale.ROOT, "  x%.2f %s (p50)", Bench.percentile(s, 50) / Bench.percentile(b, 50), against);
        }
        System.out.printf(
                Locale.ROOT,
                "  %-52s p50 %7.0f ms  min %7.0f ms  max %7.0f ms%s%s%n",
                what,
                Bench.percentile(s, 50),
                s[0],
                s[s.length - 1],
                heap,
                ratio);
    }

    private static void line(String what, double[] ms, double[] baseline) {
        double[] s = ms.clone();
        Arrays.sort(s);
        String ratio = "";
        if (baseline != null) {
            double[] b = baseline.clone();
            Arrays.sort(b);
            ratio = String.format(
                    Locale.ROOT,
                    Bench.percentile(s, 50) / Bench.percentile(b, 50) >= 10
                            ? "  x%.0f slower than the index (p50), x%.0f (p99)"
                            : "  x%.2f the packed index (p50), x%.2f (p99)",
                    Bench.percentile(s, 50) / Bench.percentile(b, 50),
                    Bench.percentile(s, 99) / Bench.percentile(b, 99));
        }
        System.out.printf(
                Locale.ROOT,
                "  %-52s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms%s%n",
                what,
                Bench.percentile(s, 50),
                Bench.percentile(s, 99),
                s[s.length - 1],
                ratio);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
