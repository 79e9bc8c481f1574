package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintOutcome;
import org.arrivals.station.ConfigCheck;
import org.arrivals.station.Station;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Badge-pickup stations ({@code checkin.on.print=false}) print the badge and record the pickup
 * without counting an entry; door stations ({@code print.on.checkin=false}) check in and print
 * nothing; the dashboard's numbers keep pickups and entries apart.
 */
class StationDutyTest {
    @TempDir
    Path dir;

    private Station open(String home, String station, String settings) throws Exception {
        Path h = dir.resolve(home);
        Files.createDirectories(h);
        Files.writeString(h.resolve("station.properties"), "station.id=" + station + "\n" + settings);
        Station s = Station.open(h, "test", null, Clock.systemUTC());
        s.importer()
                .importFile(
                        Files2.write(
                                dir,
                                home + ".csv",
                                crlf(
                                        "code,first_name,last_name,status",
                                        "A1,Ana,Silva,attending",
                                        "B2,Ben,Lee,cancelled",
                                        "C3,Chi,Ng,attending"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        return s;
    }

    @Test
    void aPickupStationPrintsTheBadgeOnceAndRecordsThePickupWithoutCountingAnEntry() throws Exception {
        try (FakeZebraForCli zebra = new FakeZebraForCli();
                Station s = open(
                        "pickup",
                        "pickup-1",
                        "checkin.on.print=false\nprinter=zebra://127.0.0.1:" + zebra.port() + "\n")) {
            CheckInService checkIns = s.checkIns();
            assertThat(checkIns.duty()).isEqualTo(StationDuty.PICKUP);
            CheckInResult r = checkIns.arrive(Actor.desk(), "A1");
            assertThat(r.outcome()).isEqualTo(CheckInResult.Outcome.PICKED_UP);
            assertThat(r.recorded()).isTrue();
            assertThat(r.checkedIn()).isFalse();
            assertThat(r.badge().result()).isEqualTo(PrintOutcome.Result.QUEUED);
            PrintJob printed = s.printing().attempt(r.badge().job().id()).get(20, TimeUnit.SECONDS);
            assertThat(printed.state()).isEqualTo(PrintJob.State.DONE);
            assertThat(zebra.jobCount()).isEqualTo(1);

            assertThat(checkIns.arrival("A1").checkedIn())
                    .as("a pickup is not an entry")
                    .isFalse();
            assertThat(checkIns.history("A1"))
                    .extracting(CheckInEvent::kind)
                    .containsExactly(EventKind.BADGE_PICKED_UP, EventKind.BADGE_PRINTED);

            CheckInResult again = checkIns.arrive(Actor.selfService(), "A1");
            assertThat(again.outcome()).isEqualTo(CheckInResult.Outcome.ALREADY_PICKED_UP);
            assertThat(again.badge()).isNull();
            assertThat(s.printing().jobs()).hasSize(1);

            assertThat(checkIns.arrive(Actor.desk(), "B2").outcome())
                    .as("a cancelled registration picks up nothing")
                    .isEqualTo(CheckInResult.Outcome.BLOCKED);
            assertThat(checkIns.arrive(Actor.desk(), "NOPE").outcome()).isEqualTo(CheckInResult.Outcome.NOT_FOUND);

            // the door later: an entry, counted apart from the pickup
            assertThat(checkIns.checkIn(Actor.desk(), "A1").outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
            Stats st = checkIns.stats();
            assertThat(st.arrived()).isEqualTo(1);
            assertThat(st.pickedUp()).isEqualTo(1);
            assertThat(s.audit().all()).extracting(e -> e.action()).contains("pickup", "checkin");
        }
    }

    @Test
    void aDoorStationChecksInAndPrintsNothing() throws Exception {
        try (FakeZebraForCli zebra = new FakeZebraForCli();
                Station s = open(
                        "door", "door-1", "print.on.checkin=false\nprinter=zebra://127.0.0.1:" + zebra.port() + "\n")) {
            assertThat(s.checkIns().duty()).isEqualTo(StationDuty.DOOR);
            CheckInResult r = s.checkIns().arrive(Actor.desk(), "C3");
            assertThat(r.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
            assertThat(r.badge()).isNull();
            assertThat(s.printing().jobs()).isEmpty();
            assertThat(s.checkIns().stats().arrived()).isEqualTo(1);
            assertThat(s.checkIns().stats().pickedUp()).isZero();
            assertThat(s.checkIns().arrive(Actor.desk(), "C3").outcome())
                    .isEqualTo(CheckInResult.Outcome.ALREADY_CHECKED_IN);
        }
    }

    @Test
    void aDeskDoesBothAndAStationThatWouldDoNeitherIsRefusedWithTheFix() throws Exception {
        try (Station s = open("desk", "desk-1", "")) {
            assertThat(s.checkIns().duty()).isEqualTo(StationDuty.CHECK_IN_AND_PRINT);
            CheckInResult r = s.checkIns().arrive(Actor.desk(), "A1");
            assertThat(r.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
            assertThat(r.badge().result()).as("no printer chosen").isEqualTo(PrintOutcome.Result.NO_PRINTER);
        }
        Path home = dir.resolve("neither");
        Files.createDirectories(home);
        Files.writeString(home.resolve("station.properties"), "checkin.on.print=false\nprint.on.checkin=false\n");
        assertThatThrownBy(() -> Station.open(home, "test", null, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("station.properties")
                .hasMessageContaining("checkin.on.print=false for a badge-pickup station");
        assertThat(ConfigCheck.run(home, null))
                .anySatisfy(f -> assertThat(f.message()).contains("both false"));
        Files.writeString(home.resolve("station.properties"), "checkin.on.print=no\n");
        assertThat(ConfigCheck.run(home, null))
                .anySatisfy(f -> assertThat(f.message()).contains("must be true or false"));
    }
}
