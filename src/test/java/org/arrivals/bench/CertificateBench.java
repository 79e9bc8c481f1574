package org.arrivals.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.arrivals.audit.Actor;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.certificate.CertificateService;
import org.arrivals.session.Session;
import org.arrivals.session.SessionService;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;

/**
 * {@code ./scripts/bench certificates}: the demo event after its three days (everyone in, each at
 * a few sessions), then every certificate of attendance in one batch, into one PDF and into a
 * folder of a PDF each; the baseline is the same people's badges in one PDF, in the same run.
 */
final class CertificateBench {
    private CertificateBench() {}

    static void run(int people, int runs) throws Exception {
        Path home = Files.createTempDirectory("arrivals-bench-certificates");
        try {
            StationFile.set(home, Map.of("station.id", "desk-1", "event.timezone", "UTC", "event.name", "Bench 2026"));
            try (Station station = Station.open(home, "bench", null, Clock.systemUTC())) {
                station.roster().importDemo(Actor.cli(), people, 2026);
                LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(10);
                station.sessions().importDemo(Actor.cli(), first);
                List<Session> schedule = station.sessions().schedule();
                Random random = new Random(7);
                long t0 = System.nanoTime();
                int scans = 0;
                for (int i = 1; i <= people; i++) {
                    String code = String.format("AR-%06d", i);
                    for (int d = 0; d < 3; d++) {
                        if (random.nextInt(10) < 8) {
                            Instant at = first.plusDays(d)
                                    .atTime(8, random.nextInt(60))
                                    .toInstant(ZoneOffset.UTC);
                            station.checkIns().checkInAt(Actor.cli(), code, at);
                        }
                    }
                    for (int k = 0; k < 4; k++) {
                        Session s = schedule.get(random.nextInt(schedule.size()));
                        Instant in = s.startsAt(ZoneOffset.UTC).plusSeconds(random.nextInt(900));
                        station.sessions().scan(Actor.cli(), s.id(), code, SessionService.Door.ENTRANCE, false, in);
                        scans++;
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "certificates: demo event of %,d after three days (%,d session scans, set up in %.0f s)%n",
                        people,
                        scans,
                        (System.nanoTime() - t0) / 1e9);
                // warm the fonts and the JIT
                station.certificates().one(Actor.cli(), "AR-000001", home.resolve("warm.pdf"), null, 0, "a4");
                double badges = Double.MAX_VALUE;
                double onePdf = Double.MAX_VALUE;
                double folder = Double.MAX_VALUE;
                int count = 0;
                long bytes = 0;
                for (int r = 0; r < runs; r++) {
                    long b0 = System.nanoTime();
                    byte[] pdf = station.badges()
                            .renderAll(TemplateLoader.named("thermal-4x3", null), allPeople(station), "Bench 2026");
                    badges = Math.min(badges, (System.nanoTime() - b0) / 1e6);
                    long c0 = System.nanoTime();
                    Path out = home.resolve("all-" + r + ".pdf");
                    CertificateService.Issued one = station.certificates().all(Actor.cli(), out, null, 0, "a4");
                    onePdf = Math.min(onePdf, (System.nanoTime() - c0) / 1e6);
                    count = one.count();
                    bytes = Files.size(out);
                    long f0 = System.nanoTime();
                    station.certificates().all(Actor.cli(), home.resolve("each-" + r), null, 0, "a4");
                    folder = Math.min(folder, (System.nanoTime() - f0) / 1e6);
                    if (pdf.length == 0) {
                        throw new IllegalStateException("no badges");
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %-58s %8.1f s  (%.1f ms each)%n",
                        "badges of the same people, one PDF (baseline)",
                        badges / 1000,
                        badges / count);
                System.out.printf(
                        Locale.ROOT,
                        "  %-58s %8.1f s  (%.1f ms each, %.0f KB each)  x%.1f baseline%n",
                        String.format(Locale.ROOT, "%,d certificates, one PDF (best of %d)", count, runs),
                        onePdf / 1000,
                        onePdf / count,
                        bytes / 1024.0 / count,
                        onePdf / badges);
                System.out.printf(
                        Locale.ROOT,
                        "  %-58s %8.1f s  (%.1f ms each)  x%.1f baseline%n",
                        String.format(Locale.ROOT, "%,d certificates, a PDF each in a folder", count),
                        folder / 1000,
                        folder / count,
                        folder / badges);
            }
        } finally {
            Bench.deleteTree(home);
        }
    }

    private static List<org.arrivals.attendee.Attendee> allPeople(Station station) {
        return station.sessions().attendanceOfEveryone(0).keySet().stream()
                .map(code -> station.checkIns().person(code).orElseThrow().attendee())
                .toList();
    }
}
