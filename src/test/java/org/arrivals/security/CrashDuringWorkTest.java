package org.arrivals.security;

import static org.arrivals.store.jooq.Tables.PRINT_JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.print.PrintJob;
import org.arrivals.station.DataHome;
import org.arrivals.station.Station;
import org.arrivals.store.Store;
import org.arrivals.store.StoreKey;
import org.arrivals.sync.TestHub;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.WireEvent;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random points during an import, check-ins with printing, and sync, on the
 * encrypted station database (issue 9). After every kill the database opens, an import is all or
 * nothing (and all when it was acknowledged), every acknowledged check-in is there once, every
 * acknowledged badge job is recorded as printed and no one has two first badges, and every
 * check-in acknowledged as synced is at the hub exactly once. Kills: {@code arrivals.crash.work.kills}
 * (CI default 4, one of each; {@code -Pfull}: 50), seed {@code arrivals.crash.seed}; which work:
 * {@code arrivals.crash.work.modes} ({@code import}: killed anywhere in an import or just after
 * it, the station still open; {@code import-close}: killed while the station closes after an
 * import, as every CLI command does; {@code print}; {@code sync}; {@code compact}: killed while
 * {@code arrivals compact} rewrites the closed database, which must then hold exactly what it held).
 */
class CrashDuringWorkTest {
    private static final int KILLS = Integer.getInteger("arrivals.crash.work.kills", 5);
    private static final long SEED = Long.getLong("arrivals.crash.seed", 20261122L);
    private static final long GUARD_SECONDS = 120;
    /** Which work to kill, in turn ({@code arrivals.crash.work.modes}, default all three). */
    private static final List<String> MODES =
            List.of(System.getProperty("arrivals.crash.work.modes", "import,print,sync,import-close,compact")
                    .split(","));

    @TempDir
    Path dir;

