package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events from other stations, taken in by the log as the sync worker hands them over. */
class RemoteEventsTest {
    @TempDir
    Path dir;

    TestStore t;

    @BeforeEach
    void roster() throws Exception {
        t = new TestStore(dir.resolve("db"));
        t.importer.importFile(
                Files2.write(
                        dir,
                        "r.csv",
                        crlf("code,first_name,last_name", "A1,Ana,Lima", "B2,Bo,Chen"),
                        StandardCharsets.UTF_8,
                        false),
                RosterImporter.Options.defaults());
    }

    @AfterEach
    void close() {
        t.close();
    }

    private static CheckInEvent remote(String code, EventKind kind, String station, long millis) {
        return new CheckInEvent(
                Uuid7.at(millis),
                code,
                kind,
                station,
                OffsetDateTime.parse("2026-11-22T08:40:00Z"),
                millis << 16,
                null);
    }

    @Test
    void remoteEventsAreStoredOnceAcknowledgedAndFoldedIntoTheArrival() {
        long at = TestStore.CLOCK.millis() - 60_000;
        List<CheckInEvent> batch = List.of(
                remote("A1", EventKind.CHECKED_IN, "desk-9", at),
                remote("B2", EventKind.CHECKED_IN, "desk-9", at + 1),
                remote("B2", EventKind.CHECK_IN_UNDONE, "desk-8", at + 2));
        List<Arrival> told = new ArrayList<>();
        t.checkIns.addListener(told::add);

        assertThat(t.remote.applyRemote(batch)).isEqualTo(3);
        assertThat(t.remote.applyRemote(batch)).as("the same events again").isZero();

        assertThat(t.arrivals.allEvents()).hasSize(3);
        assertThat(t.outbox.pendingCount())
                .as("another station's events are not ours to push")
                .isZero();
        assertThat(t.checkIns.arrival("A1").checkedIn()).isTrue();
        assertThat(t.checkIns.arrival("A1").stationId()).isEqualTo("desk-9");
        assertThat(t.checkIns.arrival("B2").checkedIn()).isFalse();
        assertThat(told).extracting(Arrival::attendeeCode).containsExactlyInAnyOrder("A1", "B2");
        CheckInResult here = t.checkIns.checkIn("A1", null);
        assertThat(here.outcome()).isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);
        assertThat(here.arrival().stationId()).isEqualTo("desk-9");
    }

    @Test
    void theClockMovesPastARemoteClockFromTheFuture() {
        long future = TestStore.CLOCK.millis() + 3_600_000;
        t.remote.applyRemote(List.of(remote("A1", EventKind.CHECKED_IN, "desk-9", future)));

        t.checkIns.undo("A1");

        List<CheckInEvent> events = t.arrivals.events("A1");
        assertThat(events)
                .extracting(CheckInEvent::kind)
                .containsExactly(EventKind.CHECKED_IN, EventKind.CHECK_IN_UNDONE);
        assertThat(events.get(1).hlc()).isGreaterThan(future << 16);
        assertThat(t.checkIns.arrival("A1").checkedIn()).isFalse();
    }

    @Test
    void localEventsWaitInTheOutboxUntilAcknowledged() {
        t.checkIns.checkIn("A1", null);
        t.checkIns.checkIn("B2", null);
        List<CheckInEvent> pending = t.outbox.pending(10);
        assertThat(pending).hasSize(2);

        assertThat(t.outbox.markAcked(List.of(pending.get(0).id()))).isEqualTo(1);
        assertThat(t.outbox.pending(10)).extracting(CheckInEvent::attendeeCode).containsExactly("B2");
        assertThat(t.outbox.markAcked(List.of(pending.get(0).id())))
                .as("already acknowledged")
                .isZero();
    }
}
