package org.arrivals.station;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.arrivals.audit.Role;
import org.arrivals.store.AtomicFile;

/**
 * The staff PINs, one per role, that unlock staff mode and let a person leave self-service: the
 * supervisor's and the admin's. A PIN is at least {@value #MIN_DIGITS} digits; only a salted
 * PBKDF2-HMAC-SHA256 verifier of it is kept, and the verifiers and the lockout state live in
 * {@code HOME/}{@value #FILE}, encrypted and authenticated (AES-GCM) under a key derived from the
 * station key. So a copy of the data folder gives nobody a verifier to try PINs against offline,
 * and nobody without the station key can set a PIN or lift a lockout. The file is separate from
 * the event's database so that {@code arrivals pin set} works while a kiosk has the event open;
 * both lock it while they change it.
 *
 * <p>A PIN is accepted with the highest role it is the PIN of; an admin's PIN opens what a
 * supervisor's does. After five wrong PINs in a row (for any role) the gate closes for 30 seconds,
 * doubling with each further failure up to 15 minutes; the count survives restarts (it is in the
 * file). PINs that older versions kept in {@code station.properties} move into the file the first
 * time the station key is given, and leave {@code station.properties}.
 */
public final class StaffPin {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StaffPin.class);
    static final String KEY = "staff.pin";
    static final String ADMIN_KEY = "staff.pin.admin";
    /** The encrypted file of verifiers and lockout. */
    public static final String FILE = "staff-pins.sealed";
    /** The fewest digits a new PIN has. */
    public static final int MIN_DIGITS = 6;

    private static final int ITERATIONS = 120_000;
    private static final int FREE_TRIES = 5;
    private static final String PURPOSE = "arrivals staff pins v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public sealed interface Check {
        /** The PIN is right, and is the PIN of {@code role}. */
        record Accepted(Role role) implements Check {}

        record Refused(int triesLeftBeforeLockout) implements Check {}

        record Locked(Duration remaining) implements Check {}

        /** No role that may do what was asked has a PIN: not a wrong try, nothing to guess. */
        record NotSet() implements Check {}
    }

    /** What the file holds. */
    private static final class State {
        String supervisor;
        String admin;
        int failures;
        long lockedUntil;
    }

    /** Salts {@link #prepare} made for a data folder without a PIN file, its key derived with them. */
    private static final java.util.Map<Path, byte[]> FRESH_SALTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path home;
    private final Clock clock;
    private volatile byte[] fileKey;
    private volatile byte[] salt;

    private StaffPin(Path home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    /**
     * The station's PINs, to be unlocked with the station key ({@link #unlock}) once it is known
     * (the kiosk asks for it first); until then no PIN is accepted.
     */
    public static StaffPin locked(Path home, Clock clock) {
        return new StaffPin(home, clock);
    }

    /**
     * Derives the key of the PIN file ({@link #FILE}) with {@code key} now, on a thread of its own,
     * so that {@link #unlock} later finds it done: a start calls this beside the database key's
     * derivation instead of deriving one after the other. Without a file yet, the salt a new one will
     * have is made now and kept for {@link #unlock}. Says nothing when the file cannot be read:
     * unlocking will.
     */
    public static void prepare(Path home, StationKey key) {
        Path file = home.resolve(FILE);
        Thread t = new Thread(
                () -> {
                    try {
                        byte[] s;
                        if (Files.exists(file)) {
                            s = Base64.getDecoder().decode(readProperties(file).getProperty("salt", ""));
                        } else {
                            // no PIN file yet: the salt a new one will have, kept for unlock
                            s = new byte[16];
                            new SecureRandom().nextBytes(s);
                            FRESH_SALTS.put(home.toAbsolutePath().normalize(), s);
                        }
                        key.storeKey().subkey(s, PURPOSE);
                    } catch (IOException | RuntimeException e) {
                        // told, as a sentence, when the PINs are unlocked
                    }
                },
                "arrivals-pins-key");
        t.setDaemon(true);
        t.start();
    }

    /** The station's PINs, unlocked with {@code key}. */
    public static StaffPin load(Path home, Clock clock, StationKey key) {
        StaffPin p = new StaffPin(home, clock);
        p.unlock(key);
        return p;
    }

    /** The station's PINs, unlocked with the station key of {@code ARRIVALS_KEY}. */
    public static StaffPin load(Path home, Clock clock) {
        return load(home, clock, StationKey.fromEnvironment());
    }

    /**
     * Gives the station key: the file is read with it (PINs an older version kept in
     * station.properties move into it).
     *
     * @throws IllegalArgumentException when the key does not open the file
     */
    public synchronized void unlock(StationKey key) {
        Path file = home.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties p = readProperties(file);
                byte[] s = Base64.getDecoder().decode(p.getProperty("salt", ""));
                byte[] k = key.storeKey().subkey(s, PURPOSE);
                decrypt(p, k); // a wrong key is told here
                this.salt = s;
                this.fileKey = k;
                dropLegacy(false);
                return;
            }
            byte[] s = FRESH_SALTS.remove(home.toAbsolutePath().normalize());
            if (s == null) {
                s = new byte[16];
                new SecureRandom().nextBytes(s);
            }
            this.salt = s;
            this.fileKey = key.storeKey().subkey(s, PURPOSE);
            Properties legacy = StationFile.read(home);
            State st = new State();
            st.supervisor = blankToNull(legacy.getProperty(KEY));
            st.admin = blankToNull(legacy.getProperty(ADMIN_KEY));
            if (st.supervisor != null || st.admin != null) {
                update(x -> {
                    x.supervisor = st.supervisor;
                    x.admin = st.admin;
                });
                dropLegacy(true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the staff PINs in " + file + ": " + e.getMessage(), e);
        }
    }

    private void dropLegacy(boolean moved) {
        Properties p = StationFile.read(home);
        if (p.getProperty(KEY) == null && p.getProperty(ADMIN_KEY) == null) {
            return;
        }
        Map<String, String> change = new HashMap<>();
        change.put(KEY, null);
        change.put(ADMIN_KEY, null);
        StationFile.set(home, change);
        if (moved) {
            LOG.info("The staff PINs moved from station.properties into {}", FILE);
        } else {
            LOG.warn("station.properties held staff PINs although {} exists; they were ignored and removed", FILE);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** True once the station key was given. */
    public boolean unlocked() {
        return fileKey != null;
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
        if (fileKey == null) {
            return false;
        }
        String stored = stored(read(), role);
        return stored != null && !stored.isBlank();
    }

    private static String stored(State s, Role role) {
        return switch (role) {
            case ADMIN -> s.admin;
            case SUPERVISOR -> s.supervisor;
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
        if (fileKey == null) {
            return new Check.NotSet();
        }
        Check[] answer = new Check[1];
        try {
            checkLocked(pin, needed, answer);
        } catch (RuntimeException unreadable) {
            // a file someone broke (or a power cut emptied) keeps the gate closed rather than open
            LOG.warn("The staff PINs' file is unreadable ({}); the PIN gate stays closed", unreadable.getMessage());
            return new Check.Locked(Duration.ofMinutes(15));
        }
        return answer[0];
    }

    private void checkLocked(String pin, Role needed, Check[] answer) {
        update(s -> {
            Instant now = clock.instant();
            Instant lockedUntil = Instant.ofEpochMilli(s.lockedUntil);
            if (now.isBefore(lockedUntil)) {
                answer[0] = new Check.Locked(Duration.between(now, lockedUntil));
                return;
            }
            boolean anySet = (Role.ADMIN.allows(needed) && s.admin != null)
                    || (Role.SUPERVISOR.allows(needed) && s.supervisor != null);
            if (!anySet) {
                answer[0] = new Check.NotSet();
                return;
            }
            for (Role role : new Role[] {Role.ADMIN, Role.SUPERVISOR}) {
                String stored = stored(s, role);
                if (role.allows(needed) && stored != null && matches(stored, pin)) {
                    s.failures = 0;
                    answer[0] = new Check.Accepted(role);
                    return;
                }
            }
            s.failures++;
            if (s.failures >= FREE_TRIES) {
                long seconds = Math.min(900, 30L << Math.min(s.failures - FREE_TRIES, 5));
                s.lockedUntil = now.plusSeconds(seconds).toEpochMilli();
                answer[0] = new Check.Locked(Duration.ofSeconds(seconds));
                return;
            }
            answer[0] = new Check.Refused(FREE_TRIES - s.failures);
        });
    }

    /** The stored form of a PIN: {@code pbkdf2-sha256$iterations$salt$hash}. */
    public static String hash(String pin) {
        if (pin == null || !pin.matches("\\d{" + MIN_DIGITS + ",12}")) {
            throw new IllegalArgumentException("A staff PIN is " + MIN_DIGITS + " to 12 digits.");
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

    /** Sets the supervisor's PIN, with the station key of {@code ARRIVALS_KEY}. */
    public static void set(Path home, String pin) {
        set(home, Role.SUPERVISOR, pin);
    }

    /** Sets the PIN of {@code role}, with the station key of {@code ARRIVALS_KEY}. */
    public static void set(Path home, Role role, String pin) {
        set(home, StationKey.fromEnvironment(), role, pin);
    }

    /**
     * Sets the PIN of {@code role} (supervisor or admin) and lifts a lockout. The station key is
     * always checked: against the PINs' file, else against an event's key-check file; a station
     * with neither has nothing to protect yet, and the key given becomes the file's.
     *
     * @throws IllegalArgumentException for a PIN shorter than six digits, or a wrong key
     */
    public static void set(Path home, StationKey key, Role role, String pin) {
        if (role != Role.SUPERVISOR && role != Role.ADMIN) {
            throw new IllegalArgumentException("Volunteers need no PIN: desk mode opens without one.");
        }
        String verifier = hash(pin);
        if (!Files.exists(home.resolve(FILE))) {
            verifyAgainstAnEvent(home, key);
        }
        StaffPin p = new StaffPin(home, Clock.systemUTC());
        p.unlock(key);
        p.update(s -> {
            if (role == Role.ADMIN) {
                s.admin = verifier;
            } else {
                s.supervisor = verifier;
            }
            s.failures = 0; // whoever holds the station key may lift a lockout
            s.lockedUntil = 0;
        });
    }

    /**
     * Sets the PIN of {@code role} (supervisor or admin) through these PINs, already unlocked with
     * the station key (the kiosk's first-run wizard), and lifts a lockout.
     *
     * @throws IllegalArgumentException for a PIN that is not 6 to 12 digits, or PINs not unlocked
     */
    public synchronized void change(Role role, String pin) {
        if (role != Role.SUPERVISOR && role != Role.ADMIN) {
            throw new IllegalArgumentException("Volunteers need no PIN: desk mode opens without one.");
        }
        if (fileKey == null) {
            throw new IllegalArgumentException("The staff PINs are locked until the station key is given.");
        }
        String verifier = hash(pin);
        update(s -> {
            if (role == Role.ADMIN) {
                s.admin = verifier;
            } else {
                s.supervisor = verifier;
            }
            s.failures = 0;
            s.lockedUntil = 0;
        });
    }

    /** The key must open the station's events (any of them): a PIN cannot be planted without it. */
    private static void verifyAgainstAnEvent(Path home, StationKey key) {
        Path events = home.resolve("events");
        if (!Files.isDirectory(events)) {
            return;
        }
        try (var dirs = Files.list(events)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (org.arrivals.store.StoreKey.isEncrypted(d)) {
                    key.storeKey().verify(d);
                    return;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + events + ": " + e.getMessage(), e);
        }
    }

    // ---- the file

    private interface Change {
        void apply(State s);
    }

    private State read() {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return new State();
        }
        try {
            return decrypt(readProperties(file), fileKey);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The staff PINs' file {} is unreadable ({}); no PIN opens the gate", file, e.getMessage());
            State closed = new State();
            closed.lockedUntil = clock.instant().plusSeconds(900).toEpochMilli();
            return closed;
        }
    }

    /** Reads, changes and writes the file, holding a lock on it (a kiosk and {@code pin set} may both write). */
    private void update(Change change) {
        Path file = home.resolve(FILE);
        try {
            Files.createDirectories(home);
            try (FileChannel lockFile = FileChannel.open(
                            home.resolve(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                State s = Files.exists(file) ? decrypt(readProperties(file), fileKey) : new State();
                change.apply(s);
                write(file, s);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the staff PINs in " + file + ": " + e.getMessage(), e);
        }
    }

    private static Properties readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = new StringReader(Files.readString(file, StandardCharsets.US_ASCII))) {
            p.load(r);
        }
        return p;
    }

    private void write(Path file, State s) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("supervisor", s.supervisor);
        o.put("admin", s.admin);
        o.put("failures", s.failures);
        o.put("lockedUntil", s.lockedUntil);
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(fileKey, 0, 16, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(salt);
            sealed = c.doFinal(JSON.writeValueAsBytes(o));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        AtomicFile.writeString(
                file,
                "# Arrivals staff PINs: verifiers and lockout, encrypted under a key derived from the station key.\n"
                        + "kdf=pbkdf2-sha256\nsalt=" + b64.encodeToString(salt) + "\nnonce="
                        + b64.encodeToString(nonce) + "\ndata=" + b64.encodeToString(sealed) + "\n");
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data folder's own permissions
        }
    }

    private static State decrypt(Properties p, byte[] key) {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(p.getProperty("salt", ""));
        byte[] nonce = b64.decode(p.getProperty("nonce", ""));
        byte[] data = b64.decode(p.getProperty("data", ""));
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(salt);
            plain = c.doFinal(data);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException(
                    "The station key is wrong: it does not open the staff PINs of this station (" + FILE + ").");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
        try {
            var o = JSON.readTree(plain);
            State s = new State();
            s.supervisor =
                    o.path("supervisor").isTextual() ? o.get("supervisor").asText() : null;
            s.admin = o.path("admin").isTextual() ? o.get("admin").asText() : null;
            s.failures = o.path("failures").asInt(0);
            s.lockedUntil = o.path("lockedUntil").asLong(0);
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("The staff PINs' file is damaged", e);
        }
    }
}
