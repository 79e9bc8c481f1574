package org.arrivals.print;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.audit.Actor;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.station.Station;

/**
 * {@code ./scripts/bench checkin}: a desk's check-in (scan to the check-in committed, the first
 * badge queued) while its printer answers, while it does not answer at all (a Zebra that takes
 * the connection and never replies: each attempt waits out its two seconds), and with no printer
 * (the baseline). The print worker owns the printer, so the three should be alike.
 */
public final class CheckInWhilePrinterDownBench {
    private CheckInWhilePrinterDownBench() {}

    public static void run(int checkIns) throws Exception {
        Path dir = Files.createTempDirectory("arrivals-checkin-bench");
        try (FakeZebra answering = new FakeZebra();
                FakeZebra silent = new FakeZebra();
                Station s = Station.open(dir, "bench", "desk-1", Clock.systemUTC())) {
            silent.silent = true;
            s.roster().importDemo(Actor.cli(), checkIns * 5 + 100, 11);
            List<Attendee> people = s.attendees().all().stream()
                    .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "checkin: %d check-ins each, scan to committed (badge queued for the print worker)%n",
                    checkIns);
            measure(s, people.subList(3 * checkIns, 3 * checkIns + 50), null); // warm-up
            double[] none = measure(s, people.subList(0, checkIns), null);
            double[] up = measure(s, people.subList(checkIns, 2 * checkIns), "zebra://127.0.0.1:" + answering.port());
            double[] down =
                    measure(s, people.subList(2 * checkIns, 3 * checkIns), "zebra://127.0.0.1:" + silent.port());
            // v0.1's way, for comparison: the desk's task checked in, then waited for the printer
            int old = Math.max(5, checkIns / 10);
            double[] then = measureWaiting(
                    s,
                    people.subList(3 * checkIns + 50, 3 * checkIns + 50 + old),
                    "zebra://127.0.0.1:" + silent.port());
            line("no printer chosen (baseline)", none, none);
            line("printer answering (loopback Zebra)", up, none);
            line("printer not answering (each attempt waits 2 s)", down, none);
            line("not answering, the desk waiting for the printer as in v0.1 (" + old + " check-ins)", then, none);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double[] measure(Station s, List<Attendee> who, String printer) throws Exception {
        return measure(s, who, printer, false);
    }
    /**
     * v0.1's desk, for comparison: one task checked in, drew the badge and handed it to the printer
     * itself, so the next check-in waited for the printer's answer.
     */
    private static double[] measureWaiting(Station s, List<Attendee> who, String printer) throws Exception {
        var template = org.arrivals.badge.TemplateLoader.named("thermal-4x3", null);
        List<Double> ms = new ArrayList<>();
        for (Attendee a : who) {
            long t0 = System.nanoTime();
            s.checkIns().checkIn(Actor.desk(), a.code());
            try {
                Printers.forSetting(printer).send(s.badges().render(template, a, ""), LabelStock.of(template));
            } catch (PrinterProblem e) {
                // v0.1 kept the job and said so; the desk had waited for the answer all the same
            }
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double[] measure(Station s, List<Attendee> who, String printer, boolean waitForPrinter)
            throws Exception {
        s.printing()
                .choose(Actor.cli(), new PrintService.Target(printer, "thermal-4x3"))
                .get(10, TimeUnit.SECONDS);
        List<Double> ms = new ArrayList<>();
        for (Attendee a : who) {
            long t0 = System.nanoTime();
            CheckInResult r = s.checkIns().checkInAndPrint(Actor.desk(), a.code());
            if (waitForPrinter) {
                s.printing().awaitAttempt(r.badge(), Duration.ofSeconds(10));
            }
            ms.add((System.nanoTime() - t0) / 1e6);
            if (!r.checkedIn()) {
                throw new IllegalStateException("bench check-in not recorded: " + r.outcome());
            }
            if (!waitForPrinter) {
                Thread.sleep(20); // people arrive a moment apart
            }
        }
        return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static void line(String what, double[] ms, double[] baseline) {
        System.out.printf(
                Locale.ROOT,
                "  %-50s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  x%.2f baseline p50%n",
                what,
                pct(ms, 50),
                pct(ms, 99),
                ms[ms.length - 1],
                pct(ms, 50) / pct(baseline, 50));
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)));
        return sorted[i];
    }
}
