package org.arrivals.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.arrivals.startup.Timeline;

/**
 * The secret that unlocks an encrypted event database: a passphrase, or the bytes of a key file
 * (a key file holding a passphrase and the passphrase typed are the same key). The database's
 * file key is derived with PBKDF2-HMAC-SHA256 and a random salt kept beside the database in
 * {@code arrivals.key-check}, with a verifier (an HMAC of a fixed text under the derived key), so
 * a wrong key is told in a sentence before H2 reads a byte. The key-check file holds nothing that
 * helps guess the key faster than PBKDF2 allows.
 */
public final class StoreKey {
    /** The fewest characters (or bytes of a key file) a new station key may have. */
    public static final int MIN_LENGTH = 8;

    static final String CHECK_FILE = Store.FILE_NAME + ".key-check";
    static final int ITERATIONS = 310_000;
    private static final byte[] CHECK_TEXT = "arrivals station key check v1".getBytes(StandardCharsets.US_ASCII);
    /** Derivations done in this process, by (material digest, salt, iterations): tests and re-opens pay once. */
    private static final Map<String, byte[]> DERIVED = new ConcurrentHashMap<>();

    private final byte[] material;

    private StoreKey(byte[] material) {
        this.material = material;
    }

    /** A key from secret bytes; trailing line breaks and spaces are dropped (a key file ends with one). */
    public static StoreKey of(byte[] secret) {
        int end = secret.length;
        while (end > 0 && (secret[end - 1] == '\n' || secret[end - 1] == '\r' || secret[end - 1] == ' ')) {
            end--;
        }
        if (end == 0) {
            throw new IllegalArgumentException("The station key is empty.");
        }
        return new StoreKey(Arrays.copyOf(secret, end));
    }

    public static StoreKey of(char[] passphrase) {
        return of(new String(passphrase).getBytes(StandardCharsets.UTF_8));
    }

    /** How long the secret is, in bytes (a new database refuses a key shorter than 8). */
    public int length() {
        return material.length;
    }

    /** True when the folder holds a key-check file, that is an encrypted event database. */
    public static boolean isEncrypted(Path directory) {
        return Files.isRegularFile(directory.resolve(CHECK_FILE));
    }

    /**
     * Checks the key against the key-check file of an existing encrypted database without opening
     * it (it may be open in a kiosk): throws with a sentence when the key is wrong.
     */
    public void verify(Path directory) {
        if (!isEncrypted(directory)) {
            throw new StoreException("There is no encrypted event database in " + directory + ".");
        }
        Arrays.fill(filePassword(directory), '\0');
    }

    /**
     * Derives this key's file key for the encrypted database in {@code directory} now, so that
     * opening it later finds the derivation done (a start runs this beside the window's). Says
     * nothing when the key is wrong or there is no such database: opening it will.
     */
    public void prepare(Path directory) {
        if (!isEncrypted(directory)) {
            return;
        }
        try {
            Arrays.fill(filePassword(directory), '\0');
        } catch (StoreException e) {
            // told again, as a sentence, when the database is opened
        }
    }

    /**
     * H2's file password for the database in {@code directory}: checks the key against the
     * key-check file, or creates that file for a new database.
     */
    char[] filePassword(Path directory) {
        Path file = directory.resolve(CHECK_FILE);
        try {
            if (!Files.exists(file)) {
                if (material.length < MIN_LENGTH) {
                    throw new StoreException("The station key is too short: use at least 8 characters "
                            + "(a passphrase) or a key file.");
                }
                byte[] salt = new byte[16];
                new SecureRandom().nextBytes(salt);
                byte[] key = derive(salt, ITERATIONS);
                Properties p = new Properties();
                p.setProperty("kdf", "pbkdf2-sha256");
                p.setProperty("iterations", Integer.toString(ITERATIONS));
                p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
                p.setProperty("check", Base64.getEncoder().encodeToString(check(key)));
                write(file, p);
                return hex(key);
            }
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                p.load(r);
            }
            byte[] salt;
            byte[] expected;
            int iterations;
            try {
                salt = Base64.getDecoder().decode(p.getProperty("salt", ""));
                expected = Base64.getDecoder().decode(p.getProperty("check", ""));
                iterations = Integer.parseInt(p.getProperty("iterations", ""));
            } catch (IllegalArgumentException e) {
                throw new StoreException("The key-check file " + file + " is damaged; restore it from a backup.", e);
            }
            if (!"pbkdf2-sha256".equals(p.getProperty("kdf")) || salt.length < 16 || iterations < 10_000) {
                throw new StoreException("The key-check file " + file + " is damaged; restore it from a backup.");
            }
            byte[] key = derive(salt, iterations);
            if (!MessageDigest.isEqual(expected, check(key))) {
                throw new StoreException(StoreException.Kind.WRONG_KEY, WRONG, null);
            }
            return hex(key);
        } catch (IOException e) {
            throw new StoreException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    static final String WRONG = "The station key is wrong: it does not unlock this event's data. Check the key file "
            + "or passphrase and try again.";

    /**
     * A key derived from this station key for another purpose than the database (the staff PINs'
     * file): PBKDF2 with {@code salt}, then HMAC-SHA256 of {@code purpose} under the result. Slow
     * on purpose, as the database's; derivations are remembered for the process.
     */
    public byte[] subkey(byte[] salt, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive(salt, ITERATIONS), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private byte[] derive(byte[] salt, int iterations) {
        String id;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(material);
            sha.update(salt);
            id = HexFormat.of().formatHex(sha.digest()) + ":" + iterations;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
        return DERIVED.computeIfAbsent(id, k -> {
                    try (Timeline.Span span = Timeline.begin("key derivation")) {
                        // PBKDF2-HMAC-SHA256 of the secret written in hex, as the JDK's PBKDF2WithHmacSHA256 takes it
                        byte[] password = HexFormat.of().formatHex(material).getBytes(StandardCharsets.US_ASCII);
                        try {
                            return Pbkdf2.sha256(password, salt, iterations);
                        } finally {
                            Arrays.fill(password, (byte) 0);
                        }
                    }
                })
                .clone();
    }

    private static byte[] check(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(CHECK_TEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private static char[] hex(byte[] key) {
        return HexFormat.of().formatHex(key).toCharArray();
    }

    private static void write(Path file, Properties p) throws IOException {
        AtomicFile.write(
                file,
                out -> p.store(
                        out, "Checks the station key of this event's encrypted database. Keep it with the database."));
    }
}
