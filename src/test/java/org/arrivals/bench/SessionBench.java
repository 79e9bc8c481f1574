package org.arrivals.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.session.ScanResult;
import org.arrivals.session.SessionService;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EventKind;

/**
 * {@code ./scripts/bench session}: a scan at a session's door through to its entry committed, p50
 * and p99, against a scan at the desk through to its check-in committed on the same station in the
 * same run (the baseline: the goal is the same, p50 at most 5 ms); then {@code bench.scans} scans
 * (default 10,000) over 50 sessions, and the people inside each room compared with a recount
 * folded here from the log's events.
 */
final class SessionBench {
    private SessionBench() {}

    static void run(int people, int scans, int sessions) throws Exception {
        Path home = Files.createTempDirectory("arrivals-bench-session");
        try {
            StationFile.set(home, Map.of("station.id", "door-1", "event.timezone", "UTC"));
            try (Station station = Station.open(home, "bench", null, Clock.systemUTC())) {
                station.roster().importDemo(Actor.cli(), people, 2026);
                StringBuilder csv = new StringBuilder("Session ID,Title,Track,Room,Date,Start,End,Capacity\r\n");
                String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
                for (int s = 1; s <= sessions; s++) {
                    // capacity: no limit, so every entry is recorded (the full room is its own test)
                    csv.append(String.format(
                            Locale.ROOT, "B%02d,Session %d,Track %d,Room %d,%s,00:00,23:59,%n", s, s, s % 9, s, today));
                }
                Path file = home.resolve("schedule.csv");
                Files.writeString(file, csv, StandardCharsets.UTF_8);
                station.sessions().importSchedule(Actor.cli(), file, null, false);
                List<String> codes = new ArrayList<>();
                for (int i = 1; i <= people; i++) {
                    codes.add(String.format("AR-%06d", i));
                }
                Actor desk = Actor.desk();
                Actor door = new Actor(Role.VOLUNTEER, Actor.Face.DOOR);
                SessionService doors = station.sessions();
                Random random = new Random(42);
                // warm both paths (JIT, the schedule's cache) on people the measured runs do not use
                for (int i = 0; i < 200; i++) {
                    station.checkIns().checkIn(desk, codes.get(people - 1 - i) + "\n");
                    doors.scan(door, "B01", codes.get(people - 1 - i) + "\n", SessionService.Door.BOTH, false);
                }
                int n = Math.min(1000, people - 200);
                double[] checkIn = new double[n];
                double[] entry = new double[n];
                for (int i = 0; i < n; i++) {
                    // alternate, so both see the same machine load
                    String code = codes.get(i);
                    long t0 = System.nanoTime();
                    station.checkIns().checkIn(desk, code + "\n");
                    checkIn[i] = (System.nanoTime() - t0) / 1e6;
                    String session = String.format(Locale.ROOT, "B%02d", 1 + random.nextInt(sessions));
                    t0 = System.nanoTime();
                    ScanResult r = doors.scan(
                            door, session, codes.get((i + 7) % n) + "\n", SessionService.Door.ENTRANCE, false);
                    entry[i] = (System.nanoTime() - t0) / 1e6;
                    check(
                            r.recorded() || r.outcome() == ScanResult.Outcome.ALREADY_INSIDE,
                            r.outcome().name());
                }
                System.out.printf(Locale.ROOT, "session: %,d people, %d sessions%n", people, sessions);
                line("scan to check-in committed (baseline, " + n + ")", checkIn, null);
                line("scan to session entry committed (" + n + ")", entry, checkIn);

                // scans over 50 sessions: entries, exits, moves; then the rooms against a recount
                double[] all = new double[scans];
                int recorded = 0;
                for (int i = 0; i < scans; i++) {
                    String code = codes.get(random.nextInt(people));
                    String session = String.format(Locale.ROOT, "B%02d", 1 + random.nextInt(sessions));
                    SessionService.Door d =
                            random.nextInt(10) < 7 ? SessionService.Door.ENTRANCE : SessionService.Door.EXIT;
                    long t0 = System.nanoTime();
                    ScanResult r = doors.scan(door, session, code, d, false);
                    all[i] = (System.nanoTime() - t0) / 1e6;
                    recorded += r.recorded() ? 1 : 0;
                }
                line(
                        String.format(
                                Locale.ROOT, "%,d scans over %d sessions (%,d recorded)", scans, sessions, recorded),
                        all,
                        null);
                long t0 = System.nanoTime();
                Map<String, Integer> recount = recount(station);
                double recountMs = (System.nanoTime() - t0) / 1e6;
                Map<String, Integer> shown = new HashMap<>();
                doors.sessions(null).forEach(c -> {
                    if (c.inside() > 0) {
                        shown.put(c.session().id(), c.inside());
                    }
                });
                int insideNow =
                        shown.values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf(
                        Locale.ROOT,
                        "  occupancy of %d rooms (%,d inside) against a recount of the log's %,d events (%.0f ms): %s%n",
                        sessions,
                        insideNow,
                        station.arrivals().allEvents().size(),
                        recountMs,
                        shown.equals(recount) ? "equal" : "DIFFERENT " + shown + " vs " + recount);
            }
        } finally {
            Bench.deleteTree(home);
        }
    }

    /** Who is inside each room, folded from the log's events in log order, without the station's projection. */
    static Map<String, Integer> recount(Station station) {
        Map<String, String> where = new HashMap<>();
        for (CheckInEvent e : station.arrivals().allEvents()) {
            if (!e.kind().isSession()) {
                continue;
            }
            String session = Details.fromJson(e.details()).get(Details.SESSION);
            if (e.kind() == EventKind.SESSION_ENTERED) {
                where.put(e.attendeeCode(), session);
            } else if (session.equals(where.get(e.attendeeCode()))) {
                where.remove(e.attendeeCode());
            }
        }
        Map<String, Integer> out = new HashMap<>();
        where.values().forEach(s -> out.merge(s, 1, Integer::sum));
        return out;
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
                    "  x%.2f the baseline (p50), x%.2f (p99)",
                    Bench.percentile(s, 50) / Bench.percentile(b, 50),
                    Bench.percentile(s, 99) / Bench.percentile(b, 99));
        }
        System.out.printf(
                Locale.ROOT,
                "  %-58s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms%s%n",
                what,
                Bench.percentile(s, 50),
                Bench.percentile(s, 90),
                Bench.percentile(s, 99),
                s[s.length - 1],
                ratio);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark run went wrong: " + what);
        }
    }
}
