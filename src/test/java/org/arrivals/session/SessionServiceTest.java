package org.arrivals.session;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.session.SessionService.Door;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.testing.Files2;
import org.arrivals.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule and the session doors, as every face meets them: one service, a real station on an
 * H2 file, an event in Chicago's time zone, a clock the test moves through the day.
 */
class SessionServiceTest {
    static final Actor DOOR = new Actor(Role.VOLUNTEER, Actor.Face.DOOR);

    @TempDir
    Path dir;

    final MovingClock clock = new MovingClock("2026-11-22T16:05:00Z"); // 10:05 in Chicago, day 1
    Station station;
    SessionService sessions;

    @BeforeEach
    void open() throws Exception {
        Path home = dir.resolve("home");
        StationFile.set(home, Map.of("station.id", "door-1", "event.timezone", "America/Chicago"));
        station = Station.open(home, "test", null, clock);
        station.importer()
                .importFile(
                        Files2.write(
                                dir,
                                "r.csv",
                                crlf(
                                        "code,first_name,last_name,organization,status",
                                        "A1,Ana,Silva,Casa Latina,attending",
                                        "B2,Ben,Lee,Casa Latina,attending",
                                        "C3,Chi,Ng,Refugee Council,attending",
                                        "D4,Dee,Oke,Refugee Council,attending"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        sessions = station.sessions();
        ScheduleImport r = sessions.importSchedule(
                Actor.cli(),
                Files2.write(
                        dir,
                        "schedule.csv",
                        crlf(
                                "Session ID,Title,Track,Room,Date,Start,End,Capacity",
                                "S1,Housing First,Resettlement,Room 101,2026-11-22,10:00,11:15,2",
                                "S2,Asylum Backlogs,Legal,Room 102,2026-11-22,10:00,11:15,",
                                "S3,Adult ESL,Language,Room 101,2026-11-22,11:30,12:45,40",
                                "S4,Closing Plenary,,Ballroom,2026-11-23,14:00,15:00,400"),
                        StandardCharsets.UTF_8,
                        false),
                null,
                false);
        assertThat(r.outcome()).isEqualTo(ScheduleImport.Outcome.IMPORTED);
    }

    @AfterEach
    void close() {
        station.close();
    }

    @Test
    void theScheduleGivesTheEventsDaysAndTheRoomsCurrentSession() {
        assertThat(sessions.days()).containsExactly(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-23"));
        assertThat(sessions.dayNumber(LocalDate.parse("2026-11-23"))).isEqualTo(2);
        assertThat(sessions.current("Room 101")).map(Session::id).contains("S1");
        clock.set("2026-11-22T17:20:00Z"); // 11:20: between sessions, the next one
        assertThat(sessions.current("Room 101")).map(Session::id).contains("S3");
        assertThat(sessions.sessions(LocalDate.parse("2026-11-23")))
                .extracting(c -> c.session().id())
                .containsExactly("S4");
        assertThat(sessions.session("S2").orElseThrow().limited()).isFalse();
    }

    @Test
    void aScheduleWithAnyProblemImportsNothingAndNamesEachLine() throws Exception {
        ScheduleImport r = sessions.importSchedule(
                Actor.cli(),
                Files2.write(
                        dir,
                        "bad.csv",
                        crlf(
                                "session id,TITLE,Room,date,Start,End,Capacity",
                                "X1,Fine,Room 1,2026-11-22,09:00,10:00,30",
                                "X1,Twice,Room 2,2026-11-22,09:00,10:00,30",
                                "X3,,Room 3,2026-13-01,9h,08:00,-4",
                                "X4,Backwards,Room 4,2026-11-22,11:00,10:00,ten"),
                        StandardCharsets.UTF_8,
                        false),
                null,
                false);
        assertThat(r.outcome()).isEqualTo(ScheduleImport.Outcome.PROBLEMS);
        assertThat(r.problems()).extracting(p -> p.line()).containsExactly(3L, 4L, 5L);
        assertThat(r.problems().get(0).reason()).contains("X1 is on an earlier line");
        assertThat(r.problems().get(1).reason())
                .contains("Title is empty")
                .contains("Date '2026-13-01'")
                .contains("Start '9h'")
                .contains("Capacity -4");
        assertThat(r.problems().get(2).reason()).contains("not after Start").contains("Capacity 'ten'");
        assertThat(sessions.schedule()).extracting(Session::id).containsExactly("S1", "S2", "S3", "S4");
    }

    @Test
    void aScheduleMayNumberItsDaysFromAFirstDayAndAFileWithoutItsColumnsIsRefused() throws Exception {
        Path byDay = Files2.write(
                dir,
                "days.csv",
                crlf(
                        "Session ID,Title,Room,Day,Start,End",
                        "K1,Keynote,Hall,1,09:00,10:00",
                        "K2,Panel,Hall,3,09:00,10:00"),
                StandardCharsets.UTF_8,
                false);
        ScheduleImport noFirstDay = sessions.importSchedule(Actor.cli(), byDay, null, false);
        assertThat(noFirstDay.outcome()).isEqualTo(ScheduleImport.Outcome.PROBLEMS);
        assertThat(noFirstDay.problems().get(0).reason()).contains("--first-day");
        ScheduleImport ok = sessions.importSchedule(Actor.cli(), byDay, LocalDate.parse("2026-11-22"), false);
        assertThat(ok.outcome()).isEqualTo(ScheduleImport.Outcome.IMPORTED);
        assertThat(ok.days()).isEqualTo(2);
        assertThat(sessions.session("K2").orElseThrow().date()).isEqualTo(LocalDate.parse("2026-11-24"));

        ScheduleImport notASchedule = sessions.importSchedule(
                Actor.cli(),
                Files2.write(dir, "roster.csv", crlf("code,first_name", "A,B"), StandardCharsets.UTF_8, false),
                null,
                false);
        assertThat(notASchedule.outcome()).isEqualTo(ScheduleImport.Outcome.REFUSED);
        assertThat(notASchedule.refused().getMessage()).contains("Session ID").contains("line 1");
        assertThat(sessions.importSchedule(Actor.desk(), byDay, null, false).outcome())
                .isEqualTo(ScheduleImport.Outcome.NOT_ALLOWED);
    }

    @Test
    void anEntranceLetsInOnceAnExitLetsOutAndABothWaysDoorToggles() {
        assertThat(sessions.scan(DOOR, "S2", "A1", Door.ENTRANCE, false).outcome())
                .isEqualTo(ScanResult.Outcome.IN);
        ScanResult again = sessions.scan(DOOR, "S2", "A1", Door.ENTRANCE, false);
        assertThat(again.outcome()).isEqualTo(ScanResult.Outcome.ALREADY_INSIDE);
        assertThat(again.inside()).isEqualTo(1);
        assertThat(sessions.scan(DOOR, "S2", "A1", Door.EXIT, false).outcome()).isEqualTo(ScanResult.Outcome.OUT);
        assertThat(sessions.scan(DOOR, "S2", "A1", Door.EXIT, false).outcome())
                .isEqualTo(ScanResult.Outcome.NOT_INSIDE);
        assertThat(sessions.scan(DOOR, "S2", "B2", Door.BOTH, false).outcome()).isEqualTo(ScanResult.Outcome.IN);
        assertThat(sessions.scan(DOOR, "S2", "B2", Door.BOTH, false).outcome()).isEqualTo(ScanResult.Outcome.OUT);
        assertThat(sessions.scan(DOOR, "S2", "NOPE", Door.ENTRANCE, false).outcome())
                .isEqualTo(ScanResult.Outcome.UNKNOWN);
        assertThat(sessions.scan(DOOR, "S2", "AR1:AAAAAAAAAAAAAAAAAAAAAAAAAA", Door.ENTRANCE, false)
                        .outcome())
                .isEqualTo(ScanResult.Outcome.INVALID);
        assertThat(sessions.scan(DOOR, "NONE", "A1", Door.ENTRANCE, false).outcome())
                .isEqualTo(ScanResult.Outcome.NO_SUCH_SESSION);
        assertThat(sessions.scan(Actor.selfService(), "S2", "A1", Door.ENTRANCE, false)
                        .outcome())
                .isEqualTo(ScanResult.Outcome.NOT_ALLOWED);
    }

    @Test
    void enteringASessionLeavesTheOneThePersonWasIn() {
        sessions.scan(DOOR, "S1", "A1", Door.ENTRANCE, false);
        clock.set("2026-11-22T16:30:00Z");
        ScanResult moved = sessions.scan(DOOR, "S2", "A1", Door.ENTRANCE, false);
        assertThat(moved.outcome()).isEqualTo(ScanResult.Outcome.IN);
        assertThat(moved.left()).extracting(Session::id).isEqualTo("S1");
        assertThat(sessions.count("S1").orElseThrow().inside()).isZero();
        assertThat(sessions.count("S2").orElseThrow().inside()).isEqualTo(1);
        assertThat(sessions.count("S1").orElseThrow().attended()).isEqualTo(1);
        assertThat(sessions.whereIs("A1")).map(Session::id).contains("S2");
    }

    @Test
    void aFullRoomRefusesEntryUnlessASupervisorLetsThemIn() {
        assertThat(sessions.scan(DOOR, "S1", "A1", Door.ENTRANCE, false).outcome())
                .isEqualTo(ScanResult.Outcome.IN);
        assertThat(sessions.scan(DOOR, "S1", "B2", Door.ENTRANCE, false).inside())
                .isEqualTo(2);
        ScanResult full = sessions.scan(DOOR, "S1", "C3", Door.ENTRANCE, false);
        assertThat(full.outcome()).isEqualTo(ScanResult.Outcome.FULL);
        assertThat(full.needs()).isEqualTo(Role.SUPERVISOR);
        assertThat(sessions.scan(DOOR, "S1", "C3", Door.ENTRANCE, true).outcome())
                .as("a volunteer may not fill the room beyond its seats")
                .isEqualTo(ScanResult.Outcome.NOT_ALLOWED);
        ScanResult admitted = sessions.scan(DOOR.as(Role.SUPERVISOR), "S1", "C3", Door.ENTRANCE, true);
        assertThat(admitted.outcome()).isEqualTo(ScanResult.Outcome.IN);
        assertThat(admitted.inside()).isEqualTo(3);
        assertThat(station.audit().all()).anyMatch(e -> e.action().equals("session-over-capacity"));
        assertThat(station.checkIns().history("C3").get(0).details()).contains("\"overCapacity\":\"true\"");
        // leaving makes room again
        sessions.scan(DOOR, "S1", "A1", Door.EXIT, false);
        sessions.scan(DOOR, "S1", "B2", Door.EXIT, false);
        assertThat(sessions.scan(DOOR, "S1", "D4", Door.ENTRANCE, false).outcome())
                .isEqualTo(ScanResult.Outcome.IN);
    }

    @Test
    void someoneNotCheckedInTodayIsLetInAndTheEntrySaysSo() {
        ScanResult walkedIn = sessions.scan(DOOR, "S2", "A1", Door.ENTRANCE, false);
        assertThat(walkedIn.outcome()).isEqualTo(ScanResult.Outcome.IN);
        assertThat(walkedIn.checkedInToday()).isFalse();
        assertThat(station.checkIns().history("A1").get(0).details()).contains("\"withoutCheckIn\":\"true\"");
        station.checkIns().checkIn(Actor.desk(), "B2");
        assertThat(sessions.scan(DOOR, "S2", "B2", Door.ENTRANCE, false).checkedInToday())
                .isTrue();
    }

    @Test
    void timeInTheRoomCountsWithinTheSessionAndAMissingExitCountsToItsEnd() {
        clock.set("2026-11-22T15:50:00Z"); // 09:50: early, counted from 10:00
        sessions.scan(DOOR, "S1", "A1", Door.ENTRANCE, false);
        clock.set("2026-11-22T16:40:00Z"); // 10:40
        sessions.scan(DOOR, "S1", "A1", Door.EXIT, false);
        clock.set("2026-11-22T16:50:00Z"); // 10:50, back for the rest, no exit: to 11:15
        sessions.scan(DOOR, "S1", "A1", Door.ENTRANCE, false);
        clock.set("2026-11-22T17:35:00Z"); // 11:35, into S3 (which ends S1's stay long after its end)
        sessions.scan(DOOR, "S3", "A1", Door.ENTRANCE, false);
        clock.set("2026-11-23T20:00:00Z");
        Attendance a = sessions.attendance("A1", 0);
        assertThat(a.sessions())
                .extracting(x -> x.session().id() + " " + x.minutes())
                .containsExactly("S1 65", "S3 70");
        assertThat(a.totalMinutes()).isEqualTo(135);
        assertThat(a.days()).containsExactly(LocalDate.parse("2026-11-22"));
        assertThat(sessions.attendance("A1", 66).sessions())
                .extracting(x -> x.session().id())
                .containsExactly("S3");
    }

    @Test
    void theTracksAndTheExportCountTheSameAttendances() throws Exception {
        sessions.scan(DOOR, "S1", "A1", Door.ENTRANCE, false);
        sessions.scan(DOOR, "S1", "B2", Door.ENTRANCE, false);
        sessions.scan(DOOR, "S3", "A1", Door.ENTRANCE, false);
        Map<String, TrackCount> tracks = sessions.byTrack();
        assertThat(tracks.get("Resettlement")).isEqualTo(new TrackCount(1, 2, 1));
        assertThat(tracks.get("Language")).isEqualTo(new TrackCount(1, 1, 1));
        var r = sessions.exportAttendance(Actor.cli(), dir.resolve("attendance.csv"));
        assertThat(r.count()).isEqualTo(3);
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("attendance.csv"));
        assertThat(lines.get(0)).isEqualTo("\uFEFFcode,session,entered,left,minutes");
        assertThat(lines).hasSize(4);
        assertThat(sessions.exportAttendance(Actor.desk(), dir.resolve("x.csv")).outcome())
                .isEqualTo(org.arrivals.audit.ExportResult.Outcome.NOT_ALLOWED);
    }
}
