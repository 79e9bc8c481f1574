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
        StaffPin.set(home, Role.SUPERVISOR, "246813");
        StaffPin.set(home, Role.ADMIN, "975312");
        StaffPin pins = StaffPin.load(home, Clock.systemUTC());

        assertThat(pins.check("246813", Role.SUPERVISOR)).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
        assertThat(pins.check("975312", Role.SUPERVISOR)).isEqualTo(new StaffPin.Check.Accepted(Role.ADMIN));
        assertThat(pins.check("975312", Role.ADMIN)).isEqualTo(new StaffPin.Check.Accepted(Role.ADMIN));
        // the supervisor's PIN does not open an admin action
        assertThat(pins.check("246813", Role.ADMIN)).isInstanceOf(StaffPin.Check.Refused.class);
    }

    @Test
    void verifiersAreKeptEncryptedUnderTheStationKeyAndNeverInStationProperties() throws Exception {
        StaffPin.set(home, Role.SUPERVISOR, "246813");
        StaffPin.set(home, Role.ADMIN, "975312");
        String sealed = Files.readString(home.resolve(StaffPin.FILE));
        assertThat(sealed).doesNotContain("246813").doesNotContain("975312").doesNotContain("pbkdf2-sha256$");
        assertThat(home.resolve("station.properties"))
                .satisfiesAnyOf(
                        f -> assertThat(f).doesNotExist(),
                        f -> assertThat(Files.readString(f)).doesNotContain("staff.pin"));
        StaffPin.set(home, Role.ADMIN, "975312");
        assertThat(Files.readString(home.resolve(StaffPin.FILE))).isNotEqualTo(sealed); // a fresh salt and nonce
        assertThatThrownBy(() -> StaffPin.set(home, Role.VOLUNTEER, "111111")).hasMessageContaining("Volunteers");
        assertThatThrownBy(() -> StaffPin.set(home, Role.SUPERVISOR, "1234")).hasMessageContaining("6 to 12 digits");
        // another key neither reads the PINs nor sets one
        StationKey other = StationKey.passphrase("not-this-station");
        assertThatThrownBy(() -> StaffPin.load(home, Clock.systemUTC(), other))
                .hasMessageContaining("station key is wrong");
        assertThatThrownBy(() -> StaffPin.set(home, other, Role.ADMIN, "111111"))
                .hasMessageContaining("station key is wrong");
        assertThat(StaffPin.load(home, Clock.systemUTC()).check("975312", Role.ADMIN))
                .isEqualTo(new StaffPin.Check.Accepted(Role.ADMIN));
    }

    @Test
    void fiveWrongPinsLockTheGateForLongerEachTime() {
        StaffPin.set(home, Role.SUPERVISOR, "246813");
        HandClock clock = new HandClock();
        StaffPin pins = StaffPin.load(home, clock);
        for (int i = 4; i >= 1; i--) {
            assertThat(pins.check("000000")).isEqualTo(new StaffPin.Check.Refused(i));
        }
        assertThat(pins.check("000000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(30)));
        // while locked even the right PIN is not looked at
        assertThat(pins.check("246813")).isInstanceOf(StaffPin.Check.Locked.class);
        clock.advance(Duration.ofSeconds(31));
        assertThat(pins.check("000000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(61));
        assertThat(pins.check("000000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(120)));
        clock.advance(Duration.ofSeconds(121));
        assertThat(pins.check("246813")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
    }

    @Test
    void theOldSingleStaffPinIsTheSupervisorsAndMovesOutOfStationProperties() throws Exception {
        Files.writeString(
                home.resolve("station.properties"), "station.id=desk-1\nstaff.pin=" + StaffPin.hash("123456") + "\n");
        StaffPin pins = StaffPin.load(home, Clock.systemUTC());
        assertThat(Files.readString(home.resolve("station.properties"))).doesNotContain("staff.pin");
        assertThat(pins.isSet(Role.SUPERVISOR)).isTrue();
        assertThat(pins.isSet(Role.ADMIN)).isFalse();
        assertThat(pins.check("123456")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
    }

    @Test
    void pinsWhoseKeyWasPreparedAtStartOpenAsBefore() throws Exception {
        // no PIN file yet, an old PIN in station.properties: unlocking moves it into a new file,
        // sealed under the key prepared (with its salt) beside the start
        Files.writeString(
                home.resolve("station.properties"), "station.id=desk-1\nstaff.pin=" + StaffPin.hash("123456") + "\n");
        StationKey key = StationKey.fromEnvironment();
        StaffPin.prepare(home, key);
        StaffPin pins = StaffPin.locked(home, Clock.systemUTC());
        pins.unlock(key);
        assertThat(pins.check("123456")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
        // a start finding the file: the same key, prepared again, opens it
        StaffPin.prepare(home, key);
        StaffPin again = StaffPin.locked(home, Clock.systemUTC());
        again.unlock(key);
        assertThat(again.check("123456")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
        assertThat(StaffPin.load(home, Clock.systemUTC(), key).check("123456"))
                .isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
        // and a wrong key is still refused
        assertThatThrownBy(() -> StaffPin.locked(home, Clock.systemUTC())
                        .unlock(StationKey.passphrase("not the station key".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLockoutOutlivesARestartAndANewPinLiftsIt() throws Exception {
        StaffPin.set(home, Role.SUPERVISOR, "246813");
        HandClock clock = new HandClock();
        StaffPin pins = StaffPin.load(home, clock);
        for (int i = 0; i < 4; i++) {
            pins.check("000000");
        }
        // restarting between tries does not give five fresh ones
        StaffPin restarted = StaffPin.load(home, clock);
        assertThat(restarted.check("000000")).isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(30)));
        StaffPin again = StaffPin.load(home, clock);
        assertThat(again.check("246813")).isInstanceOf(StaffPin.Check.Locked.class);
        clock.advance(Duration.ofSeconds(31));
        assertThat(StaffPin.load(home, clock).check("000000"))
                .isEqualTo(new StaffPin.Check.Locked(Duration.ofSeconds(60)));

        // whoever holds the station key sets a new PIN, which lifts the lockout
        StaffPin.set(home, Role.SUPERVISOR, "135790");
        StaffPin fresh = StaffPin.load(home, clock);
        assertThat(fresh.check("135790")).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));

        // a file someone broke keeps the gate closed rather than open
        String good = Files.readString(home.resolve(StaffPin.FILE));
        Files.writeString(home.resolve(StaffPin.FILE), good.replace("data=", "data=AAAA"));
        assertThat(fresh.check("135790")).isInstanceOf(StaffPin.Check.Locked.class);
    }
}
