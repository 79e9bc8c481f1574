package org.arrivals.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.arrivals.audit.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffPinRolesTest {
    @TempDir
    Path home;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T08:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    @Test
    void eachRoleHasItsOwnPinAndAnAdminPinOpensWhatASupervisorPinDoes() {
        StaffPin.set(home, Role.SUPERVISOR, "2468");
        StaffPin.set(home, Role.ADMIN, "97531");
        StaffPin pins = StaffPin.load(home, Clock.systemUTC());

        assertThat(pins.check("2468", Role.SUPERVISOR)).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
        assertThat(pins.check("97531", Role.SUPERVISOR)).isEqualTo(new StaffPin.Check.Accepted(Role.ADMIN));
        assertThat(pins.check("97531", Role.ADMIN)).isEqualTo(new StaffPin.Check.Accepted(Role.ADMIN));
        // the supervisor's PIN does not open an admin action
        assertThat(pins.check("2468", Role.ADMIN)).isInstanceOf(StaffPin.Check.Refused.class);
    }

    @Test
    void onlySaltedPbkdf2HashesAreStored() throws Exception {
        StaffPin.set(home, Role.SUPERVISOR, "2468");
        StaffPin.set(home, Role.ADMIN, "97531");
        String file = Files.readString(home.resolve("station.properties"));
        assertThat(file)
                .doesNotContain("2468")
                .doesNotContain("97531")
                .contains("staff.pin=pbkdf2-sha256$")
                .contains("staff.pin.admin=pbkdf2-sha256$");
        StaffPin.set(home, Role.ADMIN, "97531");
        assertThat(Files.readString(home.resolve("station.properties"))).isNotEqualTo(file); // a fresh salt
        assertThatThrownBy(() -> StaffPin.set(home, Role.VOLUNTEER, "1111")).hasMessageContaining("Volunteers");
    }

    @Test
    void fiveWrongPinsLockTheGateForLongerEachTime() {
        StaffPin.set(home, Role.SUPERVISOR, "2468");
        HandClock clock = new HandClock();
        StaffPin pins = StaffPin.load(home, clock);
        for (int i = 4; i >= 1; i--) {
            assertThat(pins.check("0000")).isEqualTo(new StaffPin.Check.Refused(i));
        }
        assertThat(pins.check("0000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(30)));
        // while locked even the right PIN is not looked at
        assertThat(pins.check("2468")).isInstanceOf(StaffPin.Check.Locked.class);
        clock.advance(Duration.ofSeconds(31));
        assertThat(pins.check("0000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(61));
        assertThat(pins.check("0000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(120)));
        clock.advance(Duration.ofSeconds(121));
        assertThat(pins.check("2468")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
    }

    @Test
    void theOldSingleStaffPinIsTheSupervisors() throws Exception {
        Files.writeString(
                home.resolve("station.properties"), "station.id=desk-1\nstaff.pin=" + StaffPin.hash("1234") + "\n");
        StaffPin pins = StaffPin.load(home, Clock.systemUTC());
        assertThat(pins.isSet(Role.SUPERVISOR)).isTrue();
        assertThat(pins.isSet(Role.ADMIN)).isFalse();
        assertThat(pins.check("1234")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
    }

    @Test
    void aLockoutOutlivesARestartAndANewPinLiftsIt() throws Exception {
        StaffPin.set(home, Role.SUPERVISOR, "2468");
        HandClock clock = new HandClock();
        StaffPin pins = StaffPin.load(home, clock);
        for (int i = 0; i < 4; i++) {
            pins.check("0000");
        }
        // restarting between tries does not give five fresh ones
        StaffPin restarted = StaffPin.load(home, clock);
        assertThat(restarted.check("0000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(30)));
        StaffPin again = StaffPin.load(home, clock);
        assertThat(again.check("2468")).isInstanceOf(StaffPin.Check.Locked.class);
        clock.advance(Duration.ofSeconds(31));
        assertThat(StaffPin.load(home, clock).check("0000"))
                .isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(60)));

        // a state file someone broke keeps the gate closed rather than open
        Files.writeString(home.resolve(StaffPin.STATE_FILE), "failures=banana\n");
        assertThat(StaffPin.load(home, clock).check("2468")).isInstanceOf(StaffPin.Check.Locked.class);
        // so does one a power cut left empty
        Files.writeString(home.resolve(StaffPin.STATE_FILE), "");
        assertThat(StaffPin.load(home, clock).check("2468")).isInstanceOf(StaffPin.Check.Locked.class);

        // whoever holds the station key sets a new PIN, which lifts the lockout
        StaffPin.set(home, Role.SUPERVISOR, "1357");
        StaffPin fresh = StaffPin.load(home, clock);
        assertThat(fresh.check("1357")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
        assertThat(home.resolve(StaffPin.STATE_FILE)).doesNotExist();
    }
}
