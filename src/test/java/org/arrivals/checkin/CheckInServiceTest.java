package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditEntry;
import org.arrivals.audit.Role;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.Station;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of checking in, as every face meets them: one service, one place, tested here
 * without a screen. The faces' own tests only check what a screen shows.
 */
class CheckInServiceTest {
    @TempDir
    Path dir;

    Station station;
    CheckInService checkIns;

    @BeforeEach
    void open() throws Exception {
        station = Station.open(dir.resolve("home"), "test", "desk-1", Clock.systemUTC());
        station.importer()
                .importFile(
                        Files2.write(
                                dir,
                                "r.csv",
                                crlf(
                                        "code,first_name,last_name,status",
                                        "A1,Ana,Silva,attending",
                                        "B2,Ben,Lee,cancelled",
                                        "C3,Chi,Ng,attending"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        checkIns = station.checkIns();
    }

    @AfterEach
    void close() {
        station.close();
    }

    private List<String> audit() {
        return station.audit().all().stream().map(AuditEntry::actor).map(a -> a).toList();
    }

    private List<String> auditActions() {
        return station.audit().all().stream()
                .map(e -> e.actor() + " " + e.action() + " " + e.subject())
                .toList();
    }

    @Test
    void everyFaceChecksInTheSameWayAndEachCheckInIsAuditedWithItsActor() {
        assertThat(checkIns.checkIn(Actor.selfService(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(checkIns.checkIn(Actor.desk(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);
        assertThat(checkIns.checkIn(Actor.cli(), "C3").outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(checkIns.checkIn(Actor.desk(), "NOPE").outcome()).isEqualTo(CheckInResult.Outcome.NOT_FOUND);
        assertThat(auditActions()).containsExactly("attendee checkin A1", "cli checkin C3");
    }

    @Test
    void aBlockedRegistrationNeedsASupervisorAndAReason() {
        assertThat(checkIns.checkIn(Actor.desk(), "B2").outcome()).isEqualTo(CheckInResult.Outcome.BLOCKED);
        CheckInResult volunteer = checkIns.checkInOverride(Actor.desk(), "B2", "paid at the door", false);
        assertThat(volunteer.outcome()).isEqualTo(CheckInResult.Outcome.NOT_ALLOWED);
        assertThat(volunteer.needs()).isEqualTo(Role.SUPERVISOR);
        assertThat(checkIns.checkInOverride(Actor.selfService(), "B2", "me", false)
                        .outcome())
                .isEqualTo(CheckInResult.Outcome.NOT_ALLOWED);
        Actor supervisor = Actor.desk().as(Role.SUPERVISOR);
        assertThat(checkIns.checkInOverride(supervisor, "B2", "  ", false).outcome())
                .isEqualTo(CheckInResult.Outcome.NEEDS_REASON);
        assertThat(station.arrivals().arrival("B2").checkedIn()).isFalse();
        CheckInResult done = checkIns.checkInOverride(supervisor, "B2", "paid at the door", false);
        assertThat(done.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN_OVERRIDE);
        assertThat(station.arrivals().events("B2").get(0).details()).contains("paid at the door", "cancelled");
        assertThat(auditActions()).containsExactly("supervisor override B2");
        assertThat(station.audit().all().get(0).detail())
                .as("the audit log names no one: the typed reason stays in the check-in log")
                .isEqualTo("status cancelled");
    }

    @Test
    void aVolunteerUndoesACheckInMadeHereButOnlyASupervisorOneMadeElsewhere() {
        checkIns.checkIn(Actor.desk(), "A1");
        assertThat(checkIns.undoNeeds("A1")).isEqualTo(Role.VOLUNTEER);
        assertThat(checkIns.undo(Actor.selfService(), "A1").outcome())
                .as("an attendee undoes nothing")
                .isEqualTo(CheckInResult.Outcome.NOT_ALLOWED);
        assertThat(checkIns.undo(Actor.desk(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.UNDONE);

        long at = System.currentTimeMillis() - 60_000;
        station.remote()
                .applyRemote(List.of(new CheckInEvent(
                        Uuid7.at(at),
                        "C3",
                        EventKind.CHECKED_IN,
                        "desk-2",
                        OffsetDateTime.now().minusMinutes(1),
                        at << 16,
                        null)));
        assertThat(checkIns.undoNeeds("C3")).isEqualTo(Role.SUPERVISOR);
        CheckInResult refused = checkIns.undo(Actor.desk(), "C3");
        assertThat(refused.outcome()).isEqualTo(CheckInResult.Outcome.NOT_ALLOWED);
        assertThat(refused.needs()).isEqualTo(Role.SUPERVISOR);
        assertThat(checkIns.undo(Actor.cli(), "C3").outcome())
                .as("the command line holds the key: an admin")
                .isEqualTo(CheckInResult.Outcome.UNDONE);
        assertThat(checkIns.undo(Actor.desk(), "C3").outcome()).isEqualTo(CheckInResult.Outcome.NOT_CHECKED_IN);
        assertThat(auditActions()).containsExactly("volunteer checkin A1", "volunteer undo A1", "cli undo C3");
    }

    @Test
    void walkInsAndCorrectionsAreAVolunteersAndNotAnAttendees() {
        WalkIn w = new WalkIn("Yohannes", "Bekele", null, null, null, "ECC", null, null);
        assertThat(checkIns.walkIn(Actor.selfService(), w, true).outcome())
                .isEqualTo(CheckInService.WalkInResult.Outcome.NOT_ALLOWED);
        var r = checkIns.walkIn(Actor.desk(), w, true);
        assertThat(r.outcome()).isEqualTo(CheckInService.WalkInResult.Outcome.REGISTERED);
        assertThat(r.checkIn().outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(r.checkIn().badge().result())
                .as("no printer chosen: the check-in stands, the badge says why")
                .isEqualTo(PrintOutcome.Result.NO_PRINTER);
        String code = r.attendee().code();
        assertThat(checkIns.edit(Actor.selfService(), code, Map.of(AttendeeField.LAST, "Bekelé"))
                        .outcome())
                .isEqualTo(CheckInService.EditResult.Outcome.NOT_ALLOWED);
        assertThat(checkIns.edit(Actor.desk(), code, Map.of(AttendeeField.STATUS, "attending"))
                        .outcome())
                .isEqualTo(CheckInService.EditResult.Outcome.NOT_EDITABLE);
        assertThat(checkIns.edit(Actor.desk(), code, Map.of(AttendeeField.LAST, "Bekele"))
                        .outcome())
                .isEqualTo(CheckInService.EditResult.Outcome.UNCHANGED);
        var edited = checkIns.edit(Actor.desk(), code, Map.of(AttendeeField.LAST, "Bekelé"));
        assertThat(edited.outcome()).isEqualTo(CheckInService.EditResult.Outcome.EDITED);
        assertThat(edited.attendee().lastName()).isEqualTo("Bekelé");
        assertThat(auditActions())
                .containsExactly("volunteer walkin " + code, "volunteer checkin " + code, "volunteer edit " + code);
        assertThat(audit()).doesNotContain("Yohannes", "Bekele");
    }
}
