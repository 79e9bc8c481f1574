package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckInLogTest {
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
                        crlf(
                                "code,first_name,last_name,status",
                                "A1,Ana,Silva,Attending",
                                "C1,Carl,Cancel,Cancelled",
                                "P1,Pat,Pending,Pending"),
                        StandardCharsets.UTF_8,
                        false),
                RosterImporter.Options.defaults());
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void checkingInTwiceReportsWhereAndWhenAndRecordsOneArrival() {
        CheckInResult first = t.checkIns.checkIn("A1", null);
        CheckInResult second = t.checkIns.checkIn("A1", null);

        assertThat(first.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(second.outcome()).isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);
        assertThat(second.arrival().stationId()).isEqualTo("desk-1");
        assertThat(second.arrival().checkedInAt())
                .isEqualTo(TestStore.CLOCK.instant().atOffset(ZoneOffset.UTC));
        assertThat(t.arrivals.events("A1")).extracting(CheckInEvent::kind).containsExactly(EventKind.CHECKED_IN);
        assertThat(t.arrivals.checkedInCount()).isEqualTo(1);
    }

    @Test
    void cancelledAndPendingRegistrationsAreBlockedUnlessOverriddenAndTheOverrideIsRecorded() {
        assertThat(t.checkIns.checkIn("C1", null).outcome()).isEqualTo(CheckInResult.Outcome.BLOCKED);
        assertThat(t.checkIns.checkIn("P1", null).outcome()).isEqualTo(CheckInResult.Outcome.BLOCKED);
        assertThat(t.arrivals.events("C1")).isEmpty();

        CheckInResult r = t.checkIns.checkIn("C1", "paid at the door");

        assertThat(r.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN_OVERRIDE);
        assertThat(t.arrivals.events("C1"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .contains("\"overrodeStatus\":\"cancelled\"")
                        .contains("paid at the door"));
    }

    @Test
    void undoIsAnEventAndTheLogKeepsBoth() {
        t.checkIns.checkIn("A1", null);
        assertThat(t.checkIns.undo("A1").outcome()).isEqualTo(CheckInResult.Outcome.UNDONE);
        assertThat(t.checkIns.undo("A1").outcome()).isEqualTo(CheckInResult.Outcome.NOT_CHECKED_IN);

        assertThat(t.checkIns.arrival("A1").checkedIn()).isFalse();
        assertThat(t.arrivals.events("A1"))
                .extracting(CheckInEvent::kind)
                .containsExactly(EventKind.CHECKED_IN, EventKind.CHECK_IN_UNDONE);
        assertThat(t.checkIns.checkIn("A1", null).outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
    }

    @Test
    void unknownCodeIsNotFound() {
        assertThat(t.checkIns.checkIn("NOPE", null).outcome()).isEqualTo(CheckInResult.Outcome.NOT_FOUND);
    }

    @Test
    void eventsSurviveReopeningTheStoreAndTheClockNeverRunsBackwards() {
        t.checkIns.checkIn("A1", null);
        long firstHlc = t.arrivals.events("A1").get(0).hlc();
        t.close();
        Clock earlier = Clock.fixed(Instant.parse("2026-11-22T07:00:00Z"), ZoneOffset.UTC);
        t = new TestStore(dir.resolve("db"), "desk-1", earlier);

        t.checkIns.undo("A1");

        assertThat(t.arrivals.events("A1"))
                .extracting(CheckInEvent::hlc)
                .satisfies(h -> assertThat(h.get(1)).isGreaterThan(firstHlc));
        assertThat(t.checkIns.arrival("A1").checkedIn()).isFalse();
    }
}
