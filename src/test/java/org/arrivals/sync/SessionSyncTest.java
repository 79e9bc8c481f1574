package org.arrivals.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.session.SessionPresence;
import org.arrivals.session.SessionService.Door;
import org.arrivals.session.Visit;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.ScheduleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two doors of one room, each a station, scanning offline; a real hub on loopback between them.
 * The schedule comes from the hub like the roster; session events sync like check-ins and fold the
 * same way, so after a sync both doors count the same people inside.
 */
class SessionSyncTest {
    static final Actor DOOR = new Actor(Role.VOLUNTEER, Actor.Face.DOOR);

    @TempDir
    Path dir;

    TestHub hub;
    final ManualClock clockA = new ManualClock("2026-11-22T10:05:00Z");
    final ManualClock clockB = new ManualClock("2026-11-22T10:05:00Z");
    TestStation a;
    TestStation b;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.h2(dir.resolve("hub"));
        List<RosterRow> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(new RosterRow(
                    "P" + i, null, "Person", "N" + i, null, null, null, "Org", null, "Speaker", "ATTENDING", Map.of()));
        }
        hub.store.importRoster(rows);
        hub.store.importSchedule(List.of(
                new ScheduleSession(
                        "S1", "Housing First", "Resettlement", "Room 101", "2026-11-22", "10:00", "11:15", 3),
                new ScheduleSession("S2", "Adult ESL", "Language", "Room 102", "2026-11-22", "10:00", "11:15", 0)));
        a = new TestStation(dir.resolve("a"), "door-a", clockA, hub.uri(), hub.token("door-a"));
        b = new TestStation(dir.resolve("b"), "door-b", clockB, hub.uri(), hub.token("door-b"));
        a.syncOnce();
        b.syncOnce();
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        hub.close();
    }

    @Test
    void theScheduleComesFromTheHubAndANewVersionReplacesIt() throws Exception {
        for (TestStation s : List.of(a, b)) {
            assertThat(s.station.sessions().schedule()).extracting(x -> x.id()).containsExactly("S1", "S2");
            assertThat(s.station.sessions().session("S1").orElseThrow().capacity())
                    .isEqualTo(3);
        }
        hub.store.importSchedule(List.of(new ScheduleSession(
                "S1", "Housing First", "Resettlement", "Room 101", "2026-11-22", "10:00", "11:30", 5)));
        assertThat(a.syncOnce().pushed()).isZero();
        assertThat(a.station.sessions().schedule()).singleElement().satisfies(s -> {
            assertThat(s.capacity()).isEqualTo(5);
            assertThat(s.end()).hasToString("11:30");
        });
        // the hub takes a schedule only from an administrator's token
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(hub.direct().resolve("/api/v1/schedule"))
                                .header("Authorization", "Bearer " + hub.token("door-c"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"sessions\":[]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void twoDoorsOfOneRoomScanningOfflineAgreeOnWhoIsInsideAfterSync() throws Exception {
        var doorA = a.station.sessions();
        var doorB = b.station.sessions();
        doorA.scan(DOOR, "S1", "P1", Door.ENTRANCE, false);
        doorA.scan(DOOR, "S1", "P2", Door.ENTRANCE, false);
        clockB.advance(Duration.ofSeconds(2));
        // the same person through the other door, which had not heard of the first scan
        doorB.scan(DOOR, "S1", "P1", Door.ENTRANCE, false);
        doorB.scan(DOOR, "S1", "P3", Door.BOTH, false);
        clockB.advance(Duration.ofMinutes(10));
        doorB.scan(DOOR, "S1", "P3", Door.BOTH, false); // and out again
        doorB.scan(DOOR, "S2", "P4", Door.ENTRANCE, false);
        clockA.advance(Duration.ofMinutes(20));
        doorA.scan(DOOR, "S2", "P2", Door.ENTRANCE, false); // P2 moves to S2
        assertThat(doorA.count("S1").orElseThrow().inside()).isEqualTo(1);
        assertThat(doorB.count("S1").orElseThrow().inside()).isEqualTo(1);

        a.syncOnce();
        b.syncOnce();
        a.syncOnce();

        assertThat(b.eventIds()).isEqualTo(a.eventIds());
        for (TestStation s : List.of(a, b)) {
            var d = s.station.sessions();
            assertThat(d.count("S1").orElseThrow().inside())
                    .as(s.id + " S1 inside")
                    .isEqualTo(1);
            assertThat(d.count("S1").orElseThrow().attended())
                    .as(s.id + " S1 attended")
                    .isEqualTo(3);
            assertThat(d.count("S2").orElseThrow().inside())
                    .as(s.id + " S2 inside")
                    .isEqualTo(2);
            assertThat(d.whereIs("P1")).map(x -> x.id()).contains("S1");
            assertThat(d.whereIs("P2")).map(x -> x.id()).contains("S2");
            assertThat(d.whereIs("P3")).isEmpty();
        }
        assertThat(visits(b)).isEqualTo(visits(a)).isEqualTo(recount(a));
        // a full room at one door is full at the other once they have synced
        a.station.sessions().scan(DOOR, "S1", "P5", Door.ENTRANCE, false);
        a.station.sessions().scan(DOOR, "S1", "P6", Door.ENTRANCE, false);
        a.syncOnce();
        b.syncOnce();
        assertThat(b.station
                        .sessions()
                        .scan(DOOR, "S1", "P3", Door.ENTRANCE, false)
                        .outcome())
                .isEqualTo(org.arrivals.session.ScanResult.Outcome.FULL);
    }

    /** Every person's stays, as the station's projection holds them. */
    private static Map<String, List<String>> visits(TestStation s) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Visit v : s.station.sessions().visits("P1")) {
            out.computeIfAbsent(v.attendeeCode(), k -> new ArrayList<>()).add(describe(v));
        }
        for (String code : List.of("P2", "P3", "P4", "P5", "P6")) {
            for (Visit v : s.station.sessions().visits(code)) {
                out.computeIfAbsent(code, k -> new ArrayList<>()).add(describe(v));
            }
        }
        return out;
    }

    /** The same, folded anew from the log's events. */
    private static Map<String, List<String>> recount(TestStation s) {
        Map<String, List<CheckInEvent>> byCode = new TreeMap<>();
        for (CheckInEvent e : s.station.arrivals().allEvents()) {
            byCode.computeIfAbsent(e.attendeeCode(), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<String>> out = new TreeMap<>();
        byCode.forEach((code, events) -> {
            for (Visit v : SessionPresence.fold(code, events)) {
                out.computeIfAbsent(code, k -> new ArrayList<>()).add(describe(v));
            }
        });
        return out;
    }

    private static String describe(Visit v) {
        return v.sessionId() + " " + v.enteredAt().toInstant() + " "
                + (v.leftAt() == null ? "-" : v.leftAt().toInstant());
    }
}
