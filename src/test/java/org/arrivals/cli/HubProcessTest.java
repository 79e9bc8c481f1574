package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arrivals hub} as its own process, as an organizer runs it: while it serves, another
 * process registers a station on its database, and a station syncs through its port.
 */
class HubProcessTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, String... args) {
        return ArrivalsCommand.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    }

    static Process startHub(Path hubHome, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.arrivals.Main",
                        "hub",
                        "--home",
                        hubHome.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1"))
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the hub's first line; the rest of its output is drained so it never blocks. */
    static int portOf(Process hub) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("Hub listening on port (\\d+)\\.");
        int port = -1;
        for (String line; port < 0 && (line = lines.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertThat(port).as("the hub said where it listens").isPositive();
        Thread drain = new Thread(() -> {
            try {
                while (lines.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the hub is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return port;
    }

    @Test
    void aRunningHubTakesANewStationAndItsCheckIns() throws Exception {
        Path hubHome = dir.resolve("hub");
        Path roster = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        assertThat(run(new StringWriter(), "hub", "import", roster.toString(), "--home", hubHome.toString()))
                .isZero();

        Process hub = startHub(hubHome, 0);
        try {
            int port = portOf(hub);

            StringWriter token = new StringWriter();
            assertThat(run(token, "hub", "add-station", "desk-1", "--home", hubHome.toString()))
                    .as("registering while the hub holds its database")
                    .isZero();
            assertThat(token.toString()).matches("[A-Za-z0-9_-]{43}\\R");

            String station = dir.resolve("station").toString();
            String url = "http://127.0.0.1:" + port;
            String t = token.toString().strip();
            assertThat(run(new StringWriter(), "--home", station, "sync", "--once", "--hub", url, "--token", t))
                    .isZero();
            assertThat(run(new StringWriter(), "--home", station, "checkin", "1001"))
                    .isZero();
            StringWriter synced = new StringWriter();
            assertThat(run(synced, "--home", station, "sync", "--once", "--hub", url, "--token", t, "--json"))
                    .isZero();
            assertThat(synced.toString()).contains("\"pushed\":1").contains("\"pending\":0");
        } finally {
            hub.destroy();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
