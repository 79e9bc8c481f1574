package org.arrivals.delegation;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.testing.Files2;
import org.arrivals.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delegation found as people type its name, its members' arrival, several checked in at once. */
class DelegationServiceTest {
    @TempDir
    Path dir;

    final MovingClock clock = new MovingClock("2026-11-22T14:00:00Z");
    Station station;
    DelegationService delegations;
    org.arrivals.print.FakeZebraForCli zebra;

    @BeforeEach
    void open() throws Exception {
        Path home = dir.resolve("home");
        zebra = new org.arrivals.print.FakeZebraForCli();
        StationFile.set(
                home,
                Map.of(
                        "station.id",
                        "desk-1",
                        "event.timezone",
                        "UTC",
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
                                        "A1,Ana,Silva,Refugee Council of Minnesota,attending",
                                        "A2,Ben,Lee,Refugee Council of Minnesota,attending",
                                        "A3,Cy,Ode,refugee council of minnesota,cancelled",
                                        "B1,Dee,Oke,Refugee Council USA,attending",
                                        "C1,Eve,Ng,Église Évangélique d'Accueil,attending"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        delegations = station.delegations();
    }

    @AfterEach
    void close() throws Exception {
        station.close();
        zebra.close();
    }

    @Test
    void aNameFindsItsOrganizationOrListsTheSeveralItMatches() {
        DelegationService.Found several = delegations.find("refugee council");
        assertThat(several.outcome()).isEqualTo(DelegationService.Found.Outcome.SEVERAL);
        assertThat(several.matches())
                .extracting(DelegationService.Summary::organization)
                .containsExactly("Refugee Council of Minnesota", "Refugee Council USA");
        DelegationService.Found one = delegations.find("council minn");
        assertThat(one.outcome()).isEqualTo(DelegationService.Found.Outcome.FOUND);
        DelegationService.Delegation d = one.delegation();
        assertThat(d.members()).hasSize(3).extracting(m -> m.attendee().code()).containsExactly("A1", "A2", "A3");
        assertThat(d.expected()).isEqualTo(2);
        assertThat(d.arrived()).isZero();
        assertThat(delegations.find("REFUGEE COUNCIL USA").delegation().organization())
                .isEqualTo("Refugee Council USA");
        assertThat(delegations.find("eglise evangelique").outcome()).isEqualTo(DelegationService.Found.Outcome.FOUND);
        assertThat(delegations.find("nowhere").outcome()).isEqualTo(DelegationService.Found.Outcome.NONE);
    }

    @Test
    void severalMembersAreCheckedInAtOnceEachPrintedOnce() {
        station.checkIns().checkInAndPrint(Actor.desk(), "A2");
        List<CheckInResult> r = delegations.checkInAll(Actor.desk(), List.of("A1", "A2", "A3", "A1"), true);
        assertThat(r)
                .extracting(CheckInResult::outcome)
                .containsExactly(
                        CheckInResult.Outcome.CHECKED_IN,
                        CheckInResult.Outcome.ALREADY_CHECKED_IN,
                        CheckInResult.Outcome.BLOCKED);
        assertThat(r.get(0).badge().result()).isEqualTo(PrintOutcome.Result.QUEUED);
        assertThat(station.printing().jobs()).hasSize(2);
        DelegationService.Delegation d =
                delegations.find("Refugee Council of Minnesota").delegation();
        assertThat(d.arrived()).isEqualTo(2);
        assertThat(d.complete()).isTrue();
        assertThat(delegations.incomplete())
                .extracting(DelegationService.Summary::organization)
                .containsExactly("Église Évangélique d'Accueil", "Refugee Council USA");

        clock.set("2026-11-23T14:00:00Z"); // day 2: one comes back, without a second badge
        List<CheckInResult> day2 = delegations.checkInAll(Actor.desk(), List.of("A1"), true);
        assertThat(day2.get(0).outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
        assertThat(day2.get(0).badge().result()).isEqualTo(PrintOutcome.Result.ALREADY_HAS_BADGE);
        assertThat(station.printing().jobs()).hasSize(2);
        assertThat(delegations
                        .find("Refugee Council of Minnesota")
                        .delegation()
                        .members()
                        .get(0)
                        .arrival()
                        .days())
                .hasSize(2);
    }
}
