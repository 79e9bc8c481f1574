package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Files2;
import org.arrivals.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-day event: a check-in belongs to the day of its wall time in the event's time zone, the
 * badge is printed once per event, and each day has its own "already".
 */
class DailyEntryTest {
    static final LocalDate DAY1 = LocalDate.parse("2026-11-22");
    static final LocalDate DAY2 = LocalDate.parse("2026-11-23");

    @TempDir
    Path dir;

    // 07:30 in Toronto on day 1 (12:30 UTC)
    final MovingClock clock = new MovingClock("2026-11-22T12:30:00Z");
    Station station;
    CheckInService checkIns;
    org.arrivals.print.FakeZebraForCli zebra;

    @BeforeEach
    void open() throws Exception {
        Path home = dir.resolve("home");
        // a printer that takes jobs: a Zebra on loopback
        zebra = new org.arrivals.print.FakeZebraForCli();
        StationFile.set(
                home,
                Map.of(
                        "station.id",
                        "desk-1",
                        "event.timezone",
                        "America/Toronto",
                        "printer",
                        "zebra://127.0.0.1:" + zebra.port()));
        station = Station.open(home, "test", null, clock);
        station.importer()
                .importFile(
                        Files2.write(
                                dir,
                                "r.csv",
                                crlf(
                                        "code,first_name,last_name,organization,status",
                                        "A1,Ana,Silva,Casa Latina,attending",
                                        "B2,Ben,Lee,Casa Latina,attending"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        checkIns = station.checkIns();
    }

    @AfterEach
    void close() throws Exception {
        station.close();
        zebra.close();
    }

    @Test
    void aPersonChecksInOnceADayAndGetsOneBadgeForTheEvent() {
        CheckInResult day1 = checkIns.checkInAndPrint(Actor.desk(), "A1");
        assertThat(day1.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(day1.day()).isEqualTo(DAY1);
        assertThat(day1.badge().result()).isEqualTo(PrintOutcome.Result.QUEUED);
        assertThat(checkIns.checkInAndPrint(Actor.desk(), "A1").outcome())
                .isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);

        clock.set("2026-11-23T04:30:00Z"); // 23:30 on day 1 in Toronto: still day 1
        assertThat(checkIns.checkIn(Actor.desk(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);

        clock.set("2026-11-23T13:00:00Z"); // 08:00 on day 2
        assertThat(checkIns.arrival("A1").checkedIn()).as("not yet today").isFalse();
        CheckInResult day2 = checkIns.checkInAndPrint(Actor.desk(), "A1");
        assertThat(day2.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(day2.day()).isEqualTo(DAY2);
        assertThat(day2.badge().result())
                .as("the badge is printed once per event")
                .isEqualTo(PrintOutcome.Result.ALREADY_HAS_BADGE);
        assertThat(day2.arrival().days()).extracting(Arrival.Day::date).containsExactly(DAY1, DAY2);
        assertThat(station.printing().jobs()).hasSize(1);
        assertThat(checkIns.checkIn(Actor.desk(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);
    }

    @Test
    void undoTakesBackTodaysCheckInOnly() {
        checkIns.checkIn(Actor.desk(), "A1");
        clock.set("2026-11-23T13:00:00Z");
        checkIns.checkIn(Actor.desk(), "A1");
        assertThat(checkIns.undo(Actor.desk(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.UNDONE);
        Arrival a = station.arrivals().arrival("A1");
        assertThat(a.days()).extracting(Arrival.Day::date).containsExactly(DAY1);
        assertThat(a.checkedIn()).as("came on some day").isTrue();
        assertThat(checkIns.undo(Actor.desk(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.NOT_CHECKED_IN);
        assertThat(station.arrivals().events("A1"))
                .filteredOn(e -> e.kind() == EventKind.CHECK_IN_UNDONE)
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"day\":\"2026-11-23\""));
    }

    @Test
    void aCheckInAtAPastTimeBelongsToThatTimesDayOnTheAdminsAuthority() {
        clock.set("2026-11-24T15:00:00Z"); // day 3
        Instant paper = Instant.parse("2026-11-22T14:05:00Z"); // 09:05 on day 1
        assertThat(checkIns.checkInAt(Actor.desk(), "B2", paper).outcome())
                .isEqualTo(CheckInResult.Outcome.NOT_ALLOWED);
        CheckInResult r = checkIns.checkInAt(Actor.cli(), "B2", paper);
        assertThat(r.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(r.day()).isEqualTo(DAY1);
        assertThat(r.arrival().checkedInAt().toInstant()).isEqualTo(paper);
        assertThat(checkIns.checkInAt(Actor.cli(), "B2", paper.plusSeconds(3600))
                        .outcome())
                .isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);
        assertThat(checkIns.checkInAt(Actor.cli(), "B2", Instant.parse("2026-11-25T00:00:00Z"))
                        .outcome())
                .isEqualTo(CheckInResult.Outcome.IN_THE_FUTURE);
        assertThat(checkIns.arrival("B2").checkedIn()).as("not today (day 3)").isFalse();
        assertThat(station.audit().all())
                .anyMatch(e -> e.action().equals("checkin-at") && e.subject().equals("B2"));
    }

    @Test
    void statsCountTodayAndEachDayAndEachOrganization() {
        checkIns.checkIn(Actor.desk(), "A1");
        checkIns.checkIn(Actor.desk(), "B2");
        clock.set("2026-11-23T13:00:00Z");
        checkIns.checkIn(Actor.desk(), "A1");
        Stats s = checkIns.stats();
        assertThat(s.day()).isEqualTo(DAY2);
        assertThat(s.arrived()).isEqualTo(1);
        assertThat(s.expected()).isEqualTo(2);
        assertThat(s.byDay())
                .containsEntry(DAY1, new Stats.TypeCount(2, 2))
                .containsEntry(DAY2, new Stats.TypeCount(1, 2));
        assertThat(s.per15minByDay().get(DAY1))
                .singleElement()
                .satisfies(b -> assertThat(b.count()).isEqualTo(2));
        assertThat(s.byOrganization()).containsEntry("Casa Latina", new Stats.OrgCount(2, 1, 2));
        assertThat(station.lookup().search("ana", 5).get(0).arrived()).isTrue();
        assertThat(station.lookup().search("ben", 5).get(0).arrived())
                .as("not today")
                .isFalse();
    }

    @Test
    void theFoldPutsEachCheckInOnItsDayWhateverOrderTheEventsCameIn() {
        List<CheckInEvent> events = List.of(
                event(EventKind.CHECKED_IN, "desk-1", 1, "{\"day\":\"2026-11-22\"}"),
                event(EventKind.CHECKED_IN, "desk-2", 2, "{\"day\":\"2026-11-22\"}"),
                event(EventKind.CHECKED_IN, "desk-2", 3, "{\"day\":\"2026-11-23\"}"),
                event(EventKind.CHECK_IN_UNDONE, "desk-1", 4, "{\"day\":\"2026-11-22\"}"),
                event(EventKind.CHECKED_IN, "desk-3", 5, "{\"day\":\"2026-11-22\"}"),
                event(EventKind.SESSION_ENTERED, "door-1", 6, "{\"session\":\"S1\"}"));
        Arrival expected = Arrival.of("A1", events);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 200; i++) {
            List<CheckInEvent> shuffled = new java.util.ArrayList<>(events);
            java.util.Collections.shuffle(shuffled, random);
            assertThat(Arrival.of("A1", shuffled)).isEqualTo(expected);
        }
        assertThat(expected.days())
                .extracting(d -> d.date() + " " + d.stationId())
                .containsExactly("2026-11-22 desk-3", "2026-11-23 desk-2");
        assertThat(expected.lastHlc()).as("a session event is not an arrival's").isEqualTo(5L << 16);
    }

    private static CheckInEvent event(EventKind kind, String station, long step, String details) {
        long millis = 1_795_000_000_000L + step;
        return new CheckInEvent(
                Uuid7.at(millis),
                "A1",
                kind,
                station,
                java.time.OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), java.time.ZoneOffset.UTC),
                step << 16,
                details);
    }
}
