package org.arrivals.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.arrivals.audit.Role;
import org.arrivals.store.AtomicFile;

/**
 * The staff PINs, one per role, that unlock staff mode and let a person leave self-service: the
 * supervisor's ({@code staff.pin}, its name from before roles) and the
 * admin's ({@code staff.pin.admin}), in HOME/station.properties. Only a salted PBKDF2-HMAC-SHA256
 * hash is kept. A PIN is accepted with the highest role it is the PIN of; an admin's PIN opens
 * what a supervisor's does. After five wrong PINs in a row (for any role) the gate closes for 30
 * seconds, doubling with each further failure up to 15 minutes, so a four-digit PIN cannot be
 * guessed at a public kiosk. The count and the end of a lockout are kept in HOME/{@value #STATE_FILE}
 * (no secret in it), so restarting Arrivals, or pulling a kiosk's plug, does not reset them.
 */
public final class StaffPin {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StaffPin.class);
    static final String KEY = "staff.pin";
    static final String ADMIN_KEY = "staff.pin.admin";
    private static final int ITERATIONS = 120_000;
    private static final int FREE_TRIES = 5;
    static final String STATE_FILE = "staff-pin.lockout";

    public sealed interface Check {
        /** The PIN is right, and is the PIN of {@code role}. */
        record Accepted(Role role) implements Check {}

        record Refused(int triesLeftBeforeLockout) implements Check {}

        record Locked(Duration remaining) implements Check {}

        /** No role that may do what was asked has a PIN: not a wrong try, nothing to guess. */
        record NotSet() implements Check {}
    }

    private final String supervisor;
    private final String admin;
    private final Clock clock;
    private final Path stateFile;
    private int failures;
    private Instant lockedUntil = Instant.EPOCH;

    /** A supervisor's PIN only (its stored hash). */
    public StaffPin(String stored, Clock clock) {
        this(stored, null, clock);
    }

    public StaffPin(String supervisor, String admin, Clock clock) {
        this(supervisor, admin, clock, null);
    }

    private StaffPin(String supervisor, String admin, Clock clock, Path stateFile) {
        this.supervisor = supervisor;
        this.admin = admin;
        this.clock = clock;
        this.stateFile = stateFile;
        if (stateFile != null && Files.exists(stateFile)) {
            try {
                Properties p = new Properties();
                try (var r = Files.newBufferedReader(stateFile)) {
                    p.load(r);
                }
                // a file that lost its values (a power cut while it was written) counts as unreadable
                failures =
                        Math.max(0, Integer.parseInt(p.getProperty("failures").strip()));
                lockedUntil = Instant.ofEpochMilli(
                        Long.parseLong(p.getProperty("lockedUntil").strip()));
            } catch (IOException | RuntimeException e) {
                // unreadable: assume the worst that the file could have said, a full lockout
                failures = FREE_TRIES + 5;
                lockedUntil = clock.instant().plusSeconds(900);
                LOG.warn(
                        "Staff PIN lockout state {} is unreadable ({}); the PIN gate stays closed for 15 minutes",
                        stateFile,
                        e.getMessage());
            }
        }
    }

    /** The station's PINs, with the lockout state a previous run left. */
    public static StaffPin load(Path home, Clock clock) {
        Properties p = StationFile.read(home);
        return new StaffPin(p.getProperty(KEY), p.getProperty(ADMIN_KEY), clock, home.resolve(STATE_FILE));
    }

    private void saveState() {
        if (stateFile == null) {
            return;
        }
        try {
            if (failures == 0) {
                Files.deleteIfExists(stateFile);
                return;
            }
            AtomicFile.writeString(
                    stateFile, "failures=" + failures + "\nlockedUntil=" + lockedUntil.toEpochMilli() + "\n");
        } catch (IOException e) {
            LOG.warn("Cannot keep the staff PIN lockout state in {}: {}", stateFile, e.getMessage());
        }
    }

    /** True when some staff PIN is set. */
    public boolean isSet() {
        return isSet(Role.SUPERVISOR) || isSet(Role.ADMIN);
    }

    /** True when some role that may do what {@code needed} may has a PIN. */
    public boolean isSetFor(Role needed) {
        return (Role.ADMIN.allows(needed) && isSet(Role.ADMIN))
                || (Role.SUPERVISOR.allows(needed) && isSet(Role.SUPERVISOR));
    }

    /** True when {@code role} has a PIN of its own. */
    public boolean isSet(Role role) {
        String stored = stored(role);
        return stored != null && !stored.isBlank();
    }

    private String stored(Role role) {
        return switch (role) {
            case ADMIN -> admin;
            case SUPERVISOR -> supervisor;
            case ATTENDEE, VOLUNTEER -> null;
        };
    }

    /** Checks a PIN; slow on purpose (about 0.1 s per role), so call it off the UI thread. */
    public Check check(String pin) {
        return check(pin, Role.SUPERVISOR);
    }

    /**
     * Checks a PIN for an action that needs {@code needed}: a right PIN of a lesser role counts
     * as a failure too, so the lockout guards the admin's PIN as much as the supervisor's.
     */
    public synchronized Check check(String pin, Role needed) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            return new Check.Locked(Duration.between(now, lockedUntil));
        }
        if (!isSetFor(needed)) {
            return new Check.NotSet();
        }
        for (Role role : new Role[] {Role.ADMIN, Role.SUPERVISOR}) {
            if (role.allows(needed) && isSet(role) && matches(stored(role), pin)) {
                if (failures != 0) {
                    failures = 0;
                    saveState();
                }
                return new Check.Accepted(role);
            }
        }
        failures++;
        if (failures >= FREE_TRIES) {
            long seconds = Math.min(900, 30L << Math.min(failures - FREE_TRIES, 5));
            lockedUntil = now.plusSeconds(seconds);
            saveState();
            return new Check.Locked(Duration.ofSeconds(seconds));
        }
        saveState();
        return new Check.Refused(FREE_TRIES - failures);
    }

    /** The stored form of a PIN: {@code pbkdf2-sha256$iterations$salt$hash}. */
    public static String hash(String pin) {
        if (pin == null || !pin.matches("\\d{4,12}")) {
            throw new IllegalArgumentException("A staff PIN is 4 to 12 digits.");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(pin, salt, ITERATIONS));
    }

    static boolean matches(String stored, String pin) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256") || pin == null) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(pin, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        }
    }

    /** Stores a new supervisor PIN's hash in the station's settings, keeping the other settings. */
    public static void set(Path home, String pin) {
        set(home, Role.SUPERVISOR, pin);
    }

    /** Stores the PIN of {@code role} (supervisor or admin). */
    public static void set(Path home, Role role, String pin) {
        switch (role) {
            case SUPERVISOR -> StationFile.set(home, Map.of(KEY, hash(pin)));
            case ADMIN -> StationFile.set(home, Map.of(ADMIN_KEY, hash(pin)));
            case VOLUNTEER ->
                throw new IllegalArgumentException("Volunteers need no PIN: desk mode opens without one.");
        }
        try {
            Files.deleteIfExists(home.resolve(STATE_FILE)); // whoever holds the station key may lift a lockout
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reset the staff PIN lockout in " + home + ": " + e.getMessage(), e);
        }
    }
}
