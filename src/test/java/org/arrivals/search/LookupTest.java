package org.arrivals.search;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.station.Station;
import org.arrivals.sync.TestHub;
import org.arrivals.sync.TestStation;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index a station searches stays current through imports, walk-ins, edits, check-ins and what
 * sync brings, and never makes a search wait for a rebuild.
 */
class LookupTest {
    @TempDir
    Path dir;

    private static final String ROSTER = crlf(
            "code,first_name,last_name,email,organization",
            "V1,Minh,Nguyễn,minh.nguyen@example.org,Boat People SOS",
            "V2,Lan,Nguyễn,lan@example.org,Boat People SOS",
            "P1,Ana,Silva,ana.s@example.org,Casa de Esperanza",
            "A1,Amina,Yusuf,,Somali Bantu Association",
            "B2,Bo,Chen,,Chinese Mutual Aid");

    /** Background rebuilds held until the test lets them run, each on a thread of its own. */
    private static final class HeldRebuilds implements Executor {
        final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable work) {
            held.add(work);
        }

        Thread release() {
            Runnable work = held.poll();
            assertThat(work).as("a rebuild was asked for").isNotNull();
            Thread t = new Thread(work, "test-rebuild");
            t.start();
            return t;
        }
    }

    /** A station's store with its index wired as {@code Station} wires it, counting full reads of the roster. */
    private final class Desk implements AutoCloseable {
        final TestStore t;
        final HeldRebuilds rebuilds = new HeldRebuilds();
        final AtomicInteger rosterReads = new AtomicInteger();
        volatile CountDownLatch pauseRead;
        volatile CountDownLatch reading;
        volatile Set<String> staleArrivals;
        final Lookup lookup;

        Desk(String station) throws Exception {
            t = new TestStore(dir.resolve(station), station, TestStore.CLOCK);
            t.importer.importFile(
                    Files2.write(dir, station + ".csv", ROSTER, StandardCharsets.UTF_8, false),
                    RosterImporter.Options.defaults());
            lookup = new Lookup(this::readRoster, this::readArrivals, rebuilds, Duration.ZERO);
            t.attendees.addListener(lookup);
            t.checkIns.addListener(a -> lookup.setArrived(a.attendeeCode(), a.checkedIn()));
        }

        private List<Attendee> readRoster() {
            rosterReads.incrementAndGet();
            CountDownLatch pause = pauseRead;
            if (pause == null) {
                return t.attendees.all();
            }
            // As if the store were read just before what the test does next committed.
            staleArrivals = t.arrivals.arrivedCodes();
            List<Attendee> all = t.attendees.all();
            reading.countDown();
            try {
                pause.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return all;
        }

        private Set<String> readArrivals() {
            Set<String> stale = staleArrivals;
            return stale != null ? stale : t.arrivals.arrivedCodes();
        }

        List<String> codes(String q) {
            return LookupTest.codes(lookup, q);
        }

        boolean arrived(String code, String q) {
            return lookup.search(q, 10).stream()
                    .filter(h -> h.attendee().code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(code + " not found by " + q))
                    .arrived();
        }

        @Override
        public void close() {
            t.close();
        }
    }

    private static List<String> codes(Lookup l, String q) {
        return l.search(q, 10).stream().map(h -> h.attendee().code()).toList();
    }

    @Test
    void theIndexFollowsEveryChange() throws Exception {
        try (Station s = Station.open(dir.resolve("home"), "test", "desk-1", TestStore.CLOCK)) {
            Lookup lookup = s.lookup();
            assertThat(codes(lookup, "nguyen")).isEmpty();

            s.importer()
                    .importFile(
                            Files2.write(
                                    dir,
                                    "r.csv",
                                    crlf(
                                            "code,first_name,last_name",
                                            "V1,Minh,Nguyễn",
                                            "V2,Lan,Nguyễn",
                                            "P1,Ana,Silva"),
                                    StandardCharsets.UTF_8,
                                    false),
                            RosterImporter.Options.defaults());
            assertThat(codes(lookup, "nguyen")).containsExactly("V2", "V1");

            var walkIn = s.log().registerWalkIn(new WalkIn("Hùng", "Nguyễn", null, null, null, null, null, null));
            assertThat(codes(lookup, "nguyen")).contains(walkIn.code()).hasSize(3);

            s.log().edit("P1", Map.of(AttendeeField.LAST, "Nguyen-Silva"));
            assertThat(codes(lookup, "nguyen")).contains("P1").hasSize(4);
            assertThat(codes(lookup, "silva")).containsExactly("P1");

            s.log().checkIn("V2", null);
            assertThat(codes(lookup, "lan nguyen")).containsExactly("V2");
            assertThat(lookup.search("nguyen", 10))
                    .filteredOn(h -> h.attendee().code().equals("V2"))
                    .singleElement()
                    .satisfies(h -> assertThat(h.arrived()).isTrue());
            assertThat(codes(lookup, "nguyen"))
                    .as("arrived people rank after those still expected")
                    .endsWith("V2");
        }
    }

    @Test
    void aFreshStationBuildsItsIndexFromTheStore() throws Exception {
        Path home = dir.resolve("home");
        try (Station s = Station.open(home, "test", "desk-1", Clock.systemUTC())) {
            s.importer()
                    .importFile(
                            Files2.write(
                                    dir,
                                    "r.csv",
                                    crlf("code,first_name,last_name", "K1,민준,김"),
                                    StandardCharsets.UTF_8,
                                    false),
                            RosterImporter.Options.defaults());
        }
        try (Station s = Station.open(home, "test", "desk-1", Clock.systemUTC())) {
            assertThat(codes(s.lookup(), "민준")).containsExactly("K1");
        }
    }

    @Test
    void remoteWalkInsAndEditsAreFoundAsSoonAsTheyAreTakenInWithoutARebuild() throws Exception {
        try (Desk here = new Desk("desk-1");
                Desk there = new Desk("desk-9")) {
            here.lookup.warm();
            assertThat(here.rosterReads).hasValue(1);

            Attendee walkIn = there.t.checkIns.registerWalkIn(
                    new WalkIn("Hùng", "Nguyễn", null, null, "hung@example.org", null, null, null));
            there.t.checkIns.checkIn(walkIn.code(), null);
            there.t.checkIns.edit("P1", Map.of(AttendeeField.LAST, "Oliveira"));
            here.t.remote.applyRemote(there.t.arrivals.allEvents());

            assertThat(here.codes("hung nguyen")).containsExactly(walkIn.code());
            assertThat(here.codes("hung@example.org")).containsExactly(walkIn.code());
            assertThat(here.arrived(walkIn.code(), "hung"))
                    .as("checked in there, with the same pull")
                    .isTrue();
            assertThat(here.codes("oliveira")).containsExactly("P1");
            assertThat(here.codes("silva")).as("the old name is gone").isEmpty();
            assertThat(here.codes("nguyen")).containsExactlyInAnyOrder("V1", "V2", walkIn.code());
            assertThat(here.rosterReads).as("no rebuild").hasValue(1);
            assertThat(here.rebuilds.held).as("none asked for either").isEmpty();
        }
    }

    @Test
    void aRosterPageIsFoundAtOnceAndTheOldIndexAnswersWhileTheNewOneIsBuilt() throws Exception {
        try (Desk here = new Desk("desk-1")) {
            here.lookup.warm();
            List<List<String>> demo = DemoEventGenerator.rows(3, 5000);
            List<Attendee> page = new ArrayList<>();
            for (List<String> r : demo) {
                page.add(new Attendee(
                        0,
                        "HUB-" + r.get(0),
                        null,
                        r.get(2),
                        r.get(3),
                        null,
                        null,
                        r.get(6),
                        r.get(7),
                        null,
                        "General Admission",
                        RegistrationStatus.ATTENDING,
                        Map.of(),
                        false));
            }
            page.set(
                    0,
                    new Attendee(
                            0,
                            "P1",
                            null,
                            "Ana",
                            "Oliveira",
                            null,
                            null,
                            "ana.s@example.org",
                            "Casa de Esperanza",
                            null,
                            "General Admission",
                            RegistrationStatus.ATTENDING,
                            Map.of(),
                            false));
            List<String> codes = page.stream().map(Attendee::code).toList();

            // As the sync worker takes in a roster page.
            here.t.attendees.upsertFromHub(page);
            here.t.remote.replayEdits(codes);
            here.t.attendees.fireChangedCodes(codes);

            assertThat(here.rebuilds.held)
                    .as("a new index is asked for, in the background")
                    .hasSize(1);
            assertThat(here.rosterReads).as("not built on the caller's thread").hasValue(1);
            Attendee someone = page.get(4321);
            String name = someone.firstName() + " " + someone.lastName();
            assertThat(here.codes(name))
                    .as("the page, through the recent index")
                    .contains(someone.code());
            assertThat(here.codes(someone.email())).containsExactly(someone.code());
            assertThat(here.codes("minh.nguyen@example.org"))
                    .as("the old index answers")
                    .containsExactly("V1");
            assertThat(here.codes("minh nguyen")).contains("V1");
            assertThat(here.codes("oliveira")).containsExactly("P1");
            assertThat(here.codes("silva")).isEmpty();

            here.t.checkIns.checkIn(someone.code(), null);
            here.t.checkIns.checkIn("V1", null);

            here.rebuilds.release().join(30_000);
            assertThat(here.rosterReads)
                    .as("merged from the indexes in use, the store not read again")
                    .hasValue(1);
            assertThat(here.arrived(someone.code(), someone.email())).isTrue();
            assertThat(here.arrived("V1", "minh.nguyen@example.org")).isTrue();
            assertThat(here.arrived("V2", "lan@example.org")).isFalse();
            assertThat(here.codes(name)).contains(someone.code());
            assertThat(here.codes(someone.email())).containsExactly(someone.code());
            assertThat(here.codes("minh.nguyen@example.org")).containsExactly("V1");
            assertThat(here.codes("oliveira")).containsExactly("P1");
            assertThat(here.codes("silva")).isEmpty();
            assertThat(here.rebuilds.held).as("nothing more to rebuild").isEmpty();
        }
    }

    @Test
    void arrivalsAndChangesToldWhileANewIndexIsBuiltSurviveTheSwap() throws Exception {
        try (Desk here = new Desk("desk-1")) {
            here.t.checkIns.checkIn("B2", null);
            here.lookup.warm();
            here.pauseRead = new CountDownLatch(1);
            here.reading = new CountDownLatch(1);
            Thread importer = new Thread(here.lookup::rosterReloaded, "test-import");
            importer.start();
            while (here.rebuilds.held.isEmpty()) {
                Thread.sleep(5);
            }
            Thread builder = here.rebuilds.release();
            assertThat(here.reading.await(30, TimeUnit.SECONDS)).isTrue();

            // The store has been read; these happen before the new index is swapped in.
            here.t.checkIns.checkIn("A1", null);
            here.t.checkIns.undo("B2");
            Attendee walkIn =
                    here.t.checkIns.registerWalkIn(new WalkIn("Hawa", "Yusuf", null, null, null, null, null, null));
            here.t.checkIns.checkIn(walkIn.code(), null);
            here.t.checkIns.edit("P1", Map.of(AttendeeField.LAST, "Oliveira"));
            assertThat(here.arrived("A1", "amina"))
                    .as("the old index, meanwhile")
                    .isTrue();
            assertThat(here.arrived("B2", "bo chen")).isFalse();
            assertThat(here.codes("yusuf")).containsExactlyInAnyOrder("A1", walkIn.code());

            here.pauseRead.countDown();
            builder.join(30_000);
            importer.join(30_000);
            assertThat(importer.isAlive())
                    .as("the import's call returns once the new index is in use")
                    .isFalse();
            assertThat(here.rosterReads).hasValue(2);

            assertThat(here.arrived("A1", "amina")).isTrue();
            assertThat(here.arrived("B2", "bo chen")).isFalse();
            assertThat(here.arrived(walkIn.code(), "hawa")).isTrue();
            assertThat(here.codes("yusuf")).containsExactlyInAnyOrder("A1", walkIn.code());
            assertThat(here.codes("oliveira")).containsExactly("P1");
            assertThat(here.codes("silva")).isEmpty();
        }
    }

    @Test
    void aWholeEmailFindsItsPersonAtTheDeskAndOnTheCommandLine() throws Exception {
        try (Station s = Station.open(dir.resolve("home"), "test", "desk-1", TestStore.CLOCK)) {
            s.importer()
                    .importFile(
                            Files2.write(dir, "r.csv", ROSTER, StandardCharsets.UTF_8, false),
                            RosterImporter.Options.defaults());
            assertThat(codes(s.lookup(), "minh.nguyen@example.org")).containsExactly("V1");
            assertThat(codes(s.lookup(), "Minh.Nguyen@EXAMPLE.org")).containsExactly("V1");
            assertThat(codes(s.lookup(), "minh.nguyen@example.com")).isEmpty();
            assertThat(codes(s.lookup(), "minh.ng")).containsExactly("V1");
            var edited = s.log().edit("V2", Map.of(AttendeeField.EMAIL, "lan.nguyen@example.net"));
            assertThat(codes(s.lookup(), "lan.nguyen@example.net")).containsExactly(edited.code());
            assertThat(codes(s.lookup(), "lan@example.org"))
                    .as("her old address")
                    .isEmpty();
        }
    }

    @Test
    void whatAStationPullsFromARealHubIsFoundAtOnce() throws Exception {
        try (TestHub hub = TestHub.h2(dir.resolve("hub"))) {
            hub.importDemoRoster(5, 300);
            try (TestStation a = new TestStation(
                            dir.resolve("a"), "desk-1", Clock.systemUTC(), hub.uri(), hub.token("desk-1"));
                    TestStation b = new TestStation(
                            dir.resolve("b"), "desk-2", Clock.systemUTC(), hub.uri(), hub.token("desk-2"))) {
                a.syncOnce();
                b.syncOnce();
                Lookup lookup = a.station.lookup();
                lookup.warm();

                Attendee walkIn = b.station
                        .log()
                        .registerWalkIn(
                                new WalkIn("Hawa", "Yusuf", null, null, "hawa.yusuf@example.org", null, null, null));
                b.station.log().checkIn(walkIn.code(), null);
                b.syncOnce();
                hub.importDemoRoster(6, Lookup.REBUILD_AFTER + 200);
                a.syncOnce();

                Attendee pulled = a.station.attendees().all().stream()
                        .filter(p -> p.email() != null && !p.code().equals(walkIn.code()))
                        .reduce((x, y) -> y)
                        .orElseThrow();
                for (int i = 0; i < 2; i++) {
                    assertThat(codes(lookup, "hawa yusuf")).containsExactly(walkIn.code());
                    assertThat(codes(lookup, "hawa.yusuf@example.org")).containsExactly(walkIn.code());
                    assertThat(lookup.search("hawa.yusuf@example.org", 5).get(0).arrived())
                            .as("checked in at desk-2")
                            .isTrue();
                    assertThat(codes(lookup, pulled.email())).contains(pulled.code());
                    assertThat(codes(lookup, pulled.firstName() + " " + pulled.lastName()))
                            .contains(pulled.code());
                    lookup.warm(); // the second time round, from the index rebuilt in the background
                }
            }
        }
    }
}
