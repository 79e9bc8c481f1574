package org.arrivals.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.RosterListener;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.search.Lookup;
import org.arrivals.search.SearchHit;
import org.arrivals.sync.HubClient;
import org.arrivals.sync.SyncState;
import org.arrivals.sync.SyncWorker;
import org.arrivals.sync.TestHub;
import org.arrivals.sync.Wire;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.testing.TestStore;

/**
 * {@code ./scripts/bench search-sync}: a volunteer types names keystroke by keystroke at a desk
 * whose roster ({@code bench.rows}, 100,000 people) is synced through a real hub on loopback,
 * while the station pulls what the hub gathered meanwhile: {@code bench.syncChanges} (1,000)
 * walk-ins and edits made at another station (half each; every walk-in also checked in), and a
 * {@code bench.rosterPage} (5,000) row roster change the organizers loaded at the hub (half new
 * people, half changed). The same keystrokes with no sync are the baseline of the run; "before"
 * repeats the sync with today's former behaviour emulated (every pulled change drops the whole
 * index, and the next keystroke builds it again on its own thread).
 *
 * <p>Keystrokes come every {@code bench.keyIntervalMs} (20) ms, at least {@code bench.keystrokes}
 * (300) of them, and go on until the sync has ended and the index holds what it brought; only
 * the keystrokes typed meanwhile count as "during sync". Nothing is asserted.
 */
final class SearchSyncBench {
    private static final int LIMIT = 20;
    /** {@code -Dbench.traceSlowMs=N}: print each keystroke slower than N ms, with when, to find its cause. */
    private static final int TRACE_SLOW = Integer.getInteger("bench.traceSlowMs", 0);

    private SearchSyncBench() {}

    /** Where the station's roster and arrival notices go: the index of the phase being measured. */
    private static final class Switch implements RosterListener {
        volatile RosterListener roster;
        volatile Consumer<Arrival> arrivals = a -> {};

        @Override
        public void rosterReloaded() {
            roster.rosterReloaded();
        }

        @Override
        public void attendeeChanged(Attendee attendee) {
            roster.attendeeChanged(attendee);
        }

        @Override
        public void attendeesChanged(List<Attendee> batch) {
            roster.attendeesChanged(batch);
        }
    }

    /**
     * The behaviour this bench measures against: any pulled walk-in, edit or roster page dropped
     * the whole index, and the next search built it again from the store, on the searching thread.
     * As then, a drop waits for a build under way (both held the index's lock), so every drop is
     * followed by a build.
     */
    private static final class DropAndRebuild implements RosterListener {
        private final Supplier<Lookup> build;
        private volatile Lookup current;

        DropAndRebuild(Supplier<Lookup> build) {
            this.build = build;
        }

        synchronized Lookup current() {
            if (current == null) {
                Lookup l = build.get();
                l.warm();
                current = l;
            }
            return current;
        }

        boolean built() {
            return current != null;
        }

        List<SearchHit> search(String q, int limit) {
            Lookup l = current;
            return (l != null ? l : current()).search(q, limit);
        }

        void setArrived(String code, boolean arrived) {
            Lookup l = current;
            if (l != null) {
                l.setArrived(code, arrived);
            }
        }

        @Override
        public synchronized void rosterReloaded() {
            current = null;
        }

        @Override
        public void attendeeChanged(Attendee attendee) {
            Lookup l = current;
            if (l != null) {
                l.attendeeChanged(attendee); // a change made here: the small second index, as before
            }
        }

        @Override
        public synchronized void attendeesChanged(List<Attendee> batch) {
            current = null; // what fireReloaded did for every pulled walk-in, edit or roster page
        }
    }

    /**
     * What one run of keystrokes measured, per key: the search itself, and from when the key was
     * due to its results ("felt"): keys come on a fixed schedule, so a stall also delays the keys
     * typed behind it, as a frozen desk would, and a pause of the whole JVM counts too.
     */
    private record Typed(List<String> queries, double[] ms, double[] felt, double syncSeconds, double currentSeconds) {}

