package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.TestStore;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check-in acknowledged to the person survives {@code kill -9} of the process at any moment.
 *
 * <p>Each round starts {@link CheckInBurstChild} in a new JVM on the same data folder, lets it
 * acknowledge a seeded random number (1 to {@value #MAX_ACKS_BEFORE_KILL}) of check-ins, kills it
 * with SIGKILL while it is still checking people in, then reopens the database here and checks
 * that every acknowledged check-in is there exactly once. At most one check-in per round may have
 * committed without its acknowledgement being printed (the kill landed between the commit and the
 * print); nothing acknowledged may be missing.
 *
 * <p>CI-sized by default (3 kills). Full size: {@code ./mvnw -B test -Dtest=CrashDurabilityTest
 * -Darrivals.crash.kills=50}; {@code -Darrivals.crash.seed=N} changes the kill points. The time
 * within a check-in at which the kill lands is not reproducible, only the number of
 * acknowledgements the test waits for.
 */
class CrashDurabilityTest {
    private static final int KILLS = Integer.getInteger("arrivals.crash.kills", 3);
    private static final long SEED = Long.getLong("arrivals.crash.seed", 20261122L);
    private static final int MAX_ACKS_BEFORE_KILL = 200;
    /**
     * After the last acknowledgement it waits for, the test waits a seeded random time up to this
     * long before it kills, a few check-ins' worth: without it the kill would always land just
     * after a line was printed, at the start of the next check-in, and never between a commit and
     * its acknowledgement.
     */
    private static final int MAX_KILL_DELAY_MICROS = 20_000;
    /** Codes handed to a child past its kill point, so that it is still checking people in when killed. */
    private static final int SPARE_CODES = 1000;
    /** A guard against a hung child, not a measurement: nothing here asserts how fast anything is. */
    private static final long GUARD_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void acknowledgedCheckInsSurviveKill9AtAnyMoment() throws Exception {
        Path db = dir.resolve("db");
        int rosterSize = Math.max(2000, KILLS * MAX_ACKS_BEFORE_KILL + SPARE_CODES);
        List<String> fresh;
        try (TestStore t = new TestStore(db)) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
                DemoEventGenerator.writeCsv(w, 7, rosterSize);
            }
            assertThat(t.importer
                            .importBytes(csv.toByteArray(), "roster.csv", RosterImporter.Options.defaults())
                            .added())
                    .isEqualTo(rosterSize);
            fresh = freshCodes(t, Set.of());
        }

        Random random = new Random(SEED);
        Set<String> arrived = Set.of();
        int totalAcks = 0;
        int totalUnacknowledged = 0;
        for (int round = 1; round <= KILLS; round++) {
            String where = String.format(Locale.ROOT, "round %d of %d, seed %d", round, KILLS, SEED);
            int killAfter = 1 + random.nextInt(MAX_ACKS_BEFORE_KILL);
            long killDelayNanos = TimeUnit.MICROSECONDS.toNanos(random.nextInt(MAX_KILL_DELAY_MICROS));
            assertThat(fresh)
                    .as("%s: fresh attending codes left in the roster", where)
                    .hasSizeGreaterThan(killAfter);
            List<String> handed = fresh.subList(0, Math.min(fresh.size(), killAfter + SPARE_CODES));

            List<String> acked = burstAndKill(db, handed, killAfter, killDelayNanos, where, round);

            assertThat(acked)
                    .as("%s: acknowledgements come in the order of the codes", where)
                    .hasSizeGreaterThanOrEqualTo(killAfter)
                    .isEqualTo(handed.subList(0, acked.size()));

            try (TestStore t = new TestStore(db)) { // the database opens after the kill
                Set<String> now = t.arrivals.arrivedCodes();
                assertThat(now)
                        .as("%s: arrivals of earlier rounds are still there", where)
                        .containsAll(arrived);
                for (String code : acked) {
                    assertThat(t.checkIns.arrival(code).checkedIn())
                            .as("%s: acknowledged %s is checked in", where, code)
                            .isTrue();
                    assertThat(t.arrivals.events(code))
                            .as("%s: events of acknowledged %s", where, code)
                            .filteredOn(e -> e.kind() == EventKind.CHECKED_IN)
                            .hasSize(1);
                }
                assertThat(codesWithMoreThanOneCheckIn(t))
                        .as("%s: codes checked in more than once", where)
                        .isEmpty();
                assertThat(codesWithCheckInEvent(t))
                        .as("%s: the projection agrees with the log", where)
                        .isEqualTo(now);

                Set<String> unacknowledged = new HashSet<>(now);
                unacknowledged.removeAll(arrived);
                acked.forEach(unacknowledged::remove);
                // Only the check-in the child was in the middle of when it died can have committed
                // without its acknowledgement: the code right after the last one acknowledged.
                List<String> inFlight = acked.size() < handed.size() ? List.of(handed.get(acked.size())) : List.of();
                assertThat(unacknowledged)
                        .as("%s: check-ins committed but never acknowledged", where)
                        .hasSizeLessThanOrEqualTo(1)
                        .isSubsetOf(inFlight);

                totalAcks += acked.size();
                totalUnacknowledged += unacknowledged.size();
                assertThat(now).as("%s: arrived people", where).hasSize(totalAcks + totalUnacknowledged);
                arrived = now;
                fresh = freshCodes(t, arrived);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "CrashDurabilityTest: %d kills (seed %d), %d check-ins acknowledged and all "
                        + "kept, %d committed without an acknowledgement%n",
                KILLS,
                SEED,
                totalAcks,
                totalUnacknowledged);
    }

    /** Attending people who have not arrived, in code order. */
    private static List<String> freshCodes(TestStore t, Set<String> arrived) {
        return t.attendees.all().stream()
                .filter(a -> a.status() == RegistrationStatus.ATTENDING && !arrived.contains(a.code()))
                .map(Attendee::code)
                .sorted()
                .toList();
    }

    /**
     * Runs one child until it has acknowledged {@code killAfter} check-ins, lets it run on for
     * {@code killDelayNanos}, kills it with SIGKILL and returns every code it acknowledged,
     * including those printed after the last one read here and before the kill.
     *
     * <p>The child's standard output goes to a file that this method follows, rather than through
     * {@link Process#getInputStream()}: when a process dies the JDK drains and closes that pipe,
     * and a thread reading it meanwhile can fail with "Stream closed" and miss the last lines (it
     * happened while this test was written).
     * A line the child wrote before the kill is in the file, whole; a line cut short has no line
     * end, and is not counted, as the person never saw it.
     */
    private List<String> burstAndKill(
            Path db, List<String> codes, int killAfter, long killDelayNanos, String where, int round) throws Exception {
        Path stdout = dir.resolve("child-" + round + ".out");
        Path stderr = dir.resolve("child-" + round + ".err");
        List<String> command = new ArrayList<>(List.of(
                javaCommand(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8",
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true",
                "-cp",
                System.getProperty("java.class.path"),
                CheckInBurstChild.class.getName(),
                db.toString()));
        command.addAll(codes);
        Process child = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                // to a file too, so a chatty child can never block on a full pipe
                .redirectError(stderr.toFile())
                .start();
        child.getOutputStream().close();

        Lines out = new Lines();
        try (InputStream in = Files.newInputStream(stdout)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
            while (out.acked.size() < killAfter) {
                if (out.readFrom(in)) {
                    continue;
                }
                if (!child.isAlive() || System.nanoTime() - deadline > 0) {
                    out.readFrom(in);
                    if (out.acked.size() >= killAfter) {
                        break;
                    }
                    String state = child.isAlive() ? "hung" : "ended";
                    child.destroyForcibly().waitFor();
                    fail(
                            "%s: the child %s after %d of %d acknowledgements (ready: %s, other output: %s); "
                                    + "its standard error:%n%s",
                            where, state, out.acked.size(), killAfter, out.ready, out.other, Files.readString(stderr));
                }
                LockSupport.parkNanos(200_000);
            }
            for (long killAt = System.nanoTime() + killDelayNanos; System.nanoTime() - killAt < 0; ) {
                LockSupport.parkNanos(Math.min(killAt - System.nanoTime(), 200_000));
            }
        } finally {
            // kill -9: on Linux and macOS, destroyForcibly() sends SIGKILL (destroy() sends SIGTERM,
            // which would run shutdown hooks and let H2 close cleanly). The exit status below checks it.
            child.destroyForcibly();
        }
        int exit = child.waitFor();
        try (InputStream in = Files.newInputStream(stdout)) {
            Lines all = new Lines();
            while (all.readFrom(in)) {
                // everything the child wrote before it died
            }
            out = all;
        }
        assertThat(out.ready).as("%s: the child said READY", where).isTrue();
        assertThat(out.other)
                .as("%s: the child reported no problem and did not run out of codes", where)
                .noneMatch(l -> l.startsWith("NOT_RECORDED") || l.equals("DONE"));
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            assertThat(exit)
                    .as("%s: exit status of the child, 128 + 9 (SIGKILL); stderr:%n%s", where, Files.readString(stderr))
                    .isEqualTo(128 + 9);
        }
        return out.acked;
    }

    /** The child's output so far, split into whole lines. */
    private static final class Lines {
        final List<String> acked = new ArrayList<>();
        final List<String> other = new ArrayList<>();
        boolean ready;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private final byte[] buf = new byte[8192];

        /** Reads what the file has gained since the last call; false when it has not grown. */
        boolean readFrom(InputStream in) throws IOException {
            int n = in.read(buf);
            if (n <= 0) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    accept(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(buf[i]);
                }
            }
            return true;
        }

        private void accept(String line) {
            if (line.startsWith("ACK ")) {
                acked.add(line.substring(4));
            } else if (line.equals("READY")) {
                ready = true;
            } else {
                other.add(line);
            }
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static List<String> codesWithMoreThanOneCheckIn(TestStore t) {
        return t.store
                .dsl()
                .select(CHECKIN_EVENT.ATTENDEE_CODE)
                .from(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.KIND.eq(EventKind.CHECKED_IN.name()))
                .groupBy(CHECKIN_EVENT.ATTENDEE_CODE)
                .having(DSL.count().gt(1))
                .fetch(CHECKIN_EVENT.ATTENDEE_CODE);
    }

    private static Set<String> codesWithCheckInEvent(TestStore t) {
        return new HashSet<>(t.store
                .dsl()
                .selectDistinct(CHECKIN_EVENT.ATTENDEE_CODE)
                .from(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.KIND.eq(EventKind.CHECKED_IN.name()))
                .fetch(CHECKIN_EVENT.ATTENDEE_CODE));
    }
}
