package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** A hub serving plain HTTP on loopback ({@code --insecure-http}). */
    static Process startHub(Path hubHome, int port) throws IOException {
        return startHub(hubHome, port, true);
    }

    /** A hub as an organizer runs it: HTTPS with its own certificate, unless {@code insecure}. */
    static Process startHub(Path hubHome, int port, boolean insecure) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(
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
                "127.0.0.1"));
        if (insecure) {
            cmd.add("--insecure-http");
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Reads the hub's first line; the rest of its output is drained so it never blocks. */
    static int portOf(Process hub) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("Hub listening on port (\\d+)");
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

    private static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArrivalsCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /**
     * The issue's end-to-end path: a hub serving HTTPS with the certificate it made, a station set up
     * from its set-up code, syncing over TLS with the fingerprint pinned; then a hub with another
     * certificate at the same address is refused (exit 7), and a revoked token is refused at once while
     * the hub runs (exit 7).
     */
    @Test
    void aStationJoinedWithItsSetUpCodeSyncsOverTlsWithTheCertificatePinned() throws Exception {
        Path hubHome = dir.resolve("hub");
        Path roster = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        assertThat(cli("hub", "import", roster.toString(), "--home", hubHome.toString())
                        .exit())
                .isZero();
        CliRun fingerprint = cli("hub", "fingerprint", "--home", hubHome.toString());
        assertThat(fingerprint.exit()).isZero();
        assertThat(fingerprint.out()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}\\R");

        Process hub = startHub(hubHome, 0, false);
        try {
            int port = portOf(hub);
            String url = "https://127.0.0.1:" + port;
            CliRun added =
                    cli("hub", "add-station", "desk-7", "--setup-code", "--url", url, "--home", hubHome.toString());
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).startsWith("ARRIVALS-SETUP:").matches("ARRIVALS-SETUP:[A-Z2-7]+\\R");
            String code = added.out().strip();
            assertThat(code.length()).as("one small QR code").isLessThan(400);

            String station = dir.resolve("station").toString();
            CliRun other = cli("--home", station, "--station", "desk-9", "join", code);
            assertThat(other.exit()).isEqualTo(ArrivalsCommand.NOTHING_DONE);
            assertThat(other.out()).contains("desk-7");
            CliRun joined = cli("--home", station, "join", code);
            assertThat(joined.exit()).as(joined.out() + joined.err()).isZero();
            assertThat(joined.out())
                    .contains("desk-7")
                    .contains(fingerprint.out().strip());
            assertThat(Files.readString(Path.of(station, "station.properties")))
                    .as("the token and the fingerprint are in the encrypted data, not in station.properties")
                    .doesNotContain(code.substring(20, 40))
                    .doesNotContain("hub.token=")
                    .contains("station.id=desk-7");

            CliRun first = cli("--home", station, "sync", "--once", "--json");
            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            assertThat(first.out()).contains("\"rosterRows\":6");
            assertThat(cli("--home", station, "checkin", "1001").exit()).isZero();
            CliRun synced = cli("--home", station, "sync", "--once", "--json");
            assertThat(synced.exit()).isZero();
            assertThat(synced.out()).contains("\"pushed\":1").contains("\"pending\":0");
            assertThat(cli("--home", station, "--station", "desk-9", "stats").err())
                    .contains("joined its hub as desk-7");

            // the same address, another certificate: refused before anything is sent
            hub.destroy();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Path impostorHome = dir.resolve("impostor");
            Process impostor = startHub(impostorHome, port, false);
            try {
                assertThat(portOf(impostor)).isEqualTo(port);
                assertThat(cli("--home", station, "checkin", "1002").exit()).isZero();
                CliRun refused = cli("--home", station, "sync", "--once");
                assertThat(refused.exit()).isEqualTo(7);
                assertThat(refused.out()).contains("certificate other than the one this station pinned");
            } finally {
                impostor.destroy();
                assertThat(impostor.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            // revoked by another process while the hub runs: refused on the next call
            hub = startHub(hubHome, port, false);
            assertThat(portOf(hub)).isEqualTo(port);
            assertThat(cli("--home", station, "sync", "--once").exit()).isZero();
            assertThat(cli("hub", "revoke", "desk-7", "--home", hubHome.toString())
                            .exit())
                    .isZero();
            CliRun revoked = cli("--home", station, "sync", "--once");
            assertThat(revoked.exit()).isEqualTo(7);
            assertThat(revoked.out()).contains("HTTP 401");
            CliRun list = cli("hub", "stations", "--json", "--home", hubHome.toString());
            assertThat(list.out()).contains("\"name\":\"desk-7\"").contains("\"revoked\":true");
        } finally {
            hub.destroy();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void plainHttpIsServedOnLoopbackOnlyAndStationsRefuseItToAnotherMachine() throws Exception {
        CliRun open = cli(
                "hub",
                "--insecure-http",
                "--bind",
                "0.0.0.0",
                "--home",
                dir.resolve("h").toString());
        assertThat(open.exit()).isNotZero();
        assertThat(open.err()).contains("loopback");
        CliRun far = cli(
                "--home",
                dir.resolve("s").toString(),
                "sync",
                "--once",
                "--hub",
                "http://192.0.2.10:8480",
                "--token",
                "t");
        assertThat(far.exit()).isNotZero();
        assertThat(far.err()).contains("plain http to another machine");
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
            Files.createDirectories(Path.of(station));
            Files.writeString(Path.of(station, "station.properties"), "station.id=desk-1\n", StandardCharsets.UTF_8);
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
