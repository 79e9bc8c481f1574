package org.arrivals.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.print.FakeBrother;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintService;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.testing.Badges;

/**
 * {@code ./scripts/bench print}, printer pools: badges per minute for one station with 1, 2 and 3
 * Brother QL printers in a pool, each taking {@code bench.printMillis} (1.5 s) per badge (loopback
 * listeners that answer like a QL-810W), for a rush of people checked in back to back; and the
 * time from a printer's roll running out under the head to badges coming out of the other
 * printer.
 */
final class PoolBench {
    private PoolBench() {}

    static void run(int badges, long printMillis, int failovers) throws Exception {
        Path dir = Files.createTempDirectory("arrivals-pool-bench");
        try (Station s = Station.open(
                dir, "bench", "desk-1", Clock.systemUTC(), null, StationKey.passphrase("bench-station-key"))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
                DemoEventGenerator.writeCsv(w, 5, (badges * 6 + failovers * 10) * 3);
            }
            s.importer().importBytes(buf.toByteArray(), "bench.csv", RosterImporter.Options.defaults());
            List<Attendee> people = new ArrayList<>(s.attendees().all().stream()
                    .filter(a -> a.status().name().equals("ATTENDING"))
                    .toList());
            System.out.printf(
                    Locale.ROOT,
                    "print pools: %d badges checked in back to back, each printer %.1f s per badge"
                            + " (Brother QL listeners on loopback)%n",
                    badges,
                    printMillis / 1000.0);
            // warm up: draw and send a few badges, not measured
            rush(s, people, 1, Math.min(4, badges), printMillis / 10);
            for (int printers = 1; printers <= 3; printers++) {
                double perMinute = rush(s, people, printers, badges, printMillis);
                double ideal = printers * 60_000.0 / printMillis;
                System.out.printf(
                        Locale.ROOT,
                        "  %d printer%s: %5.1f badges/min (the printers' own limit %5.1f; %3.0f%%)%n",
                        printers,
                        printers == 1 ? " " : "s",
                        perMinute,
                        ideal,
                        100 * perMinute / ideal);
            }
            failover(s, people, printMillis, failovers);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** Checks in {@code badges} people back to back at a station with this many printers; badges per minute. */
    private static double rush(Station s, List<Attendee> people, int printers, int badges, long printMillis)
            throws Exception {
        List<FakeBrother> pool = new ArrayList<>();
        try {
            for (int i = 0; i < printers; i++) {
                FakeBrother b = new FakeBrother().continuous(62);
                b.printMillis = printMillis;
                pool.add(b);
            }
            choose(s, pool);
            long t0 = System.nanoTime();
            for (int i = 0; i < badges; i++) {
                s.checkIns().checkInAndPrint(Actor.desk(), people.remove(0).code());
            }
            waitForPrinted(pool, badges, 30 + badges * printMillis / 1000);
            long last = pool.stream()
                    .flatMap(b -> b.printed.stream())
                    .mapToLong(FakeBrother.Page::atNanos)
                    .max()
                    .orElseThrow();
            return badges * 60e9 / (last - t0);
        } finally {
            for (FakeBrother b : pool) {
                b.close();
            }
        }
    }

    /**
     * Two printers in a rush; the first one's roll runs out under the head. Measured from that
     * moment: the next badge out of the other printer, and the badge the first one stopped on,
     * printed by the other.
     */
    private static void failover(Station s, List<Attendee> people, long printMillis, int runs) throws Exception {
        double[] next = new double[runs];
        double[] stopped = new double[runs];
        double[] idle = new double[runs];
        for (int r = 0; r < runs; r++) {
            try (FakeBrother a = new FakeBrother().continuous(62);
                    FakeBrother b = new FakeBrother().continuous(62)) {
                a.printMillis = printMillis;
                b.printMillis = printMillis;
                a.labelsLeft = 2;
                choose(s, List.of(a, b));
                int rush = 8;
                for (int i = 0; i < rush; i++) {
                    s.checkIns().checkInAndPrint(Actor.desk(), people.remove(0).code());
                }
                waitForPrinted(List.of(a, b), rush, 60);
                Badges.settle(s); // the last badge's job records its end
                long out = a.ranOutAtNanos;
                String lost = s.printing().jobs().stream()
                        .filter(j -> j.attempts() >= 2 && j.printer().equals(b.setting()))
                        .map(PrintJob::attendeeCode)
                        .reduce((x, y) -> y)
                        .orElseThrow();
                long firstAfter = Long.MAX_VALUE;
                long lostOut = -1;
                for (FakeBrother.Page p : b.printed) {
                    if (p.atNanos() > out) {
                        firstAfter = Math.min(firstAfter, p.atNanos());
                        if (s.tokens()
                                .verify(FakeBrother.qrText(p.image()))
                                .orElse("")
                                .equals(lost)) {
                            lostOut = p.atNanos();
                        }
                    }
                }
                next[r] = (firstAfter - out) / 1e6;
                stopped[r] = (lostOut - out) / 1e6;
            }
            // not in a rush: the other printer idle, the first one found out of labels when the badge is sent
            try (FakeBrother a = new FakeBrother().continuous(62);
                    FakeBrother b = new FakeBrother().continuous(62)) {
                a.printMillis = printMillis;
                b.printMillis = printMillis;
                choose(s, List.of(a, b));
                a.outOfLabels = true; // after the station last looked at it
                long t0 = System.nanoTime();
                s.checkIns().checkInAndPrint(Actor.desk(), people.remove(0).code());
                waitForPrinted(List.of(a, b), 1, 30);
                idle[r] = (b.printed.get(0).atNanos() - t0) / 1e6;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  one of two printers runs out of labels mid-rush (%d runs), from the moment it runs out:%n",
                runs);
        line("next badge out of the other printer", next);
        line("the badge it stopped on, out of the other printer", stopped);
        System.out.printf(
                Locale.ROOT,
                "  (a badge takes %.1f s to print: the other printer finishes the badge it has first)%n",
                printMillis / 1000.0);
        line("scan to badge out of the other printer, first one empty", idle);
    }

    private static void line(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(
                Locale.ROOT,
                "    %-52s p50 %6.0f ms  max %6.0f ms  (goal under 2000 ms)%n",
                what,
                Bench.percentile(s, 50),
                s[s.length - 1]);
    }

    private static void choose(Station s, List<FakeBrother> pool) throws Exception {
        String setting =
                String.join(",", pool.stream().map(FakeBrother::setting).toList());
        s.printing()
                .choose(Actor.cli(), new PrintService.Target(setting, "brother-62x100"))
                .get(30, TimeUnit.SECONDS);
    }

    private static void waitForPrinted(List<FakeBrother> pool, int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (pool.stream().mapToInt(b -> b.printed.size()).sum() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pool printed "
                        + pool.stream().mapToInt(b -> b.printed.size()).sum() + " of " + count + " badges");
            }
            Thread.sleep(5);
        }
    }
}
