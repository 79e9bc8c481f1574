package org.arrivals.station;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The staff PIN that unlocks staff mode and lets a person leave self-service. Only a salted
 * PBKDF2-HMAC-SHA256 hash is kept ({@code staff.pin} in HOME/station.properties). After five wrong
 * PINs in a row the gate closes for 30 seconds, doubling with each further failure up to 15
 * minutes, so a four-digit PIN cannot be guessed at a public kiosk.
 */
public final class StaffPin {
    static final String KEY = "staff.pin";
    private static final int ITERATIONS = 120_000;
    private static final int FREE_TRIES = 5;

    public sealed interface Check {
        record Accepted() implements Check { }

        record Refused(int triesLeftBeforeLockout) implements Check { }

        record Locked(Duration remaining) implements Check { }
    }

    private final String stored;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public StaffPin(String stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    public static StaffPin load(Path home, Clock clock) {
        return new StaffPin(StationFile.read(home).getProperty(KEY), clock);
    }

    public boolean isSet() {
        return stored != null && !stored.isBlank();
    }

    /** Checks a PIN; slow on purpose (about 0.1 s), so call it off the UI thread. */
    public synchronized Check check(String pin) {
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            return new Check.Locked(Duration.between(now, lockedUntil));
        }
        if (isSet() && matches(stored, pin)) {
            failures = 0;
            return new Check.Accepted();
        }
        failures++;
        if (failures >= FREE_TRIES) {
            long seconds = Math.min(900, 30L << Math.min(failures - FREE_TRIES, 5));
            lockedUntil = now.plusSeconds(seconds);
            return new Check.Locked(Duration.ofSeconds(seconds));
        }
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
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        }
    }

    /** Stores a new PIN's hash in the station's settings, keeping the other settings. */
    public static void set(Path home, String pin) {
        StationFile.set(home, java.util.Map.of(KEY, hash(pin)));
    }
}
