package org.arrivals.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.testing.Badges;

/**
 * {@code ./scripts/bench print}: from a scan to the badge handed over, through CUPS (its Zebra
 * driver, to a listener on loopback) and through the raw Zebra driver. The physical limit beside
 * it: a thermal printer takes about 1 to 2 s to print a 4 x 3 in badge.
 */
final class PrintBench {
    private PrintBench() {}

    static void run(int badges) throws Exception {
        Path dir = Files.createTempDirectory("arrivals-print-bench");
        try (FakeZebraForCli zebra = new FakeZebraForCli();
                Station s = Station.open(
                        dir, "bench", "desk-1", Clock.systemUTC(), null, StationKey.passphrase("bench-station-key"))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
                DemoEventGenerator.writeCsv(w, 5, badges * 5);
            }
            s.importer().importBytes(buf.toByteArray(), "bench.csv", RosterImporter.Options.defaults());
            var people = s.attendees().all().stream()
                    .filter(a -> a.status().name().equals("ATTENDING"))
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "print: %d badges per printer; the physical limit is 1 to 2 s per 4x3 in badge%n",
                    badges);
            String queue = "arrivals-bench-" + ProcessHandle.current().pid();
            boolean cups = exec(
                            "lpadmin",
                            "-p",
                            queue,
                            "-E",
                            "-v",
                            "socket://127.0.0.1:" + zebra.port(),
                            "-m",
                            "drv:///sample.drv/zebra.ppd",
                            "-o",
                            "PageSize=w288h216")
                    == 0;
            try {
                // warm up the JVM on people not measured, so the numbers are a desk's, not a cold start's
                measure(s, people.subList(3 * badges, 4 * badges), "zebra://127.0.0.1:" + zebra.port());
                if (cups) {
                    measure(s, people.subList(4 * badges, 4 * badges + badges / 2), queue);
                    line("scan to job handed to CUPS (Zebra driver)", measure(s, people.subList(0, badges), queue));
                } else {
                    System.out.println("  CUPS: not measured (no scheduler, or no right to add a queue)");
                }
                line(
                        "scan to job on a raw Zebra (ZPL over TCP, loopback)",
                        measure(s, people.subList(badges, 2 * badges), "zebra://127.0.0.1:" + zebra.port()));
            } finally {
                if (cups) {
                    exec("lpadmin", "-x", queue);
                }
            }
        } finally {
            Bench.deleteTree(dir);
        }
    }

    private static double[] measure(Station s, List<Attendee> who, String printer) {
        double[] ms = new double[who.size()];
        for (int i = 0; i < who.size(); i++) {
            long t0 = System.nanoTime();
            ScanResolver.Result r = s.checkIns().resolve(who.get(i).code() + "\n");
            s.checkIns().checkIn(Actor.cli(), r.attendee().code());
            PrintOutcome o = Badges.print(s, r.attendee().code(), printer, "thermal-4x3");
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (!o.handedOver()) {
                throw new IllegalStateException("benchmark badge not handed over: " + o);
            }
            // People arrive seconds apart, not back to back: let CUPS finish rasterizing the last
            // badge (it uses the same two cores) before the next scan, untimed.
            waitForIdle(printer);
        }
        return ms;
    }

    private static void waitForIdle(String printer) {
        if (printer.startsWith("zebra://")) {
            return;
        }
        for (int i = 0; i < 100; i++) {
            try {
                Process p = new ProcessBuilder("lpstat", "-o", printer)
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                if (out.isBlank()) {
                    return;
                }
                Thread.sleep(50);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void line(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(
                Locale.ROOT,
                "  %-52s p50 %6.1f ms  p90 %6.1f ms  max %6.1f ms  (x%.0f under the 1 s a " + "printer needs)%n",
                what,
                Bench.percentile(s, 50),
                Bench.percentile(s, 90),
                s[s.length - 1],
                1000 / Bench.percentile(s, 50));
    }

    private static int exec(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
