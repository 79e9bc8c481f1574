package org.arrivals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.station.ConfigCheck;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.sync.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub token written in station.properties (the kiosk set-up writes it there, before anyone has
 * the key) moves into the encrypted database the first time the station opens, and sync still
 * uses it: a stolen laptop's files hold no token to pull the list from the hub with.
 */
class SealedHubTokenTest {
    @TempDir
    Path dir;

    @Test
    void theHubTokenLeavesStationPropertiesForTheEncryptedDatabaseAndSyncStillUsesIt() throws Exception {
        Path home = dir.resolve("home");
        try (TestHub hub = TestHub.h2(dir)) {
            hub.importDemoRoster(7, 20);
            String token = hub.token("desk-1");
            StationFile.set(
                    home, Map.of("station.id", "desk-1", "hub.url", hub.direct().toString(), "hub.token", token));

            try (Station s = Station.open(home, "default", Clock.systemUTC())) {
                assertThat(s.sync().syncOnce().rosterRows()).isEqualTo(20);
            }
            String settings = Files.readString(home.resolve("station.properties"));
            assertThat(settings).doesNotContain(token).contains("hub.token.sealed=default");
            assertThat(filesHolding(home, token))
                    .as("no file under the data folder holds the token")
                    .isEmpty();
            assertThat(ConfigCheck.run(home, Path.of("kiosk-config")))
                    .noneMatch(f -> f.severity() == ConfigCheck.Severity.ERROR);

            // the next start syncs with the sealed token: a check-in reaches the hub
            try (Station s = Station.open(home, "default", Clock.systemUTC())) {
                String code = s.attendees().all().stream()
                        .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                        .findFirst()
                        .orElseThrow()
                        .code();
                assertThat(s.log().checkIn(code, null).recorded()).isTrue();
                var report = s.sync().syncOnce();
                assertThat(report.pushed()).as(report + " " + s.sync().status()).isEqualTo(1);
                assertThat(report.pending()).isZero();
            }
            assertThat(hub.allEvents()).hasSize(1);

            // a new token written in the file (the old one revoked) replaces the sealed one
            String second = hub.token("desk-1b");
            StationFile.set(home, Map.of("hub.token", second));
            try (Station s = Station.open(home, "default", Clock.systemUTC())) {
                assertThat(s.sync().syncOnce().pending()).isZero();
            }
            assertThat(Files.readString(home.resolve("station.properties"))).doesNotContain(second);
        }
    }

    private static List<Path> filesHolding(Path root, String secret) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
