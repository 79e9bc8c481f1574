package org.arrivals.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.station.Station;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station with several printers, through a real station and printers on loopback: each badge
 * goes to the first ready printer that is not busy, a printer that runs out of labels mid-rush
 * hands its badges to the other at once, and every badge comes out exactly once, recorded with
 * the printer that printed it.
 */
class PrinterPoolTest {
    @TempDir
    Path dir;

    private Station open(int people) throws Exception {
        Station s = Station.open(dir.resolve("home"), "test", "desk-1", Clock.systemUTC());
        StringBuilder csv = new StringBuilder("code,first_name,last_name\r\n");
        for (int i = 1; i <= people; i++) {
            csv.append("P").append(i).append(",Person,Number ").append(i).append("\r\n");
        }
        s.importer()
                .importFile(
                        Files2.write(dir, "r.csv", csv.toString(), StandardCharsets.UTF_8, false),
                        RosterImporter.Options.defaults());
        return s;
    }

    private static void waitFor(BooleanSupplier done, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 20 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
    }

    private static boolean allSettled(Station s) {
        return s.printing().jobs().stream().noneMatch(j -> j.state().waiting());
    }

    @Test
    void twoBrothersOneRunsOutOfLabelsMidRushAndEveryBadgeComesOutExactlyOnce() throws Exception {
        int people = 24;
        try (FakeBrother a = new FakeBrother().continuous(62);
                FakeBrother b = new FakeBrother().continuous(62);
                Station s = open(people)) {
            a.printMillis = 150;
            b.printMillis = 150;
            String pool = a.setting() + "," + b.setting();
            assertThat(s.printing()
                            .choose(Actor.cli(), new PrintService.Target(pool, "brother-62x100"))
                            .get(20, TimeUnit.SECONDS)
                            .printer()
                            .ready())
                    .isTrue();
            a.labelsLeft = 3; // A's roll ends under the head while it prints its fourth badge
            long t0 = System.nanoTime();
            for (int i = 1; i <= people; i++) {
                assertThat(s.checkIns()
                                .checkInAndPrint(Actor.desk(), "P" + i)
                                .badge()
                                .result())
                        .isEqualTo(PrintOutcome.Result.QUEUED);
            }
            waitFor(() -> allSettled(s), 60);
            System.out.printf("pool of two: %d badges in %.1f s%n", people, (System.nanoTime() - t0) / 1e9);

            List<PrintJob> jobs = s.printing().jobs();
            assertThat(jobs)
                    .hasSize(people)
                    .allSatisfy(j -> assertThat(j.state()).isEqualTo(PrintJob.State.DONE));
            assertThat(a.stopped)
                    .as("A stopped on the badge it was printing when its roll ended")
                    .hasValue(1);
            assertThat(a.printed).hasSize(3);
            assertThat(b.printed.size()).as("both printers shared the rush").isGreaterThan(3);
            // every badge came out exactly once, on the printer its job names
            Map<String, String> printedOn = new HashMap<>();
            List<String> all = new ArrayList<>();
            for (var e : Map.of(a.setting(), a, b.setting(), b).entrySet()) {
                for (FakeBrother.Page page : e.getValue().printed) {
                    String code = s.tokens()
                            .verify(BrotherQlPrinterTest.qrText(page.image()))
                            .orElseThrow();
                    all.add(code);
                    printedOn.put(code, e.getKey());
                }
            }
            assertThat(all).hasSize(people).doesNotHaveDuplicates();
            for (PrintJob j : jobs) {
                assertThat(j.printer()).as(j.attendeeCode()).isEqualTo(printedOn.get(j.attendeeCode()));
                assertThat(j.pool()).isEqualTo(pool);
                assertThat(s.log().arrival(j.attendeeCode()).badgesPrinted()).isEqualTo(1);
            }
            assertThat(jobs)
                    .as("the badge A stopped on was printed by B at once")
                    .anySatisfy(j -> {
                        assertThat(j.attempts()).isGreaterThanOrEqualTo(2);
                        assertThat(j.printer()).isEqualTo(b.setting());
                    });
            assertThat(s.printing().printerStates())
                    .extracting(f -> f.state().condition())
                    .containsExactly(PrinterState.Condition.OUT_OF_LABELS, PrinterState.Condition.READY);
            assertThat(s.printing().printerState().ready())
                    .as("the station can still print")
                    .isTrue();
        }
    }

    @Test
    void aZebraOutOfLabelsIsSkippedUntilItIsReadyAgainAndABadgeNeverWaitsForIt() throws Exception {
        try (FakeZebra first = new FakeZebra();
                FakeZebra second = new FakeZebra();
                Station s = open(6)) {
            String one = "zebra://127.0.0.1:" + first.port();
            String two = "zebra://127.0.0.1:" + second.port();
            first.paperOut = true;
            var pool = new PrintService.Target(one + ", " + two, "thermal-4x3");
            assertThat(pool.printer()).isEqualTo(one + "," + two);
            for (int i = 1; i <= 3; i++) {
                PrintOutcome o = s.printing()
                        .awaitAttempt(s.printing().print(Actor.cli(), "P" + i, pool), Duration.ofSeconds(10));
                assertThat(o.result()).isEqualTo(PrintOutcome.Result.HANDED_OVER);
                assertThat(o.job().printer()).isEqualTo(two);
            }
            assertThat(first.jobs).isEmpty();
            assertThat(second.jobs).hasSize(3);
            first.paperOut = false;
            // the worker's next look at its printers finds the first ready again: badges go there first
            PrinterState again = s.printing().probe(one).get(10, TimeUnit.SECONDS);
            assertThat(again.ready()).isTrue();
            PrintOutcome o =
                    s.printing().awaitAttempt(s.printing().print(Actor.cli(), "P4", pool), Duration.ofSeconds(10));
            assertThat(o.job().printer()).isEqualTo(one);
            assertThat(first.jobs).hasSize(1);
            // both out of labels: the badge waits, failed, and names the printer it tried last
            first.paperOut = true;
            second.paperOut = true;
            PrintOutcome none =
                    s.printing().awaitAttempt(s.printing().print(Actor.cli(), "P5", pool), Duration.ofSeconds(10));
            assertThat(none.result()).isEqualTo(PrintOutcome.Result.NOT_PRINTED);
            assertThat(none.printer().condition()).isEqualTo(PrinterState.Condition.OUT_OF_LABELS);
            second.paperOut = false;
            PrintJob done = s.printing().attempt(none.job().id()).get(20, TimeUnit.SECONDS);
            if (done.state() != PrintJob.State.DONE) {
                done = s.printing().attempt(none.job().id()).get(20, TimeUnit.SECONDS);
            }
            assertThat(done.state()).isEqualTo(PrintJob.State.DONE);
            assertThat(done.printer()).isEqualTo(two);
            assertThat(first.jobs.size() + second.jobs.size()).isEqualTo(5);
        }
    }
}
