package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.arrivals.print.FakeBrother;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `arrivals print` to a Brother QL and to a pool of printers, as an operator types it. */
class PrinterPoolCliTest {
    @TempDir
    Path dir;

    private String home() {
        return dir.resolve("home").toString();
    }

    @Test
    void aBrotherWithTheWrongRollExitsSixAndAPoolPrintsOnTheOtherPrinterAndTheQueueSaysWhich() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        CliRun.of("--home", home(), "import", file.toString());
        try (FakeBrother first = new FakeBrother().continuous(29);
                FakeBrother second = new FakeBrother().dieCut(62, 100)) {
            CliRun wrong = CliRun.of(
                    "--home",
                    home(),
                    "print",
                    "1002",
                    "--printer",
                    first.setting(),
                    "--template",
                    "brother-62x100",
                    "--json");
            assertThat(wrong.exit()).as(wrong.err()).isEqualTo(6);
            assertThat(wrong.json().get("error").asText()).contains("do not fit this badge");
            assertThat(wrong.json().get("problem").asText()).isEqualTo("WRONG_LABELS");
            assertThat(first.printed).isEmpty();

            String pool = first.setting() + "," + second.setting();
            CliRun p = CliRun.of(
                    "--home", home(), "print", "1003", "--printer", pool, "--template", "brother-62x100", "--json");
            assertThat(p.exit()).as(p.err()).isZero();
            assertThat(p.json().get("state").asText()).isEqualTo("done");
            assertThat(p.json().get("printer").asText()).isEqualTo(second.setting());
            assertThat(second.printed).hasSize(1);

            JsonNode queue = CliRun.of("--home", home(), "queue", "--json").json();
            assertThat(queue).hasSize(2);
            for (JsonNode job : queue) {
                assertThat(job.fieldNames())
                        .toIterable()
                        .contains("id", "code", "printer", "state", "attempts", "error");
            }
            assertThat(queue.get(0).get("printer").asText()).isEqualTo(first.setting());
            assertThat(queue.get(0).get("state").asText()).isEqualTo("failed");
            assertThat(queue.get(1).get("code").asText()).isEqualTo("1003");
            assertThat(queue.get(1).get("printer").asText())
                    .as("the printer that printed it")
                    .isEqualTo(second.setting());
            assertThat(queue.get(1).get("error").isNull()).isTrue();
        }
    }
}
