package org.arrivals.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.print.CheckInWhilePrinterDownBench;
import org.arrivals.testing.TestStore;
import org.arrivals.ui.ScanRush;
import org.arrivals.ui.desk.DeskKeystrokeBench;

/**
 * {@code ./scripts/bench}: measures what organizers and volunteers feel and prints it. Sizes come
 * from system properties ({@code -Dbench.rows}, {@code -Dbench.runs}); nothing is asserted.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        List<String> which = Arrays.asList(args);
        if (which.isEmpty() || which.contains("import")) {
            importBench(Integer.getInteger("bench.rows", 100_000), Integer.getInteger("bench.runs", 3));
        }
        if (which.isEmpty() || which.contains("badge")) {
            BadgeBench.run(Integer.getInteger("bench.event", 1200), Integer.getInteger("bench.badges", 200));
        }
        if (which.isEmpty() || which.contains("print")) {
            PrintBench.run(Integer.getInteger("bench.prints", 50));
            PoolBench.run(
                    Integer.getInteger("bench.poolBadges", 24),
                    Long.getLong("bench.printMillis", 1500),
                    Integer.getInteger("bench.failovers", 5));
        }
        if (which.isEmpty() || which.contains("checkin")) {
            CheckInWhilePrinterDownBench.run(Integer.getInteger("bench.checkins", 200));
        }
        if (which.isEmpty() || which.contains("sync")) {
            SyncBench.run(
                    Integer.getInteger("bench.stations", 10),
                    Integer.getInteger("bench.offline", 1000),
                    Integer.getInteger("bench.runs", 3),
                    Integer.getInteger("bench.roster", 100_000));
        }
        if (which.contains("convergence")) {
            SyncBench.convergenceOnly(
                    Integer.getInteger("bench.stations", 10), Integer.getInteger("bench.offline", 1000));
        }
        if (which.contains("ingest")) {
            SyncBench.ingestOnly(
                    Integer.getInteger("bench.stations", 10),
                    Integer.getInteger("bench.offline", 1000),
                    Integer.getInteger("bench.runs", 3));
        }
        if (which.contains("roster")) {
            SyncBench.rosterOnly(Integer.getInteger("bench.roster", 100_000));
        }
        if (which.contains("propagation")) {
            Path dir = Files.createTempDirectory("arrivals-propagation-bench");
            try {
                SyncBench.propagation(
                        dir, Integer.getInteger("bench.stations", 10), Integer.getInteger("bench.propagation", 40));
            } finally {
                deleteTree(dir);
            }
        }
        if (which.isEmpty() || which.contains("desk")) {
            DeskKeystrokeBench.run(Integer.getInteger("bench.event", 1200), Integer.getInteger("bench.names", 300));
            ScanRush.bench(Integer.getInteger("bench.scans", 40), Integer.getInteger("bench.rushes", 3));
        }
        if (which.isEmpty() || which.contains("search")) {
            SearchBench.run(Integer.getInteger("bench.rows", 100_000), Integer.getInteger("bench.names", 300));
        }
        if (which.isEmpty() || which.contains("session")) {
            SessionBench.run(
                    Integer.getInteger("bench.event", 1200),
                    Integer.getInteger("bench.sessionScans", 10_000),
                    Integer.getInteger("bench.sessions", 50));
        }
        if (which.isEmpty() || which.contains("certificates")) {
            CertificateBench.run(Integer.getInteger("bench.event", 1200), Integer.getInteger("bench.runs", 2));
        }
        if (which.isEmpty() || which.contains("console")) {
            org.arrivals.hub.console.ConsoleBench.run(
                    Integer.getInteger("bench.event", 1200),
                    Integer.getInteger("bench.consoleLoads", 50),
                    Integer.getInteger("bench.consoleSyncs", 50));
        }
        if (which.isEmpty() || which.contains("search-sync")) {
            SearchSyncBench.run(
                    Integer.getInteger("bench.rows", 100_000),
                    Integer.getInteger("bench.syncChanges", 1000),
                    Integer.getInteger("bench.rosterPage", 5000),
                    Integer.getInteger("bench.keystrokes", 300),
                    Integer.getInteger("bench.keyIntervalMs", 20),
                    Integer.getInteger("bench.names", 300));
        }
    }

    /**
     * Importing a whole registration export into an empty store, and importing it again (every
     * row unchanged). The baseline is reading the same file without a store (decode, parse, clean),
     * so the ratio shows what the database adds.
     */
    static void importBench(int rows, int runs) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, 42, rows);
        }
        byte[] csv = buf.toByteArray();
        System.out.printf(Locale.ROOT, "import: %,d rows, %.1f MB CSV, %d runs each%n", rows, csv.length / 1e6, runs);
        List<Double> parse = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createTempDirectory("arrivals-bench");
            try (TestStore t = new TestStore(dir)) {
                parse.add(time(() ->
                        t.importer.importBytes(csv, "bench.csv", new RosterImporter.Options(Map.of(), null, true))));
                ImportReport[] r = new ImportReport[1];
                first.add(
                        time(() -> r[0] = t.importer.importBytes(csv, "bench.csv", RosterImporter.Options.defaults())));
                check(r[0].added() == rows, "first import added " + r[0].added());
                again.add(
                        time(() -> r[0] = t.importer.importBytes(csv, "bench.csv", RosterImporter.Options.defaults())));
                check(r[0].unchanged() == rows, "re-import left " + r[0].unchanged() + " unchanged");
            } finally {
                deleteTree(dir);
            }
        }
        report("dry run into empty store (baseline: read, parse, clean, plan)", parse, rows, parse);
        report("first import (all added)", first, rows, parse);
        report("re-import (all unchanged)", again, rows, parse);
    }

    static double time(Callable<?> work) throws Exception {
        long t0 = System.nanoTime();
        work.call();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void report(String what, List<Double> ms, int rows, List<Double> baseline) {
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = percentile(s, 50);
        double base = percentile(
                baseline.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
        System.out.printf(
                Locale.ROOT,
                "  %-62s p50 %8.0f ms  p90 %8.0f ms  max %8.0f ms  %,9.0f rows/s  x%.2f baseline%n",
                what,
                median,
                percentile(s, 90),
                s[s.length - 1],
                rows / (median / 1000),
                median / base);
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark run went wrong: " + what);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
