package org.arrivals.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.checkin.HybridClock;
import org.arrivals.sync.HubClient;
import org.arrivals.sync.HubException;
import org.arrivals.sync.TestHub;
import org.arrivals.sync.TestStation;
import org.arrivals.sync.protocol.WireEvent;

/**
 * {@code ./scripts/bench sync}: {@code bench.stations} stations (10) each record
 * {@code bench.offline} check-ins (1,000) while the hub is unreachable, then all reconnect at
 * once: the time until every station holds every event (target: at most 10 s on loopback). And
 * the hub's ingest rate: that many stations pushing batches of 1,000 new events at once (target:
 * at least 5,000 events/s). Against an H2 hub and an embedded PostgreSQL hub.
 */
final class SyncBench {
    private SyncBench() {}

    static void run(int stations, int offline, int runs, int rosterRows) throws Exception {
        System.out.printf(
                Locale.ROOT, "sync: %d stations x %,d offline check-ins, hub on loopback%n", stations, offline);
        Path rosterDir = Files.createTempDirectory("arrivals-roster-bench");
        try {
            roster(rosterDir, rosterRows);
        } finally {
            Bench.deleteTree(rosterDir);
        }
        Path propagationDir = Files.createTempDirectory("arrivals-propagation-bench");
        try {
            propagation(propagationDir, stations, Integer.getInteger("bench.propagation", 40));
        } finally {
            Bench.deleteTree(propagationDir);
        }
        EmbeddedPostgres postgres = null;
        try {
            for (String db : List.of("h2", "postgres")) {
                Path dir = Files.createTempDirectory("arrivals-sync-bench");
                try {
                    if (db.equals("postgres") && postgres == null) {
                        postgres = EmbeddedPostgres.builder().start();
                    }
                    // as before (answers not gzipped), then as now, each on its own hub
                    convergence(db, postgres, dir, stations, offline, Round.BEFORE);
                    if (db.equals("h2")) {
                        convergence(db, postgres, dir, stations, offline, Round.SECOND);
                    }
                    convergence(db, postgres, dir, stations, offline, Round.NOW);
                    ingest(db, postgres, dir, stations, offline, runs);
                } finally {
                    Bench.deleteTree(dir);
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static int databases;

    /** {@code ./scripts/bench convergence}: only the convergence after reconnecting, on H2, as before and now. */
    static void convergenceOnly(int stations, int offline) throws Exception {
        Path dir = Files.createTempDirectory("arrivals-convergence-bench");
        try {
            convergence("h2", null, dir, stations, offline, Round.BEFORE);
            convergence("h2", null, dir, stations, offline, Round.SECOND);
            convergence("h2", null, dir, stations, offline, Round.NOW);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** {@code ./scripts/bench ingest}: only the hub's ingest rate, on H2. */
    static void ingestOnly(int pushers, int perPusher, int runs) throws Exception {
        Path dir = Files.createTempDirectory("arrivals-ingest-bench");
        try {
            ingest("h2", null, dir, pushers, perPusher, runs);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** {@code ./scripts/bench roster}: only the roster part. */
    static void rosterOnly(int rows) throws Exception {
        Path dir = Files.createTempDirectory("arrivals-roster-bench");
        try {
            roster(dir, rows);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /**
     * Issue 19: the time from a check-in committed at one station to the moment each of the other
     * online stations' stores would answer "already checked in" (its arrival listener fires after
     * the pulled event is committed there). {@code stations} stations sync in the background as
     * desks do (every 3 s); {@code checkins} check-ins at random stations a few hundred ms apart.
     * Today's polling (no long-poll, no push as an event is recorded) is the baseline, measured
     * first in the same run.
     */
    static void propagation(Path dir, int stationCount, int checkins) throws Exception {
        double[] polling = propagation(dir.resolve("polling"), stationCount, checkins, false);
        double[] longPoll = propagation(dir.resolve("long-poll"), stationCount, checkins, true);
        System.out.printf(
                Locale.ROOT,
                "  [h2] propagation, %d online stations, %d check-ins (%,d arrivals seen elsewhere): polling every"
                        + " 3 s p50 %.0f ms, p99 %.0f ms, max %.0f ms; long-poll p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                        + " (target p99 <= 1,000 ms); polling / long-poll: p50 x%.1f, p99 x%.1f%n",
                stationCount,
                checkins,
                longPoll.length,
                Bench.percentile(polling, 50),
                Bench.percentile(polling, 99),
                polling[polling.length - 1],
                Bench.percentile(longPoll, 50),
                Bench.percentile(longPoll, 99),
                longPoll[longPoll.length - 1],
                Bench.percentile(polling, 50) / Bench.percentile(longPoll, 50),
                Bench.percentile(polling, 99) / Bench.percentile(longPoll, 99));
    }

    private static double[] propagation(Path dir, int stationCount, int checkins, boolean longPoll) throws Exception {
        java.util.Random random = new java.util.Random(19);
        try (TestHub hub = TestHub.h2(dir.resolve("hub"))) {
            hub.importDemoRoster(7, Math.max(200, checkins * 2));
            List<TestStation> stations = new ArrayList<>();
            // seen[k] : nanoTime each station's store first held check-in k (index = station)
            java.util.concurrent.ConcurrentHashMap<String, long[]> seen =
                    new java.util.concurrent.ConcurrentHashMap<>();
            try {
                for (int i = 0; i < stationCount; i++) {
                    String id = "desk-" + (i + 1);
                    TestStation s = new TestStation(
                            dir.resolve(id),
                            id,
                            Clock.systemUTC(),
                            hub.uri(),
                            hub.token(id),
                            Duration.ofSeconds(10),
                            org.arrivals.station.Station.SYNC_INTERVAL,
                            Duration.ofSeconds(60));
                    s.sync.longPoll(longPoll ? org.arrivals.sync.SyncWorker.LONG_POLL : Duration.ZERO)
                            .pushOnRecord(longPoll);
                    int index = i;
                    s.station.log().addListener(a -> {
                        long[] at = seen.get(a.attendeeCode());
                        if (at != null && a.checkedIn() && at[index] == 0) {
                            at[index] = System.nanoTime();
                        }
                    });
                    s.syncOnce();
                    stations.add(s);
                }
                List<String> codes = stations.get(0).station.attendees().all().stream()
                        .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                        .map(Attendee::code)
                        .sorted()
                        .limit(checkins)
                        .toList();
                stations.forEach(s -> s.sync.start());
                Thread.sleep(3500); // every station has synced once in the background
                int[] where = new int[codes.size()];
                for (int k = 0; k < codes.size(); k++) {
                    seen.put(codes.get(k), new long[stationCount]);
                    where[k] = random.nextInt(stationCount);
                    stations.get(where[k]).station.log().checkIn(codes.get(k), null);
                    Thread.sleep(150 + random.nextInt(200));
                }
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < deadline
                        && seen.values().stream()
                                .anyMatch(at -> Arrays.stream(at).anyMatch(t -> t == 0))) {
                    Thread.sleep(20);
                }
                List<Double> ms = new ArrayList<>();
                for (int k = 0; k < codes.size(); k++) {
                    long[] at = seen.get(codes.get(k));
                    long committed = at[where[k]];
                    for (int i = 0; i < stationCount; i++) {
                        if (i != where[k]) {
                            if (at[i] == 0) {
                                throw new IllegalStateException("check-in " + k + " never reached station " + i);
                            }
                            ms.add((at[i] - committed) / 1e6);
                        }
                    }
                }
                return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            } finally {
                stations.forEach(TestStation::close);
            }
        }
    }

    /**
     * A whole registration export loaded at the hub, then pulled by a new station (H2 both sides):
     * first as before (pages of 2,000, no gzip, each page merged on its own), then as now (pages
     * of 10,000, gzip, one transaction, the index told once), each into a fresh station.
     */
    private static void roster(Path dir, int rows) throws Exception {
        try (TestHub hub = TestHub.h2(dir.resolve("hub"))) {
            double load = Bench.time(() -> {
                hub.importDemoRoster(17, rows);
                return null;
            });
            // the new way first: whatever the hub's cache and the JIT give the second pull goes to the baseline
            // the baseline: the previous bulk first pull (jOOQ's batch binding at the station, the hub's
            // page through jOOQ records with its edits read 1,000 codes at a time); with
            // -Dbench.rosterBaseline=paged the first version (pages of 2,000 merged one by one)
            boolean paged = "paged".equals(System.getProperty("bench.rosterBaseline"));
            double after = firstPull(hub, dir.resolve("station-after"), rows, false);
            double before = Boolean.getBoolean("bench.rosterNewOnly")
                    ? Double.NaN
                    : firstPull(hub, dir.resolve("station-before"), rows, true);
            int twice = Boolean.getBoolean("bench.rosterTwice") ? 2 : Integer.getInteger("bench.rosterRuns", 1);
            for (int i = 2; i <= twice; i++) {
                before = Math.min(before, firstPull(hub, dir.resolve("station-before" + i), rows, true));
                after = Math.min(after, firstPull(hub, dir.resolve("station-after" + i), rows, false));
            }
            System.out.printf(
                    Locale.ROOT,
                    "  [h2] roster of %,d people: parsed and loaded at the hub in %.1f s; a new station's first pull"
                            + " (best of each): before (" + (paged ? "pages merged one by one" : "previous bulk pull")
                            + ") %.1f s (%,.0f rows/s), now %.1f s (%,.0f rows/s; target <= 5 s), x%.1f%n",
                    rows,
                    load / 1000,
                    before / 1000,
                    rows / (before / 1000),
                    after / 1000,
                    rows / (after / 1000),
                    before / after);
        }
    }

    /** CPU seconds this process used (all threads: hub and station), to read beside the wall time on a busy machine. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static double firstPull(TestHub hub, Path home, int rows, boolean previous) throws Exception {
        String id = home.getFileName().toString();
        try (TestStation s =
                new TestStation(home, id, Clock.systemUTC(), hub.uri(), hub.token(id), Duration.ofSeconds(60))) {
            boolean paged = "paged".equals(System.getProperty("bench.rosterBaseline"));
            if (previous && paged) {
                s.sync.previousPulls();
            } else if (previous) {
                s.sync.previousFirstPull();
                System.setProperty(org.arrivals.hub.HubStore.PREVIOUS_ROSTER_PAGE, "true");
            }
            double cpu = cpuSeconds();
            double ms;
            try {
                ms = Bench.time(s::syncOnce);
            } finally {
                System.clearProperty(org.arrivals.hub.HubStore.PREVIOUS_ROSTER_PAGE);
            }
            System.out.printf(
                    Locale.ROOT,
                    "    %s: %.1f s, %.1f CPU s (hub and station together)%n",
                    previous ? "before" : "now",
                    ms / 1000,
                    cpuSeconds() - cpu);
            if (s.station.attendees().count() != rows) {
                throw new IllegalStateException(
                        "station holds " + s.station.attendees().count());
            }
            return ms;
        }
    }

    private static TestHub hub(String db, EmbeddedPostgres postgres, Path dir) throws Exception {
        if (db.equals("h2")) {
            return TestHub.h2(dir.resolve("hub-" + (++databases)));
        }
        String name = "bench" + (++databases);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new TestHub(postgres.getJdbcUrl("postgres", name), null);
    }

    /**
     * Which version's pulls a convergence run uses: as before issue 22 (answers not gzipped, pages
     * of 2,000, a backlog written with the usual write delay, pages applied through jOOQ), as after
     * its second round (pulled pages still applied through jOOQ, our own events acknowledged in a
     * transaction of their own), and now.
     */
    private enum Round {
        BEFORE("as before"),
        SECOND("second round"),
        NOW("now");

        final String label;

        Round(String label) {
            this.label = label;
        }
    }

    private static void convergence(
            String db, EmbeddedPostgres postgres, Path dir, int stationCount, int offline, Round round)
            throws Exception {
        try (TestHub hub = hub(db, postgres, dir)) {
            hub.importDemoRoster(5, stationCount * offline * 11 / 10 + 200);
            List<TestStation> stations = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(stationCount);
            try {
                for (int i = 0; i < stationCount; i++) {
                    String id = "desk-" + (i + 1);
                    stations.add(new TestStation(
                            dir.resolve(db + "-" + round.name().toLowerCase(Locale.ROOT) + "-" + id),
                            id,
                            Clock.systemUTC(),
                            hub.uri(),
                            hub.token(id),
                            Duration.ofSeconds(30)));
                    if (round == Round.BEFORE) {
                        stations.get(i).sync.previousPulls();
                    }
                    if (round != Round.NOW) {
                        stations.get(i).sync.previousApply();
                    }
                }
                for (TestStation s : stations) {
                    s.syncOnce();
                }
                List<String> attending = stations.get(0).station.attendees().all().stream()
                        .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                        .map(Attendee::code)
                        .sorted()
                        .toList();
                if (attending.size() < stationCount * offline) {
                    throw new IllegalStateException("roster too small: " + attending.size());
                }
                hub.kill();
                long t0 = System.nanoTime();
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < stationCount; i++) {
                    TestStation s = stations.get(i);
                    List<String> mine = attending.subList(i * offline, (i + 1) * offline);
                    work.add(pool.submit(() -> {
                        mine.forEach(code -> s.station.log().checkIn(code, null));
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                System.out.printf(
                        Locale.ROOT,
                        "  [%s] setup: %,d offline check-ins recorded in %.1f s%n",
                        db,
                        stationCount * offline,
                        (System.nanoTime() - t0) / 1e9);
                hub.restart();

                int total = stationCount * offline;
                long start = System.nanoTime();
                List<Future<Double>> done = new ArrayList<>();
                for (TestStation s : stations) {
                    done.add(pool.submit(() -> {
                        while (s.sync.status().pending() > 0
                                || s.station.arrivals().allEvents().size() < total) {
                            try {
                                s.syncOnce();
                            } catch (HubException e) {
                                Thread.sleep(50);
                            }
                        }
                        return (System.nanoTime() - start) / 1e9;
                    }));
                }
                double[] perStation = new double[stationCount];
                for (int i = 0; i < stationCount; i++) {
                    perStation[i] = done.get(i).get();
                }
                double all = (System.nanoTime() - start) / 1e9;
                Arrays.sort(perStation);
                long arrived = stations.get(0).station.arrivals().checkedInCount();
                boolean agree = stations.stream()
                        .allMatch(s -> s.arrivals().equals(stations.get(0).arrivals()));
                System.out.printf(
                        Locale.ROOT,
                        "  [%s] convergence after reconnect (%s): all %d stations hold all %,d events "
                                + "in %.2f s (target <= 5 s); per station p50 %.2f s, max %.2f s; hub holds %,d; "
                                + "%,d arrived everywhere: %s%n",
                        db,
                        round.label,
                        stationCount,
                        total,
                        all,
                        Bench.percentile(perStation, 50),
                        perStation[stationCount - 1],
                        hub.store.eventCount(),
                        arrived,
                        agree ? "all stations agree" : "STATIONS DISAGREE");
            } finally {
                pool.shutdownNow();
                stations.forEach(TestStation::close);
            }
        }
    }

    /** Pushers each send {@code perPusher} new events in batches of 1,000, all at once, straight to the hub. */
    private static void ingest(String db, EmbeddedPostgres postgres, Path dir, int pushers, int perPusher, int runs)
            throws Exception {
        // as before (a JDBC batch of one-row inserts), then as now (one insert of 500 rows at a time)
        System.setProperty("arrivals.hub.previousInsert", "true");
        try {
            ingest(db, postgres, dir, pushers, perPusher, runs, "as before");
        } finally {
            System.clearProperty("arrivals.hub.previousInsert");
        }
        ingest(db, postgres, dir, pushers, perPusher, runs, "now");
    }

    private static void ingest(
            String db, EmbeddedPostgres postgres, Path dir, int pushers, int perPusher, int runs, String which)
            throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (TestHub hub = hub(db, postgres, dir)) {
                List<HubClient> clients = new ArrayList<>();
                for (int p = 0; p < pushers; p++) {
                    clients.add(new HubClient(hub.direct(), hub.token("pusher-" + p), Duration.ofSeconds(60)));
                }
                List<List<WireEvent>> batches = new ArrayList<>();
                long hlc = System.currentTimeMillis() << 16;
                OffsetDateTime wall = OffsetDateTime.now(ZoneOffset.UTC);
                for (int p = 0; p < pushers; p++) {
                    for (int from = 0; from < perPusher; from += 1000) {
                        List<WireEvent> b = new ArrayList<>();
                        for (int i = from; i < Math.min(perPusher, from + 1000); i++) {
                            b.add(new WireEvent(
                                    UUID.randomUUID(),
                                    "AR-" + p + "-" + i,
                                    "CHECKED_IN",
                                    "pusher-" + p,
                                    wall,
                                    ++hlc,
                                    null));
                        }
                        batches.add(b);
                    }
                }
                // one warm-up push, not counted
                clients.get(0)
                        .push(List.of(new WireEvent(
                                UUID.randomUUID(),
                                "warm",
                                "CHECKED_IN",
                                "pusher-0",
                                wall,
                                HybridClock.millis(hlc) << 16,
                                null)));
                ExecutorService pool = Executors.newFixedThreadPool(pushers);
                long start = System.nanoTime();
                List<Future<List<Double>>> futures = new ArrayList<>();
                int perClient = batches.size() / pushers;
                for (int p = 0; p < pushers; p++) {
                    HubClient c = clients.get(p);
                    List<List<WireEvent>> mine = batches.subList(p * perClient, (p + 1) * perClient);
                    futures.add(pool.submit(() -> {
                        List<Double> ms = new ArrayList<>();
                        for (List<WireEvent> b : mine) {
                            long t = System.nanoTime();
                            c.push(b);
                            ms.add((System.nanoTime() - t) / 1e6);
                        }
                        return ms;
                    }));
                }
                for (Future<List<Double>> f : futures) {
                    latencies.addAll(f.get());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                int events = batches.stream().mapToInt(List::size).sum();
                if (hub.store.eventCount() != events + 1) {
                    throw new IllegalStateException("hub holds " + hub.store.eventCount() + " of " + (events + 1));
                }
                rates.add(events / seconds);
            }
        }
        double[] r = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] l =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "  [%s] hub ingest (%s), %d pushers x %,d new events in batches of 1,000, %d runs: "
                        + "p50 %,.0f events/s (min %,.0f, max %,.0f; target >= 20,000); one batch p50 %.0f ms, p99 %.0f ms%n",
                db,
                which,
                pushers,
                perPusher,
                runs,
                Bench.percentile(r, 50),
                r[0],
                r[r.length - 1],
                Bench.percentile(l, 50),
                Bench.percentile(l, 99));
    }

    static String summary(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(", "));
    }
}