    static void run(int rows, int changes, int pageRows, int keystrokes, int intervalMs, int names) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "search-sync: %,d attendees; a station pulls %,d walk-ins and edits from another station "
                        + "and a %,d-row roster change through a hub on loopback while names are typed "
                        + "keystroke by keystroke, one every %d ms%n",
                rows,
                changes,
                pageRows,
                intervalMs);
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path dir = Files.createTempDirectory("arrivals-search-sync-bench");
        try (TestHub hub = TestHub.h2(dir.resolve("hub"));
                TestStore desk = new TestStore(dir.resolve("desk-1"), "desk-1", Clock.systemUTC());
                TestStore remote = new TestStore(dir.resolve("desk-9"), "desk-9", Clock.systemUTC())) {
            double load = Bench.time(() -> {
                hub.importDemoRoster(7, rows);
                return null;
            });
            SyncWorker sync = new SyncWorker(
                    desk.outbox,
                    desk.remote,
                    desk.attendees,
                    new SyncState(desk.store),
                    new HubClient(hub.direct(), hub.token("desk-1"), Duration.ofSeconds(120)),
                    Clock.systemUTC(),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(60));
            double pull = Bench.time(sync::syncOnce);
            Switch to = new Switch();
            desk.attendees.addListener(to);
            desk.checkIns.addListener(a -> to.arrivals.accept(a));
            HubClient remoteHub = new HubClient(hub.direct(), hub.token("desk-9"), Duration.ofSeconds(120));

            List<Attendee> roster = desk.attendees.all();
            List<String> queries = queries(roster, names);
            AtomicInteger builds = new AtomicInteger();
            Supplier<Lookup> newLookup = () -> new Lookup(
                    () -> {
                        builds.incrementAndGet();
                        return desk.attendees.all();
                    },
                    desk.arrivals::arrivedCodes);
            Lookup warmUp = newLookup.get();
            double build = Bench.time(() -> {
                warmUp.warm();
                return null;
            });
            System.out.printf(
                    Locale.ROOT,
                    "  setup: roster loaded at the hub %.1f s, pulled by the station %.1f s, its index built %.1f s%n",
                    load / 1000,
                    pull / 1000,
                    build / 1000);
            for (int round = 0; round < 2; round++) {
                queries.forEach(q -> warmUp.search(q, LIMIT));
            }

            // Before: the whole index dropped by every pulled change, rebuilt by the next keystroke.
            DropAndRebuild before = new DropAndRebuild(newLookup);
            before.current();
            to.roster = before;
            to.arrivals = a -> before.setArrived(a.attendeeCode(), a.checkedIn());
            List<String> changedBefore = traffic(0, roster, changes, pageRows, remote, remoteHub, hub);
            int buildsBefore = builds.get();
            Typed old = typeDuringSync(before::search, sync, () -> awaitBuilt(before), queries, keystrokes, intervalMs);
            check(!before.search(changedBefore.get(0), LIMIT).isEmpty(), "before: a pulled walk-in not found");
            buildsBefore = builds.get() - buildsBefore;

            // Now: the changes reach the index as they arrive; a new one is built in the background.
            Lookup lookup = newLookup.get();
            lookup.warm();
            to.roster = lookup;
            to.arrivals = a -> lookup.setArrived(a.attendeeCode(), a.checkedIn());
            List<String> changedNow = traffic(1, roster, changes, pageRows, remote, remoteHub, hub);
            int buildsNow = builds.get();
            Typed now = typeDuringSync(lookup::search, sync, lookup::warm, queries, keystrokes, intervalMs);
            buildsNow = builds.get() - buildsNow;
            for (String q : changedNow) {
                check(!lookup.search(q, LIMIT).isEmpty(), "now: a pulled change not found by " + q);
            }

            // The same keystrokes, with nothing arriving.
            check(now.ms().length > 0 && old.ms().length > 0, "no keystroke was typed during a sync");
            Typed quiet = type(lookup::search, now.queries(), intervalMs);

            System.out.println("  keystrokes, no sync and during sync (ratios: search p50 / p99 against no sync):");
            line("no sync (the keystrokes typed during sync now)", quiet, null);
            line(
                    String.format(
                            Locale.ROOT,
                            "during sync, now (sync %.1f s, index current %.1f s)",
                            now.syncSeconds(),
                            now.currentSeconds()),
                    now,
                    quiet);
            line(
                    String.format(
                            Locale.ROOT,
                            "during sync, before (sync %.1f s, current %.1f s)",
                            old.syncSeconds(),
                            old.currentSeconds()),
                    old,
                    quiet);
            System.out.printf(
                    Locale.ROOT,
                    "  index builds from the store: before %d, on the typing thread; now %d (pulled changes go to the"
                            + " recent index, then are merged in the background)%n",
                    buildsBefore,
                    buildsNow);
            System.out.printf(
                    Locale.ROOT,
                    "  goal, search p99 <= 5 ms during sync: %s (load average of this machine %.1f at the start,"
                            + " %.1f now, %d cores)%n",
                    Bench.percentile(sorted(now.ms()), 99) <= 5 ? "met" : "NOT MET",
                    loadAtStart,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /**
     * What the hub gathers while the station is not looking: another station's walk-ins (each
     * checked in) and edits, pushed as that station's sync would, and a roster change loaded at
     * the hub. Returns queries that must find some of it afterwards.
     */
    private static List<String> traffic(
            int round,
            List<Attendee> roster,
            int changes,
            int pageRows,
            TestStore remote,
            HubClient remoteHub,
            TestHub hub)
            throws Exception {
        int walkIns = changes / 2;
        int edits = changes - walkIns;
        int stride = roster.size() / 4;
        // The other station holds the people it corrects, as it would after its own pull.
        List<Attendee> toEdit = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            toEdit.add(roster.get(round * stride + i * 3 % stride));
        }
        remote.attendees.upsertFromHub(toEdit);
        List<String> found = new ArrayList<>();
        List<List<String>> people = DemoEventGenerator.rows(100 + round, walkIns + pageRows / 2);
        for (int i = 0; i < walkIns; i++) {
            List<String> p = people.get(i);
            Attendee w = remote.checkIns.registerWalkIn(new WalkIn(
                    p.get(2), p.get(3), null, null, "walkin" + round + "." + i + "@example.org", p.get(7), null, null));
            remote.checkIns.checkIn(w.code(), null);
            if (i == 0) {
                found.add("walkin" + round + "." + i + "@example.org");
            }
        }
        for (int i = 0; i < toEdit.size(); i++) {
            Attendee a = toEdit.get(i);
            remote.checkIns.edit(a.code(), Map.of(AttendeeField.LAST, a.lastName() + "-Corrected" + round));
        }
        found.add(toEdit.get(0).firstName() + " " + toEdit.get(0).lastName() + "-Corrected" + round);
        while (true) {
            List<CheckInEvent> batch = remote.outbox.pending(SyncWorker.PUSH_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            var receipt = remoteHub.push(Wire.of(batch));
            remote.outbox.markAcked(receipt.acked());
        }

        List<RosterRow> page = new ArrayList<>(pageRows);
        for (int i = 0; i < pageRows / 2; i++) {
            List<String> p = people.get(walkIns + i);
            page.add(Wire.rosterRow(new Attendee(
                    0,
                    "HUB" + round + "-" + i,
                    null,
                    p.get(2),
                    p.get(3),
                    null,
                    null,
                    "new" + round + "." + i + "@example.org",
                    p.get(7),
                    null,
                    "General Admission",
                    RegistrationStatus.ATTENDING,
                    Map.of(),
                    false)));
        }
        found.add("new" + round + ".0@example.org");
        for (int i = 0; page.size() < pageRows; i++) {
            Attendee a = roster.get(roster.size() - 1 - round * stride - i);
            page.add(Wire.rosterRow(new Attendee(
                    0,
                    a.code(),
                    a.barcode(),
                    a.firstName(),
                    a.lastName(),
                    a.badgeName(),
                    a.pronouns(),
                    "moved" + round + "." + i + "@example.org",
                    "Changed Organization " + round,
                    a.title(),
                    a.type(),
                    a.status(),
                    a.extra(),
                    a.walkIn())));
        }
        found.add("moved" + round + ".0@example.org");
        hub.store.importRoster(page);
        return found;
    }

    /** Types while the station syncs on another thread, until the sync ended and {@code current} returned. */
    private static Typed typeDuringSync(
            BiFunction<String, Integer, List<SearchHit>> search,
            SyncWorker sync,
            Runnable current,
            List<String> queries,
            int keystrokes,
            int intervalMs)
            throws Exception {
        double[] seconds = new double[2];
        Throwable[] failed = new Throwable[1];
        AtomicLong finishedAt = new AtomicLong();
        long start = System.nanoTime();
        Thread syncing = new Thread(
                () -> {
                    try {
                        sync.syncOnce();
                        seconds[0] = (System.nanoTime() - start) / 1e9;
                        current.run();
                        seconds[1] = (System.nanoTime() - start) / 1e9;
                    } catch (Exception | Error e) {
                        failed[0] = e;
                    } finally {
                        finishedAt.set(System.nanoTime());
                    }
                },
                "bench-sync");
        syncing.start();
        List<String> typed = new ArrayList<>();
        List<double[]> during = new ArrayList<>();
        // Every key due before the sync ended counts as typed during it, also when a stall made it wait.
        for (int i = 0; i < keystrokes || duringSync(start + i * (intervalMs * 1_000_000L), finishedAt); i++) {
            long due = pressAt(start, i, intervalMs);
            String q = queries.get(i % queries.size());
            double[] key = key(search, q, due);
            if (duringSync(due, finishedAt)) {
                typed.add(q);
                during.add(key);
            }
        }
        syncing.join();
        if (failed[0] != null) {
            throw new IllegalStateException("the sync failed", failed[0]);
        }
        return new Typed(
                typed,
                during.stream().mapToDouble(k -> k[0]).toArray(),
                during.stream().mapToDouble(k -> k[1]).toArray(),
                seconds[0],
                seconds[1]);
    }

    private static Typed type(
            BiFunction<String, Integer, List<SearchHit>> search, List<String> queries, int intervalMs) {
        double[] ms = new double[queries.size()];
        double[] felt = new double[queries.size()];
        long start = System.nanoTime();
        for (int i = 0; i < ms.length; i++) {
            double[] key = key(search, queries.get(i), pressAt(start, i, intervalMs));
            ms[i] = key[0];
            felt[i] = key[1];
        }
        return new Typed(queries, ms, felt, 0, 0);
    }

    private static boolean duringSync(long due, AtomicLong finishedAt) {
        long end = finishedAt.get();
        return end == 0 || due < end;
    }

    /** Waits for the {@code i}th key's turn on the schedule; returns when it was due. */
    private static long pressAt(long start, int i, int intervalMs) {
        long due = start + i * (intervalMs * 1_000_000L);
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }

    /** One keystroke: how long the search took, and how long after the key was due its results came. */
    private static double[] key(BiFunction<String, Integer, List<SearchHit>> search, String q, long due) {
        long t0 = System.nanoTime();
        search.apply(q, LIMIT);
        long t1 = System.nanoTime();
        double ms = (t1 - t0) / 1e6;
        if (TRACE_SLOW > 0 && ms > TRACE_SLOW) {
            System.out.printf(
                    Locale.ROOT,
                    "    slow keystroke %.1f ms at JVM uptime %.3f s (compare with -Xlog:gc)%n",
                    ms,
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        }
        return new double[] {ms, (t1 - due) / 1e6};
    }

    /** Today's former behaviour is current once a keystroke has built the index again after the last drop. */
    private static void awaitBuilt(DropAndRebuild before) {
        while (!before.built()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every prefix of "first last" of randomly chosen people, as typed. */
    private static List<String> queries(List<Attendee> roster, int names) {
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
        return queries;
    }

    private static double[] sorted(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s;
    }

    private static void line(String what, Typed keys, Typed baseline) {
        double[] s = sorted(keys.ms());
        double[] felt = sorted(keys.felt());
        String ratio = "";
        if (baseline != null) {
            double[] b = sorted(baseline.ms());
            ratio = String.format(
                    Locale.ROOT,
                    "  x%.1f / x%.1f no sync",
                    Bench.percentile(s, 50) / Bench.percentile(b, 50),
                    Bench.percentile(s, 99) / Bench.percentile(b, 99));
        }
        System.out.printf(
                Locale.ROOT,
                "  %-52s %4d keys  search p50 %6.3f  p99 %8.3f  max %8.3f ms;  felt p99 %8.1f  max %8.1f ms%s%n",
                what,
                s.length,
                Bench.percentile(s, 50),
                Bench.percentile(s, 99),
                s[s.length - 1],
                Bench.percentile(felt, 99),
                felt[felt.length - 1],
                ratio);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark run went wrong: " + what);
        }
    }
}
