package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.session.SessionPresence;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EditRule;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PersonField;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulled pages taken in by the plain-JDBC path (the page's acknowledgments in its transaction)
 * leave a station exactly as the previous path (jOOQ's batch, acknowledgments after) did: the same
 * events, acknowledgments, arrivals and days, session stays and roster, page after page, with
 * duplicates, undos, session events, walk-ins, edits, reprints and our own events coming back.
 */
class PulledApplyTest {
    @TempDir
    Path dir;

    private static final String[] TABLES = {
        "SELECT id, attendee_code, kind, station_id, wall_time, hlc, details, acked_at, quarantined"
                + " FROM checkin_event ORDER BY id",
        "SELECT * FROM arrival ORDER BY attendee_code",
        "SELECT * FROM arrival_day ORDER BY attendee_code, event_day",
        "SELECT * FROM session_visit ORDER BY attendee_code, visit",
        "SELECT code, first_name, last_name, organization, walk_in, status FROM attendee ORDER BY code"
    };

    @Test
    void theNewApplyLeavesAStationAsThePreviousOneDid() throws Exception {
        // one station with its own check-ins still in the outbox, copied: both hold the same own events
        Path before = dir.resolve("before");
        try (TestStore t = new TestStore(before)) {
            StringBuilder csv = new StringBuilder("code,first_name,last_name\r\n");
            for (int i = 0; i < 40; i++) {
                csv.append("P")
                        .append(i)
                        .append(",Name")
                        .append(i)
                        .append(",Last")
                        .append(i)
                        .append("\r\n");
            }
            t.importer.importFile(
                    Files2.write(dir, "r.csv", crlf(csv.toString().strip()), StandardCharsets.UTF_8, false),
                    RosterImporter.Options.defaults());
            for (int i = 0; i < 10; i++) {
                t.checkIns.checkIn("P" + i, null);
            }
            t.checkIns.undo("P3");
        }
        Path now = dir.resolve("now");
        copy(before, now);

        try (TestStore old = new TestStore(before);
                TestStore neu = new TestStore(now)) {
            old.checkIns.addProjection(new SessionPresence());
            neu.checkIns.addProjection(new SessionPresence());
            old.remote.previousApply(true);
            List<CheckInEvent> own = old.outbox.pending(1000);
            assertThat(own).hasSize(11);
            assertThat(neu.outbox.pending(1000)).isEqualTo(own);

            long at = TestStore.CLOCK.millis() - 600_000;
            List<CheckInEvent> first = new ArrayList<>();
            for (int i = 5; i < 25; i++) {
                first.add(event("P" + i, EventKind.CHECKED_IN, "desk-" + (2 + i % 3), at + i, null));
            }
            first.add(event("P20", EventKind.CHECK_IN_UNDONE, "desk-2", at + 100, null));
            first.add(event("P21", EventKind.BADGE_PRINTED, "desk-3", at + 101, null));
            first.add(event("P21", EventKind.BADGE_REPRINTED, "desk-3", at + 102, Map.of(Details.GENERATION, "2")));
            first.add(event("P22", EventKind.SESSION_ENTERED, "door-1", at + 103, Map.of(Details.SESSION, "s1")));
            first.add(event("P23", EventKind.SESSION_ENTERED, "door-1", at + 104, Map.of(Details.SESSION, "s1")));
            first.add(event("P23", EventKind.SESSION_LEFT, "door-1", at + 105, Map.of(Details.SESSION, "s1")));
            first.add(event(
                    "W1",
                    EventKind.WALK_IN_REGISTERED,
                    "desk-2",
                    at + 106,
                    Map.of(PersonField.FIRST.key(), "Wanda", PersonField.LAST.key(), "Walker")));
            first.add(event("W1", EventKind.CHECKED_IN, "desk-2", at + 107, null));
            first.add(event(
                    "P30",
                    EventKind.ATTENDEE_EDITED,
                    "desk-4",
                    at + 108,
                    EditRule.details(PersonField.ORG, "", "Acme")));
            first.add(first.get(0)); // the same event twice in a page
            first.addAll(own.subList(0, 6)); // some of our own events come back
            Collections.shuffle(first, new Random(22)); // a fixed order, the same every run

            List<CheckInEvent> second = new ArrayList<>(first.subList(0, 10)); // a page partly seen
            second.add(event("P22", EventKind.SESSION_LEFT, "door-2", at + 200, Map.of(Details.SESSION, "s1")));
            second.add(event("P22", EventKind.SESSION_ENTERED, "door-2", at + 201, Map.of(Details.SESSION, "s2")));
            second.add(event("P5", EventKind.CHECK_IN_UNDONE, "desk-4", at + 202, null));
            second.add(event(
                    "P30",
                    EventKind.ATTENDEE_EDITED,
                    "desk-2",
                    at + 203,
                    EditRule.details(PersonField.ORG, "Acme", "Beta")));
            second.add(event(
                    "P3", EventKind.CHECKED_IN, "desk-2", TestStore.CLOCK.millis() + 1_000, null)); // after our undo
            second.addAll(own.subList(4, 11));

            for (List<CheckInEvent> page : List.of(first, second, first, second)) {
                List<UUID> ids = page.stream().map(CheckInEvent::id).toList();
                int o = old.remote.applyRemote(page, ids);
                int n = neu.remote.applyRemote(page, ids);
                assertThat(n).as("new events taken in").isEqualTo(o);
                sameTables(old, neu);
            }
            assertThat(neu.outbox.pendingCount()).isZero();
            assertThat(neu.checkIns.arrival("P20").checkedIn()).isFalse();
            assertThat(neu.checkIns.arrival("P3").checkedIn()).isTrue();
            assertThat(neu.arrivals.allEvents()).isEqualTo(old.arrivals.allEvents());
            assertThat(neu.arrivals.checkedInCount()).isEqualTo(old.arrivals.checkedInCount());
            for (String code : List.of("P0", "P3", "P5", "P6", "P21", "P22", "W1")) {
                assertThat(neu.checkIns.arrival(code)).as(code).isEqualTo(old.checkIns.arrival(code));
            }

            // acknowledgments alone (a page of events all known) are kept too
            neu.checkIns.checkIn("P35", null);
            old.checkIns.checkIn("P35", null);
            assertThat(neu.remote.applyRemote(
                            List.of(),
                            neu.outbox.pending(10).stream()
                                    .map(CheckInEvent::id)
                                    .toList()))
                    .isZero();
            assertThat(neu.outbox.pendingCount()).isZero();
        }
    }

    @Test
    void aPageIsTakenInOnceHoweverOftenItArrives() {
        try (TestStore t = new TestStore(dir.resolve("db"))) {
            long at = TestStore.CLOCK.millis() - 60_000;
            List<CheckInEvent> page = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                page.add(event("C" + i, EventKind.CHECKED_IN, "desk-2", at + i, null));
            }
            List<UUID> ids = page.stream().map(CheckInEvent::id).toList();
            assertThat(t.remote.applyRemote(page, ids)).isEqualTo(2_500);
            assertThat(t.remote.applyRemote(page, ids)).isZero();
            assertThat(t.remote.applyRemote(page.subList(1_000, 2_500), ids)).isZero();
            assertThat(t.arrivals.allEvents()).hasSize(2_500);
            assertThat(t.arrivals.checkedInCount()).isEqualTo(2_500);
            assertThat(t.outbox.pendingCount()).isZero();
        }
    }

    private static void sameTables(TestStore old, TestStore neu) {
        for (String q : TABLES) {
            assertThat(neu.store.dsl().fetch(q).intoArrays())
                    .as(q)
                    .isDeepEqualTo(old.store.dsl().fetch(q).intoArrays());
        }
    }

    private static CheckInEvent event(String code, EventKind kind, String station, long millis, Map<String, String> d) {
        return new CheckInEvent(
                Uuid7.at(millis),
                code,
                kind,
                station,
                OffsetDateTime.parse("2026-11-22T08:20:00Z").plusSeconds(millis % 1000),
                millis << 16,
                d == null ? null : Details.toJson(d));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
