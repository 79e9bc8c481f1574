package org.arrivals.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.WalkIn;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PushResponse;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stations that work offline and then meet at a real hub on loopback agree on who arrived. */
class SyncTest {
    @TempDir
    Path dir;

    TestHub hub;
    final ManualClock clockA = new ManualClock("2026-11-22T08:30:00Z");
    final ManualClock clockB = new ManualClock("2026-11-22T08:30:00Z");
    TestStation a;
    TestStation b;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.h2(dir.resolve("hub"));
        hub.importDemoRoster(3, 60);
        a = new TestStation(dir.resolve("a"), "desk-a", clockA, hub.uri(), hub.token("desk-a"));
        b = new TestStation(dir.resolve("b"), "desk-b", clockB, hub.uri(), hub.token("desk-b"));
        a.syncOnce();
        b.syncOnce();
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        hub.close();
    }

    private List<String> attending(int n) {
        return a.station.attendees().all().stream()
                .filter(p -> p.status() == RegistrationStatus.ATTENDING)
                .map(Attendee::code)
                .sorted()
                .limit(n)
                .toList();
    }

    @Test
    void rosterImportedAtTheHubReachesEveryStation() {
        assertThat(a.station.attendees().count()).isEqualTo(60);
        assertThat(b.station.attendees().all())
                .extracting(Attendee::code)
                .containsExactlyInAnyOrderElementsOf(
                        a.station.attendees().all().stream().map(Attendee::code).toList());
    }

    @Test
    void aRosterChangeAtTheHubReachesStationsAndLeavesOnSiteEditsInPlace() throws Exception {
        List<String> codes = attending(2);
        a.station.log().edit(codes.get(0), Map.of(AttendeeField.BADGE_NAME, "Ren"));
        a.syncOnce();
        Attendee before = b.station.attendees().findByCode(codes.get(1)).orElseThrow();
        hub.store.importRoster(List.of(
                new RosterRow(
                        codes.get(0),
                        null,
                        "Changed",
                        "AtHub",
                        "From file",
                        null,
                        null,
                        null,
                        null,
                        "Speaker",
                        "ATTENDING",
                        Map.of()),
                new RosterRow(
                        codes.get(1),
                        before.barcode(),
                        "Renamed",
                        before.lastName(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        before.type(),
                        "CANCELLED",
                        Map.of()),
                new RosterRow(
                        "LATE-1",
                        null,
                        "Late",
                        "Registrant",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "General Admission",
                        "ATTENDING",
                        Map.of())));

        assertThat(b.syncOnce().rosterRows()).isEqualTo(3);
        a.syncOnce();

        for (TestStation s : List.of(a, b)) {
            Attendee edited = s.station.attendees().findByCode(codes.get(0)).orElseThrow();
            assertThat(edited.firstName()).isEqualTo("Changed");
            assertThat(edited.type()).isEqualTo("Speaker");
            assertThat(edited.badgeName())
                    .as("the desk's correction outlives the hub's import at " + s.id)
                    .isEqualTo("Ren");
            assertThat(s.station
                            .attendees()
                            .findByCode(codes.get(1))
                            .orElseThrow()
                            .status())
                    .isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(s.station.log().checkIn("LATE-1", null).outcome())
                    .isIn(CheckInResult.Outcome.CHECKED_IN, CheckInResult.Outcome.ALREADY_CHECKED_IN);
        }
        assertThat(b.syncOnce().rosterRows()).as("nothing new").isZero();
    }

    @Test
    void checkInAtTwoOfflineStationsConvergesToOneArrival() throws Exception {
        String code = attending(1).get(0);
        hub.proxy.mode(FaultyProxy.Mode.REFUSE);
        clockA.set("2026-11-22T08:47:00Z");
        clockB.set("2026-11-22T08:49:00Z");
        assertThat(a.station.log().checkIn(code, null).outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(b.station.log().checkIn(code, null).outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThatThrownBy(a::syncOnce).isInstanceOf(HubException.class);
        assertThat(a.sync.status().online()).isFalse();
        assertThat(a.sync.status().pending()).isEqualTo(1);

        hub.proxy.mode(FaultyProxy.Mode.PASS);
        a.syncOnce();
        b.syncOnce();
        a.syncOnce();

        for (TestStation s : List.of(a, b)) {
            assertThat(s.station.arrivals().events(code))
                    .as("both events kept at " + s.id)
                    .extracting(e -> e.kind() + "@" + e.stationId())
                    .containsExactly("CHECKED_IN@desk-a", "CHECKED_IN@desk-b");
            CheckInResult again = s.station.log().checkIn(code, null);
            assertThat(again.outcome()).isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);
            assertThat(again.arrival().stationId()).isEqualTo("desk-a");
            assertThat(again.arrival().checkedInAt().toInstant()).hasToString("2026-11-22T08:47:00Z");
            assertThat(s.station.arrivals().checkedInCount()).isEqualTo(1);
            assertThat(s.sync.status().pending()).isZero();
            assertThat(s.sync.status().online()).isTrue();
        }
        assertThat(hub.store.eventCount()).isEqualTo(2);
        assertThat(a.arrivals()).isEqualTo(b.arrivals());
    }

    @Test
    void undoAndACheckInAtAnotherStationResolveByTheLogsOrder() throws Exception {
        List<String> codes = attending(2);
        String early = codes.get(0);
        String late = codes.get(1);
        clockA.set("2026-11-22T08:50:00Z");
        a.station.log().checkIn(early, null);
        a.station.log().checkIn(late, null);
        a.syncOnce();
        b.syncOnce();
        assertThat(b.station.arrivals().arrival(early).checkedIn()).isTrue();

        // Offline now. B undoes both at 09:00 (B's clock).
        hub.proxy.mode(FaultyProxy.Mode.REFUSE);
        clockB.set("2026-11-22T09:00:00Z");
        assertThat(b.station.log().undo(early).outcome()).isEqualTo(CheckInResult.Outcome.UNDONE);
        assertThat(b.station.log().undo(late).outcome()).isEqualTo(CheckInResult.Outcome.UNDONE);
        // A undoes and checks in again: once at 08:55 (before B's undo), once at 09:05 (after it).
        clockA.set("2026-11-22T08:55:00Z");
        a.station.log().undo(early);
        a.station.log().checkIn(early, null);
        clockA.set("2026-11-22T09:05:00Z");
        a.station.log().undo(late);
        a.station.log().checkIn(late, null);

        hub.proxy.mode(FaultyProxy.Mode.PASS);
        a.syncOnce();
        b.syncOnce();
        a.syncOnce();

        for (TestStation s : List.of(a, b)) {
            assertThat(s.station.arrivals().arrival(early).checkedIn())
                    .as("the undo at 09:00 comes after A's check-in at 08:55, at " + s.id)
                    .isFalse();
            assertThat(s.station.arrivals().arrival(late).checkedIn())
                    .as("A's check-in at 09:05 comes after the undo at 09:00, at " + s.id)
                    .isTrue();
            assertThat(s.station.arrivals().arrival(late).stationId()).isEqualTo("desk-a");
        }
        assertThat(a.arrivals()).isEqualTo(b.arrivals());
        assertThat(a.eventIds()).isEqualTo(b.eventIds()).hasSize(8);
    }

    @Test
    void skewedClocksStillKeepUndoAfterTheCheckInItSaw() throws Exception {
        String code = attending(1).get(0);
        clockA.set("2026-11-22T10:30:00Z"); // two hours fast
        clockB.set("2026-11-22T07:30:00Z"); // an hour slow
        a.station.log().checkIn(code, null);
        a.syncOnce();
        b.syncOnce();
        assertThat(b.station.arrivals().arrival(code).checkedIn()).isTrue();
        assertThat(b.station.log().undo(code).outcome()).isEqualTo(CheckInResult.Outcome.UNDONE);
        b.syncOnce();
        a.syncOnce();

        assertThat(a.station.arrivals().arrival(code).checkedIn())
                .as("B's undo, though its wall clock reads " + "earlier, sorts after the check-in B had seen")
                .isFalse();
        assertThat(b.station.arrivals().arrival(code).checkedIn()).isFalse();
        var events = a.station.arrivals().events(code);
        assertThat(events).extracting(e -> e.kind()).containsExactly(EventKind.CHECKED_IN, EventKind.CHECK_IN_UNDONE);
        assertThat(events.get(1).wallTime()).isBefore(events.get(0).wallTime());
    }

    @Test
    void walkInsAndEditsReachTheOtherStations() throws Exception {
        String code = attending(1).get(0);
        Attendee walkIn = a.station
                .log()
                .registerWalkIn(
                        new WalkIn("Amina", "Yusuf", null, null, null, "Somali Bantu Association", null, "Press"));
        a.station.log().checkIn(walkIn.code(), null);
        clockA.advance(Duration.ofSeconds(5));
        a.station.log().edit(code, Map.of(AttendeeField.BADGE_NAME, "Ren"));
        clockB.advance(Duration.ofSeconds(10));
        b.syncOnce();
        a.syncOnce();
        b.syncOnce();

        Attendee there = b.station.attendees().findByCode(walkIn.code()).orElseThrow();
        assertThat(there.firstName()).isEqualTo("Amina");
        assertThat(there.walkIn()).isTrue();
        assertThat(there.type()).isEqualTo("Press");
        assertThat(b.station.arrivals().arrival(walkIn.code()).checkedIn()).isTrue();
        assertThat(b.station.attendees().findByCode(code).orElseThrow().badgeName())
                .isEqualTo("Ren");
        assertThat(b.station.lookup().search("Amina", 5)).isNotEmpty();

        // A later edit at B wins at both; an earlier one would not.
        clockB.advance(Duration.ofMinutes(1));
        b.station.log().edit(code, Map.of(AttendeeField.BADGE_NAME, "Rennie"));
        b.syncOnce();
        a.syncOnce();
        assertThat(a.station.attendees().findByCode(code).orElseThrow().badgeName())
                .isEqualTo("Rennie");
    }

    @Test
    void aRepushedBatchIsStoredOnce() throws Exception {
        List<String> codes = attending(5);
        codes.forEach(c -> a.station.log().checkIn(c, null));
        List<WireEvent> batch = Wire.of(a.station.outbox().pending(100));
        // the station's own token: a token pushes only its own station's events
        HubClient client = new HubClient(hub.direct(), a.token, Duration.ofSeconds(5));

        PushResponse first = client.push(batch);
        PushResponse second = client.push(batch);

        assertThat(first.stored()).isEqualTo(5);
        assertThat(second.stored()).isZero();
        assertThat(second.duplicates()).isEqualTo(5);
        assertThat(second.acked())
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(WireEvent::id).toList());
        assertThat(hub.store.eventCount()).isEqualTo(5);
    }

    @Test
    void aReceiptLostAfterTheHubStoredTheBatchLeadsToNoDuplicate() throws Exception {
        List<String> codes = attending(20);
        codes.forEach(c -> a.station.log().checkIn(c, null));
        hub.proxy.mode(FaultyProxy.Mode.DROP_RESPONSE);

        assertThatThrownBy(a::syncOnce).isInstanceOf(HubException.class);
        assertThat(hub.store.eventCount()).as("the hub stored the batch").isEqualTo(20);
        assertThat(a.sync.status().pending())
                .as("but the station never heard so")
                .isEqualTo(20);

        hub.proxy.mode(FaultyProxy.Mode.PASS);
        a.syncOnce();
        assertThat(a.sync.status().pending()).isZero();
        assertThat(hub.store.eventCount()).isEqualTo(20);
        b.syncOnce();
        assertThat(b.station.arrivals().checkedInCount()).isEqualTo(20);
        assertThat(b.eventIds()).isEqualTo(a.eventIds());
    }

    @Test
    void serverErrorsAndTimeoutsLeaveEventsPendingAndSlowAnswersStillSync() throws Exception {
        List<String> codes = attending(3);
        codes.forEach(c -> a.station.log().checkIn(c, null));

        hub.proxy.mode(FaultyProxy.Mode.SERVER_ERROR);
        assertThatThrownBy(a::syncOnce)
                .isInstanceOfSatisfying(
                        HubException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(a.sync.status().pending()).isEqualTo(3);
        assertThat(a.sync.status().online()).isFalse();

        hub.proxy.slowBy(1500);
        hub.proxy.mode(FaultyProxy.Mode.SLOW);
        try (TestStation impatient = new TestStation(
                dir.resolve("c"), "desk-c", clockA, hub.uri(), hub.token("desk-c"), Duration.ofMillis(500))) {
            assertThatThrownBy(impatient::syncOnce)
                    .isInstanceOfSatisfying(
                            HubException.class, e -> assertThat(e.retryable()).isTrue());
        }
        hub.proxy.slowBy(100);
        a.syncOnce();
        assertThat(a.sync.status().pending()).isZero();
        assertThat(hub.store.eventCount()).isEqualTo(3);
    }

    @Test
    void theBackgroundWorkerGoesOnlineWhenTheHubComesBack() throws Exception {
        hub.kill();
        List<String> codes = attending(4);
        codes.forEach(c -> a.station.log().checkIn(c, null));
        List<SyncStatus> seen = new CopyOnWriteArrayList<>();
        a.sync.addListener(seen::add);
        a.sync.start();
        awaitTrue(() -> !seen.isEmpty());
        assertThat(seen.get(0).online()).isFalse();
        assertThat(a.sync.status().pending()).isEqualTo(4);

        hub.restart();
        awaitTrue(() -> a.sync.status().online() && a.sync.status().pending() == 0);
        assertThat(hub.store.eventCount()).isEqualTo(4);
        assertThat(a.sync.status().lastSync()).isNotNull();
        Set<UUID> atHub = hub.allEvents().stream().map(WireEvent::id).collect(Collectors.toSet());
        assertThat(atHub).isEqualTo(a.eventIds());
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
