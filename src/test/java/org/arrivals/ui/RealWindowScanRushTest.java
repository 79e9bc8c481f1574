package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans typed into the real desk window at a USB scanner's speed, with the CPU loaded: exactly the
 * scanned people are checked in. CI runs {@code arrivals.rush.scans} (default 12) scans;
 * {@code ./scripts/bench desk} runs 40 and reports scans lost and wrong.
 */
class RealWindowScanRushTest {
    @TempDir
    Path dir;

    @Test
    void everyScanChecksInExactlyItsPersonUnderLoad() throws Exception {
        String missing = ScanRush.missing();
        if (missing != null) {
            String message = "REAL-WINDOW SCAN RUSH NOT RUN: " + missing + " is not installed. Run ./scripts/test, "
                    + "which installs it.";
            System.err.println(message);
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        int scans = Integer.getInteger("arrivals.rush.scans", 12);
        ScanRush.Result r = ScanRush.run(dir, scans, 2, 800);
        System.err.printf(
                "Scan rush: %d scans, %d lost, %d wrong, %d ms%n",
                r.scans(), r.lost().size(), r.wrong().size(), r.millis());
        Files.copy(
                dir.resolve("kiosk.log"),
                Path.of("target", "scan-rush-kiosk.log"),
                StandardCopyOption.REPLACE_EXISTING);
        if (!r.lost().isEmpty() || !r.wrong().isEmpty()) {
            System.err.println("lost " + r.lost() + ", wrong " + r.wrong() + "; the kiosk's log:\n"
                    + Files.readString(dir.resolve("kiosk.log")));
        }
        assertThat(r.lost()).as("scanned but not checked in").isEmpty();
        assertThat(r.wrong()).as("checked in but never scanned").isEmpty();
        assertThat(r.arrived()).hasSize(r.scans());
    }
}
