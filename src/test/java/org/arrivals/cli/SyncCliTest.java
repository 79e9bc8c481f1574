package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.arrivals.station.HubHost;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub and sync commands, as an organizer types them. */
class SyncCliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void addStationPrintsOnlyTheTokenWhetherOrNotTheHubRuns() throws Exception {
        String hubHome = dir.resolve("hub").toString();
        CliRun before = run("hub", "add-station", "desk-1", "--home", hubHome);
        assertThat(before.exit()).isZero();
        assertThat(before.out()).matches("[A-Za-z0-9_-]{43}\\R");

        try (HubHost host = HubHost.open(Path.of(hubHome), null, Clock.systemUTC())) {
            host.serve("127.0.0.1", 0, 2);
            CliRun during = run("hub", "add-station", "desk-2", "--home", hubHome);
            assertThat(during.exit()).as(during.err()).isZero();
            assertThat(during.out()).matches("[A-Za-z0-9_-]{43}\\R").isNotEqualTo(before.out());
        }
        CliRun again = run("hub", "add-station", "desk-1", "--home", hubHome);
        assertThat(again.exit()).isEqualTo(ArrivalsCommand.NOTHING_DONE);
        assertThat(again.err()).contains("already has a station named desk-1");
    }

    @Test
    void syncOnceSendsEverythingAndStatusSaysSo() throws Exception {
        Path hubHome = dir.resolve("hub");
        Path roster = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        assertThat(run("hub", "import", roster.toString(), "--home", hubHome.toString())
                        .exit())
                .isZero();
        String token = run("hub", "add-station", "desk-1", "--home", hubHome.toString())
                .out()
                .strip();
        String station = dir.resolve("station").toString();
        // the station's id is the name its token was given to: a token pushes only its own station's events
        Files.createDirectories(Path.of(station));
        Files.writeString(Path.of(station, "station.properties"), "station.id=desk-1\n", StandardCharsets.UTF_8);

        CliRun alone = run("--home", station, "sync", "--status", "--json");
        assertThat(alone.json().get("configured").asBoolean()).isFalse();

        try (HubHost host = HubHost.open(hubHome, null, Clock.systemUTC())) {
            int port = host.serve("127.0.0.1", 0, 2);
            String url = "http://127.0.0.1:" + port;
            CliRun first = run("--home", station, "sync", "--once", "--hub", url, "--token", token, "--json");
            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            assertThat(first.json().get("rosterRows").asInt()).isEqualTo(6);

            assertThat(run("--home", station, "checkin", "1001").exit()).isZero();
            CliRun wrong = run("--home", station, "sync", "--once", "--hub", url, "--token", "forged");
            assertThat(wrong.exit()).isEqualTo(7);
            assertThat(wrong.out()).contains("refused").contains("1 events wait");

            // from the configuration this time
            Files.writeString(
                    Path.of(station, "station.properties"),
                    "\nhub.url=" + url + "\nhub.token=" + token + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            CliRun once = run("--home", station, "sync", "--once", "--json");
            assertThat(once.exit()).as(once.out() + once.err()).isZero();
            assertThat(once.json().get("pushed").asInt()).isEqualTo(1);
            assertThat(once.json().get("pending").asInt()).isZero();

            CliRun status = run("--home", station, "sync", "--status", "--json");
            assertThat(status.json().get("online").asBoolean()).isTrue();
            assertThat(status.json().get("pending").asInt()).isZero();
            assertThat(status.json().get("lastSync").isNull()).isFalse();
            assertThat(host.store().eventCount()).isEqualTo(1);
        }
        CliRun offline = run("--home", station, "sync", "--status");
        assertThat(offline.out()).startsWith("Offline; 0 events pending; last sync 20");
        CliRun down = run("--home", station, "sync", "--once");
        assertThat(down.exit()).isEqualTo(6);
    }
}
