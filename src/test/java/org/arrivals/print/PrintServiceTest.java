package org.arrivals.print;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.station.Station;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintServiceTest {
    @TempDir
    Path dir;

    @Test
    void aFailedJobIsRetriedAfterItsWaitAndSurvivesARestart() throws Exception {
        try (FakeZebra zebra = new FakeZebra()) {
            String printer = "zebra://127.0.0.1:" + zebra.port();
            long jobId;
            try (Station s = Station.open(dir.resolve("home"), "test", "desk-1", TestStore.CLOCK)) {
                s.importer()
                        .importFile(
                                Files2.write(
                                        dir, "r.csv", crlf("code,first_name", "A1,Ana"), StandardCharsets.UTF_8, false),
                                RosterImporter.Options.defaults());
                zebra.paperOut = true;
                PrintService.Outcome o = s.printing().print("A1", printer, "thermal-4x3");
                assertThat(o.job().state()).isEqualTo(PrintJob.State.FAILED);
                assertThat(o.message()).contains("out of labels");
                jobId = o.job().id();
            }
            zebra.paperOut = false;
            try (Station s = Station.open(dir.resolve("home"), "test", "desk-1", TestStore.CLOCK)) {
                Instant failedAt = TestStore.CLOCK.instant();
                assertThat(s.printing().retryDue(failedAt.plusSeconds(1)))
                        .as("still waiting")
                        .isEmpty();
                var retried = s.printing().retryDue(failedAt.plusSeconds(2));
                assertThat(retried).singleElement().satisfies(r -> {
                    assertThat(r.job().id()).isEqualTo(jobId);
                    assertThat(r.job().state()).isEqualTo(PrintJob.State.DONE);
                    assertThat(r.job().attempts()).isEqualTo(2);
                });
                assertThat(s.printing().retryDue(failedAt.plusSeconds(600)))
                        .as("done jobs are not resent")
                        .isEmpty();
                for (int i = 0; i < 100 && zebra.jobs.isEmpty(); i++) {
                    Thread.sleep(20);
                }
                assertThat(zebra.jobs).hasSize(1);
                assertThat(s.checkIns().arrival("A1").badgesPrinted()).isEqualTo(1);
            }
        }
    }
}