    /** ROWS people whose codes start {@code I<ROUND>-}, in the plain template's columns. */
    static byte[] roster(int round, int rows) {
        StringBuilder b = new StringBuilder("code,first_name,last_name,email,organization,type,status\r\n");
        for (int i = 0; i < rows; i++) {
            b.append(String.format(
                    Locale.ROOT,
                    "I%d-%05d,Person%d,Round%d,p%d.r%d@example.org,Org %d,General Admission," + "attending\r\n",
                    round,
                    i,
                    i,
                    round,
                    i,
                    round,
                    i % 97));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void kill9DuringImportPrintingAndSyncLosesNothingAcknowledged() throws Exception {
        Path home = dir.resolve("home");
        int base = Math.max(300, KILLS * 40);
        try (Station s = open(home)) {
            s.importer().importBytes(roster(0, base), "base.csv", RosterImporter.Options.defaults());
        }
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < base; i++) {
            fresh.add(String.format(Locale.ROOT, "I0-%05d", i));
        }
        Random random = new Random(SEED);
        Map<String, Integer> kills = new HashMap<>();
        int acknowledged = 0;
        try (TestHub hub = TestHub.h2(dir);
                FakeZebraForCli zebra = new FakeZebraForCli()) {
            String token = hub.token("desk-9");
            String printer = "zebra://127.0.0.1:" + zebra.port();
            for (int round = 1; round <= KILLS; round++) {
                String mode = MODES.get((round - 1) % MODES.size());
                String where = String.format(Locale.ROOT, "round %d of %d (%s), seed %d", round, KILLS, mode, SEED);
                List<String> args = new ArrayList<>(List.of(mode, home.toString()));
                List<String> handed = List.of();
                int killAfter;
                long delayMicros;
                int rows = 0;
                Snapshot before = null;
                if (mode.equals("compact")) { // killed anywhere in the compaction, or just after it
                    try (Station s = open(home)) {
                        before = Snapshot.of(s);
                    }
                    killAfter = random.nextInt(4) == 0 ? 1 : 0;
                    delayMicros = killAfter == 1 ? random.nextInt(20_000) : random.nextInt(1_200_000);
                } else if (mode.equals("import-close")) { // killed while the station closes after an import
                    rows = 5000 + random.nextInt(15_000);
                    args.addAll(List.of(Integer.toString(round), Integer.toString(rows)));
                    killAfter = 1;
                    delayMicros = random.nextInt(150_000);
                } else if (mode.equals("import")) {
                    rows = 5000 + random.nextInt(15_000);
                    args.addAll(List.of(Integer.toString(round), Integer.toString(rows)));
                    // half the time anywhere in the import, half the time just after it was acknowledged
                    boolean afterAck = random.nextBoolean();
                    killAfter = afterAck ? 1 : 0;
                    delayMicros = afterAck ? random.nextInt(20_000) : random.nextInt(1_500_000);
                } else {
                    killAfter = 1 + random.nextInt(15);
                    delayMicros = random.nextInt(20_000);
                    handed = new ArrayList<>(fresh.subList(0, killAfter + 10));
                    fresh.subList(0, killAfter + 10).clear();
                    args.addAll(
                            mode.equals("print")
                                    ? List.of(printer)
                                    : List.of(hub.direct().toString(), token));
                    args.addAll(handed);
                }
                Child.Result r = Child.runAndKill(dir, round, args, killAfter, delayMicros, where);
                kills.merge(mode + (r.killedMidWork() ? "" : " (finished first)"), 1, Integer::sum);
                acknowledged += r.acked().size();

                try (Station s = open(home)) { // the database opens after every kill
                    switch (mode) {
                        case "import", "import-close" -> {
                            String prefix = "I" + round + "-";
                            long present = s.attendees().all().stream()
                                    .filter(a -> a.code().startsWith(prefix))
                                    .count();
                            assertThat(present)
                                    .as("%s: all or nothing of %d rows", where, rows)
                                    .isIn(0L, (long) rows);
                            if (!r.acked().isEmpty()) {
                                assertThat(present)
                                        .as("%s: an acknowledged import is all there", where)
                                        .isEqualTo(rows);
                            }
                        }
                        case "compact" -> {
                            assertThat(Snapshot.of(s))
                                    .as("%s: the database holds what it held", where)
                                    .isEqualTo(before);
                            // a half-written compacted copy left behind is encrypted too
                            try (var files = Files.list(DataHome.eventDirectory(home, "default"))) {
                                for (Path f : files.filter(Files::isRegularFile).toList()) {
                                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                                            .as("%s: %s names no one", where, f.getFileName())
                                            .doesNotContain("@example.org");
                                }
                            }
                        }
                        case "print" -> {
                            for (String line : r.acked()) {
                                String code = line.split(" ")[0];
                                assertThat(s.arrivals().arrival(code).checkedIn())
                                        .as("%s: %s checked in", where, code)
                                        .isTrue();
                                assertThat(line)
                                        .as("%s: the badge was handed to the printer", where)
                                        .endsWith("DONE");
                                assertThat(s.printing().jobs())
                                        .as("%s: %s's job is recorded as printed", where, code)
                                        .anyMatch(
                                                j -> j.attendeeCode().equals(code) && j.state() == PrintJob.State.DONE);
                            }
                        }
                        default -> {
                            Map<String, Long> atHub = hub.allEvents().stream()
                                    .filter(e -> e.kind().equals(EventKind.CHECKED_IN.name()))
                                    .collect(Collectors.groupingBy(WireEvent::attendeeCode, Collectors.counting()));
                            for (String code : r.acked()) {
                                assertThat(atHub.get(code))
                                        .as("%s: %s's check-in is at the hub once", where, code)
                                        .isEqualTo(1L);
                                assertThat(s.arrivals().arrival(code).checkedIn())
                                        .isTrue();
                            }
                        }
                    }
                }
                try (Store store = Store.open(
                        DataHome.eventDirectory(home, "default"),
                        StoreKey.of(System.getenv("ARRIVALS_KEY").toCharArray()))) {
                    assertThat(store.dsl()
                                    .select(PRINT_JOB.ATTENDEE_CODE)
                                    .from(PRINT_JOB)
                                    .where(PRINT_JOB.REPRINT_REASON.isNull())
                                    .groupBy(PRINT_JOB.ATTENDEE_CODE)
                                    .having(DSL.count().gt(1))
                                    .fetch())
                            .as("%s: no one has two first badges", where)
                            .isEmpty();
                }
            }
            // what was checked in but not yet synced when a child died goes now, once
            try (Station s = open(home)) {
                s.syncWith(hub.direct().toString(), token).syncOnce();
                List<WireEvent> all = hub.allEvents();
                assertThat(all.stream().map(WireEvent::id).distinct().count()).isEqualTo(all.size());
                assertThat(all.stream()
                                .filter(e -> e.kind().equals(EventKind.CHECKED_IN.name()))
                                .collect(Collectors.groupingBy(WireEvent::attendeeCode, Collectors.counting()))
                                .values())
                        .allMatch(n -> n == 1L);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "CrashDuringWorkTest: %d kills (seed %d) %s, %d acknowledgements, all kept%n",
                KILLS,
                SEED,
                kills,
                acknowledged);
    }

    /** What a database holds, to compare before and after a compaction: people, arrivals, jobs, the audit chain. */
    record Snapshot(
            int people, int arrived, List<CheckInEvent> events, int jobs, int audit, Optional<Long> auditBroken) {
        static Snapshot of(Station s) {
            return new Snapshot(
                    s.attendees().all().size(),
                    s.arrivals().checkedInCount(),
                    s.arrivals().allEvents(),
                    s.printing().jobs().size(),
                    s.audit().all().size(),
                    s.audit().verify());
        }
    }

    private static Station open(Path home) {
        return Station.open(home, "default", "desk-9", Clock.systemUTC());
    }

    /** Starts {@link WorkChild}, waits for READY and {@code killAfter} acknowledgements and the delay, then SIGKILL. */
    static final class Child {
        record Result(List<String> acked, List<String> other, boolean killedMidWork) {}

        static Result runAndKill(Path dir, int round, List<String> args, int killAfter, long delayMicros, String where)
                throws Exception {
            Path stdout = dir.resolve("work-" + round + ".out");
            Path stderr = dir.resolve("work-" + round + ".err");
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current()
                            .info()
                            .command()
                            .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString()),
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Dfile.encoding=UTF-8",
                    "-Dorg.jooq.no-logo=true",
                    "-Dorg.jooq.no-tips=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    WorkChild.class.getName()));
            command.addAll(args);
            Process child = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            child.getOutputStream().close();
            List<String> lines = new ArrayList<>();
            try (InputStream in = Files.newInputStream(stdout)) {
                ByteArrayOutputStream partial = new ByteArrayOutputStream();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
                while (!(lines.contains("READY") && acks(lines) >= killAfter)) {
                    if (read(in, partial, lines)) {
                        continue;
                    }
                    if (!child.isAlive() || System.nanoTime() - deadline > 0) {
                        read(in, partial, lines);
                        if (lines.contains("READY") && acks(lines) >= killAfter) {
                            break;
                        }
                        child.destroyForcibly().waitFor();
                        fail(
                                "%s: the child stopped early (%s); its standard error:%n%s",
                                where, lines, Files.readString(stderr));
                    }
                    LockSupport.parkNanos(200_000);
                }
                long killAt = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(delayMicros);
                while (System.nanoTime() - killAt < 0) {
                    LockSupport.parkNanos(Math.min(killAt - System.nanoTime(), 200_000));
                }
            } finally {
                child.destroyForcibly(); // SIGKILL
            }
            int exit = child.waitFor();
            lines.clear();
            try (InputStream in = Files.newInputStream(stdout)) {
                ByteArrayOutputStream partial = new ByteArrayOutputStream();
                while (read(in, partial, lines)) {
                    // all the child wrote before it died
                }
            }
            List<String> acked = lines.stream()
                    .filter(l -> l.startsWith("ACK "))
                    .map(l -> l.substring(4))
                    .toList();
            List<String> other = lines.stream()
                    .filter(l -> !l.startsWith("ACK ") && !l.equals("READY"))
                    .toList();
            assertThat(other)
                    .as("%s: the child reported no problem", where)
                    .noneMatch(l -> l.startsWith("NOT_RECORDED") || l.startsWith("PENDING"));
            if (!other.contains("DONE")
                    && !other.contains("CLOSED")
                    && System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
                assertThat(exit)
                        .as("%s: killed by SIGKILL; stderr:%n%s", where, Files.readString(stderr))
                        .isEqualTo(128 + 9);
            }
            return new Result(acked, other, exit == 128 + 9);
        }

        private static int acks(List<String> lines) {
            return (int) lines.stream().filter(l -> l.startsWith("ACK ")).count();
        }

        private static boolean read(InputStream in, ByteArrayOutputStream partial, List<String> lines)
                throws IOException {
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            if (n <= 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    lines.add(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(buf[i]);
                }
            }
            return true;
        }
    }
}
