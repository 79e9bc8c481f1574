package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.station.HubHost;
import org.arrivals.sync.FaultyProxy;
import org.arrivals.sync.HubException;
import org.arrivals.sync.TestStation;
import org.arrivals.sync.protocol.WireEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub process is killed with SIGKILL while a station pushes its outbox in batches. After the
 * hub starts again on the same database, one more sync leaves the hub with every event exactly
 * once. Size: {@code -Darrivals.kill.checkins} (default 3,000: three batches).
 */
class HubKillTest {
    @TempDir
    Path dir;

    @Test
    void aHubKilledMidPushLosesAndDoublesNothing() throws Exception {
        int checkIns = Integer.getInteger("arrivals.kill.checkins", 3000);
        Path hubHome = dir.resolve("hub");
        Path roster = dir.resolve("roster.csv");
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(roster), StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, 21, checkIns * 3 / 2);
        }
        StringWriter token = new StringWriter();
        assertThat(ArrivalsCommand.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()),
                        "hub",
                        "import",
                        roster.toString(),
                        "--home",
                        hubHome.toString()))
                .isZero();
        ArrivalsCommand.run(
                new PrintWriter(token, true),
                new PrintWriter(new StringWriter()),
                "hub",
                "add-station",
                "desk-1",
                "--home",
                hubHome.toString());

        Process hub = HubProcessTest.startHub(hubHome, 0);
        try (FaultyProxy proxy = new FaultyProxy(HubProcessTest.portOf(hub));
                TestStation station = new TestStation(
                        dir.resolve("station"),
                        "desk-1",
                        Clock.systemUTC(),
                        proxy.uri(),
                        token.toString().strip(),
                        java.time.Duration.ofSeconds(20))) {
            station.syncOnce();
            List<String> codes = station.station.attendees().all().stream()
                    .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                    .map(Attendee::code)
                    .limit(checkIns)
                    .toList();
            codes.forEach(c -> station.station.log().checkIn(c, null));
            int recorded = station.station.outbox().pendingCount();
            assertThat(recorded).isEqualTo(codes.size());

            CompletableFuture<Boolean> pushing = CompletableFuture.supplyAsync(() -> {
                try {
                    station.syncOnce();
                    return true;
                } catch (HubException e) {
                    return false;
                }
            });
            while (station.station.outbox().pendingCount() == recorded && !pushing.isDone()) {
                Thread.sleep(1);
            }
            hub.destroyForcibly();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(hub.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            assertThat(pushing.get(60, TimeUnit.SECONDS))
                    .as("the kill cut the sync short")
                    .isFalse();
            assertThat(station.station.outbox().pendingCount())
                    .as("some batches acknowledged, not all")
                    .isBetween(1, recorded - 1);

            hub = HubProcessTest.startHub(hubHome, 0);
            proxy.target(HubProcessTest.portOf(hub));
            station.syncOnce();
            assertThat(station.station.outbox().pendingCount()).isZero();
            Set<UUID> atStation = station.eventIds();
            hub.destroy();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (HubHost host = HubHost.open(hubHome, null, Clock.systemUTC())) {
                assertThat(host.store().eventCount()).as("each event once").isEqualTo(recorded);
                Set<UUID> atHub = new HashSet<>();
                long cursor = 0;
                for (boolean more = true; more; ) {
                    var page = host.store().pull(cursor, 2000);
                    page.events().stream().map(WireEvent::id).forEach(atHub::add);
                    cursor = page.cursor();
                    more = page.more();
                }
                assertThat(atHub).isEqualTo(atStation);
            }
        } finally {
            hub.destroyForcibly();
        }
    }
}
