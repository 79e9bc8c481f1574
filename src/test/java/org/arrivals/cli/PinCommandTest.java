package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting a PIN (which also lifts a lockout) needs the station key, and the audit log records it. */
class PinCommandTest {
    @TempDir
    Path dir;

    private CliRun withStdin(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void aPinIsSetOnlyWithTheStationKeyAndIsAudited() throws Exception {
        Path home = dir.resolve("home");
        try (Station s = Station.open(home, "default", Clock.systemUTC())) {
            s.roster().importDemo(Actor.cli(), 10, 1).report();
        }
        Path wrongKey = Files.writeString(dir.resolve("wrong.key"), "not-this-station-key\n");
        CliRun refused = withStdin(
                "975310\n",
                "--home",
                home.toString(),
                "--key-file",
                wrongKey.toString(),
                "pin",
                "set",
                "--role",
                "admin");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("station key is wrong");
        assertThat(Files.readString(home.resolve("station.properties"))).doesNotContain("staff.pin.admin");
        assertThat(StaffPin.load(home, Clock.systemUTC()).isSet(Role.ADMIN)).isFalse();

        // set while a kiosk has the event open (as when a lockout is lifted on the morning): the key is
        // checked against the key-check file, and the audit log gets the entry at the next open
        try (Station kiosk = Station.open(home, "default", Clock.systemUTC())) {
            CliRun set = withStdin("975310\n", "--home", home.toString(), "pin", "set", "--role", "admin");
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(set.out()).contains("The admin PIN is set.");
        }
        // the verifier is sealed under the station key, never in station.properties
        assertThat(Files.readString(home.resolve("station.properties"))).doesNotContain("staff.pin");
        assertThat(home.resolve(StaffPin.FILE)).exists();
        assertThat(Files.readString(home.resolve(StaffPin.FILE))).doesNotContain("pbkdf2-sha256$");
        StaffPin pins = StaffPin.load(home, Clock.systemUTC());
        assertThat(pins.isSet(Role.ADMIN)).isTrue();
        assertThat(pins.check("975310", Role.ADMIN)).isEqualTo(new StaffPin.Check.Accepted(Role.ADMIN));
        try (Station s = Station.open(home, "default", Clock.systemUTC())) {
            assertThat(s.audit().all()).anySatisfy(e -> {
                assertThat(e.actor()).isEqualTo("cli");
                assertThat(e.action()).isEqualTo("pin set");
                assertThat(e.detail()).startsWith("role admin; at ");
            });
        }
        assertThat(home.resolve("audit.pending")).doesNotExist();
    }
}
