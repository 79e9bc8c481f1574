package org.arrivals.print;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * This machine's CUPS, as the spooler tests use it: commands run with their output swallowed, and
 * a missing part (scheduler, driver, locale, rights) said loudly; on CI a missing part fails the
 * test instead of skipping it, since {@code ./scripts/test} installs every part.
 */
final class CupsHost {
    private CupsHost() {}

    /** Stops the test class unless the CUPS scheduler answers. */
    static void requireScheduler(String tests) {
        String running = SpoolerPrinter.lpstat("-r");
        if (running == null || !running.contains("is running")) {
            unavailable(tests, "the CUPS scheduler is not running (lpstat -r: " + running + ")");
        }
    }

    /** Says why these tests do not run: skipped here, failed on CI. */
    static void unavailable(String tests, String why) {
        String message = tests + " NOT RUN: " + why + ". Run ./scripts/test, which installs and starts them.";
        System.err.println(message);
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** Runs a command to its end (at most 20 seconds) and answers its exit code, -1 when it hung. */
    static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /** Runs a command and answers what it printed. */
    static String output(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }
}
