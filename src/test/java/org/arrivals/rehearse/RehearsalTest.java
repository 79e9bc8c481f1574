package org.arrivals.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small morning (2 desks, 1 kiosk, 120 arrivals, every fault once) with the real parts, each
 * station in its own process: every check of the report passes.
 */
class RehearsalTest {
    @TempDir
    Path dir;

    @Test
    void aSmallMorningWithEveryFaultPassesEveryCheck() throws Exception {
        Path out = dir.resolve("rehearsal");
        boolean passed = Rehearsal.rehearse(
                "--desks", "2", "--kiosks", "1", "--people", "120", "--speed", "30", "--out", out.toString());
        JsonNode report =
                new ObjectMapper().readTree(out.resolve("rehearsal.json").toFile());
        for (JsonNode check : report.get("checks")) {
            assertThat(check.get("passed").asBoolean())
                    .as(check.get("name").asText() + ": " + check.get("detail").asText())
                    .isTrue();
        }
        assertThat(report.get("checks"))
                .extracting(c -> c.get("name").asText())
                .contains(
                        "recorded-once",
                        "one-first-badge",
                        "arrived-count-agrees",
                        "no-double-admission-online",
                        "converged");
        assertThat(report.get("faults")).hasSize(3);
        assertThat(passed).isTrue();
    }
}
