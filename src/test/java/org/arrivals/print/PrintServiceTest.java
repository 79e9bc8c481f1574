package org.arrivals.print;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.station.Station;
import org.arrivals.testing.Badges;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print worker and the rules of printing, through a real station and a fake Zebra on loopback. */
class PrintServiceTest {
    @TempDir
    Path dir;

    private Station open() throws Exception {
        Station s = Station.open(dir.resolve("home"), "test", "desk-1", Clock.systemUTC());
        if (s.attendees().findByCode("A1").isEmpty()) {
            s.importer()
                    .importFile(
                            Files2.write(
                                    dir,
                                    "r.csv",
                                    crlf("code,first_name,last_name", "A1,Ana,Silva", "B2,Ben,Lee"),
                                    StandardCharsets.UTF_8,
                                    false),
                            RosterImporter.Options.defaults());
        }
        return s;
    }

    private static void waitFor(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 300 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void aFailedJobIsRetriedByTheWorkerAfterItsWaitAndSurvivesARestart() throws Exception {
        try (FakeZebra zebra = new FakeZebra()) {
            String printer = "zebra://127.0.0.1:" + zebra.port();
            long jobId;
            try (Station s = open()) {
                zebra.paperOut = true;
                PrintOutcome o = Badges.print(s, "A1", printer, "thermal-4x3");
                assertThat(o.job().state()).isEqualTo(PrintJob.State.FAILED);
                assertThat(o.printer().condition()).isEqualTo(PrinterState.Condition.OUT_OF_LABELS);
                jobId = o.job().id();
            }
            zebra.paperOut = false;
            try (Station s = open()) {
                s.printing().start();
                PrintJob after = s.printing().attempt(jobId).get(20, TimeUnit.SECONDS);
                assertThat(after.state()).isEqualTo(PrintJob.State.DONE);
                assertThat(after.attempts()).isEqualTo(2);
                waitFor(() -> !zebra.jobs.isEmpty());
                assertThat(zebra.jobs).hasSize(1);
                assertThat(s.arrivals().arrival("A1").badgesPrinted()).isEqualTo(1);
            }
        }
    }

    @Test
    void aReprintSupersedesTheWaitingBadgeSoExactlyOneComesOutWhenThePrinterReturns() throws Exception {
        try (FakeZebra zebra = new FakeZebra();
                Station s = open()) {
            String printer = "zebra://127.0.0.1:" + zebra.port();
            zebra.paperOut = true;
            PrintOutcome first = Badges.print(s, "A1", printer, "thermal-4x3");
            assertThat(first.result()).isEqualTo(PrintOutcome.Result.NOT_PRINTED);
            PrintOutcome reprint = Badges.reprint(s, "A1", printer, "thermal-4x3", "lost");
            assertThat(s.printing().job(first.job().id()).orElseThrow().state()).isEqualTo(PrintJob.State.SUPERSEDED);
            zebra.paperOut = false;
            PrintJob done = s.printing().attempt(reprint.job().id()).get(20, TimeUnit.SECONDS);
            if (done.state() != PrintJob.State.DONE) { // the attempt it answered was one more failure
                done = s.printing().attempt(reprint.job().id()).get(20, TimeUnit.SECONDS);
            }
            assertThat(done.state()).isEqualTo(PrintJob.State.DONE);
            Thread.sleep(2500); // the superseded job's wait would be over by now: it must not print
            assertThat(zebra.jobs).as("one badge for one person").hasSize(1);
            assertThat(s.printing().job(first.job().id()).orElseThrow().state()).isEqualTo(PrintJob.State.SUPERSEDED);
            assertThat(s.arrivals().arrival("A1").reprints()).isEqualTo(1);
        }
    }

    @Test
    void cancellingAJobAlsoStopsAnOlderWaitingOneForTheSamePerson() throws Exception {
        try (FakeZebra zebra = new FakeZebra();
                Station s = open()) {
            String printer = "zebra://127.0.0.1:" + zebra.port();
            zebra.paperOut = true;
            PrintOutcome first = Badges.print(s, "A1", printer, "thermal-4x3");
            PrintOutcome second = Badges.reprint(s, "A1", printer, "thermal-4x3", "damaged");
            // the reprint superseded the first; cancel the reprint: nothing of A1's waits any more
            PrintOutcome cancelled =
                    s.printing().cancel(Actor.cli(), second.job().id());
            assertThat(cancelled.result()).isEqualTo(PrintOutcome.Result.CANCELLED);
            assertThat(s.printing().jobs())
                    .allSatisfy(j -> assertThat(j.state().waiting()).isFalse());
            zebra.paperOut = false;
            Thread.sleep(2500);
            assertThat(zebra.jobs).isEmpty();
            assertThat(s.printing().cancel(Actor.cli(), first.job().id()).result())
                    .isEqualTo(PrintOutcome.Result.NOT_WAITING);
            // with nothing live, a first badge may be asked for again
            assertThat(s.printing().withoutBadge(List.of("A1", "B2"))).containsExactly("A1", "B2");
        }
    }

    @Test
    void aCheckInAtADeskWhosePrinterDoesNotAnswerIsRecordedWithoutWaitingForIt() throws Exception {
        try (FakeZebra zebra = new FakeZebra();
                Station s = open()) {
            zebra.silent = true; // takes the connection, never answers: each attempt waits out its two seconds
            s.printing()
                    .choose(Actor.cli(), new PrintService.Target("zebra://127.0.0.1:" + zebra.port(), "thermal-4x3"))
                    .get(10, TimeUnit.SECONDS);
            CheckInResult r = s.checkIns().checkInAndPrint(Actor.desk(), "A1");
            assertThat(r.outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
            assertThat(r.badge().result()).isEqualTo(PrintOutcome.Result.QUEUED);
            assertThat(s.printing().job(r.badge().job().id()).orElseThrow().attempts())
                    .as("the check-in answered before the printer was even tried")
                    .isZero();
            assertThat(s.arrivals().arrival("A1").checkedIn()).isTrue();
            PrintJob failed = s.printing().attempt(r.badge().job().id()).get(20, TimeUnit.SECONDS);
            assertThat(failed.problem()).isEqualTo(PrinterState.Condition.UNREACHABLE);
        }
    }

    @Test
    void aJobCutOffWhileSendingIsNotSentAgainByItself() throws Exception {
        try (FakeZebra zebra = new FakeZebra()) {
            String printer = "zebra://127.0.0.1:" + zebra.port();
            long id;
            try (Station s = open()) {
                PrintJob job = new PrintQueue(s.store(), Clock.systemUTC()).add("A1", printer, "thermal-4x3", null);
                id = job.id();
                assertThat(new PrintQueue(s.store(), Clock.systemUTC()).claim(id))
                        .isTrue(); // as if killed now
            }
            try (Station s = open()) {
                s.printing().start();
                Thread.sleep(1500);
                PrintJob j = s.printing().job(id).orElseThrow();
                assertThat(j.interrupted()).isTrue();
                assertThat(zebra.jobs).isEmpty();
                assertThat(Badges.retry(s, id).result()).isEqualTo(PrintOutcome.Result.HANDED_OVER);
                assertThat(zebra.jobs).hasSize(1);
            }
        }
    }

    @Test
    void onlyASupervisorReprintsRetriesOrCancelsAndAnAttendeeGetsOneFirstBadge() throws Exception {
        try (FakeZebra zebra = new FakeZebra();
                Station s = open()) {
            var to = new PrintService.Target("zebra://127.0.0.1:" + zebra.port(), "thermal-4x3");
            Actor attendee = Actor.selfService();
            Actor volunteer = Actor.desk();
            assertThat(s.printing().reprint(attendee, "A1", "lost", to).result())
                    .isEqualTo(PrintOutcome.Result.NOT_ALLOWED);
            assertThat(s.printing().reprint(volunteer, "A1", "lost", to).result())
                    .isEqualTo(PrintOutcome.Result.NOT_ALLOWED);
            PrintOutcome first = s.printing().print(attendee, "A1", to);
            assertThat(first.result()).isEqualTo(PrintOutcome.Result.QUEUED);
            assertThat(s.printing().print(attendee, "A1", to).result())
                    .isEqualTo(PrintOutcome.Result.ALREADY_HAS_BADGE);
            assertThat(s.printing().retry(volunteer, first.job().id()).result())
                    .isEqualTo(PrintOutcome.Result.NOT_ALLOWED);
            assertThat(s.printing().cancel(attendee, first.job().id()).result())
                    .isEqualTo(PrintOutcome.Result.NOT_ALLOWED);
            assertThat(s.printing()
                            .reprint(volunteer.as(Role.SUPERVISOR), "A1", " ", to)
                            .result())
                    .isEqualTo(PrintOutcome.Result.NEEDS_REASON);
            assertThat(s.printing()
                            .print(attendee, "B2", new PrintService.Target(null, null))
                            .result())
                    .isEqualTo(PrintOutcome.Result.NO_PRINTER);
            assertThat(s.audit().all())
                    .extracting(e -> e.actor() + " " + e.action())
                    .containsExactly("attendee print");
        }
    }
}
