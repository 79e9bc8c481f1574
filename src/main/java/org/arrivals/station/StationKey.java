package org.arrivals.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.arrivals.store.StoreException;
import org.arrivals.store.StoreKey;

/**
 * The key staff unlock a station with: it encrypts every event database of the station at rest.
 * It is a passphrase typed at start, the {@code ARRIVALS_KEY} environment variable, or a key file
 * (for example on a USB stick that staff keep with them). A key file holding a passphrase is the
 * same key as the passphrase typed. The key itself is never written by Arrivals.
 */
public final class StationKey {
    /** The fewest characters a station key may have. */
    public static final int MIN_LENGTH = StoreKey.MIN_LENGTH;

    /** The environment variable that may hold the station key. */
    public static final String ENV = "ARRIVALS_KEY";
    /** The key of {@code arrivals kiosk --demo} when none is given: the demo is made-up people. */
    public static final String DEMO = "arrivals-demo-key";

    private final StoreKey key;

    private StationKey(StoreKey key) {
        this.key = key;
    }

    public static StationKey passphrase(char[] passphrase) {
        return new StationKey(StoreKey.of(passphrase));
    }

    public static StationKey passphrase(String passphrase) {
        return passphrase(passphrase.toCharArray());
    }

    public static StationKey file(Path file) {
        try {
            return new StationKey(StoreKey.of(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Cannot read the station key file " + file + ": " + e.getMessage()
                            + ". Is the key's USB stick plugged in?",
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The station key file " + file + " is empty.", e);
        }
    }

    /**
     * The key from, in order: {@code keyFile} when given, the {@code ARRIVALS_KEY} variable of
     * {@code env}, or {@code ask} (a prompt; it returns null when no one can be asked).
     */
    public static StationKey resolve(Path keyFile, Map<String, String> env, Supplier<char[]> ask) {
        if (keyFile != null) {
            return file(keyFile);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return passphrase(fromEnv.strip());
        }
        char[] typed = ask == null ? null : ask.get();
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException(LOCKED);
        }
        return passphrase(typed);
    }

    /** The key from {@code ARRIVALS_KEY} alone; for code that cannot ask. */
    public static StationKey fromEnvironment() {
        return resolve(null, System.getenv(), null);
    }

    static final String LOCKED = "This station's data is encrypted and locked: give the station key with --key-file "
            + "FILE or the ARRIVALS_KEY environment variable, or type it when asked.";

    /** True when {@code e} says the key given does not unlock the event (rather than another problem). */
    public static boolean isWrongKey(Throwable e) {
        return e instanceof StoreException se && se.kind() == StoreException.Kind.WRONG_KEY;
    }

    /**
     * Why a station did not open, as a message key of the kiosk's bundles ({@code unlock.wrong},
     * {@code unlock.alreadyOpen}, {@code unlock.notEncrypted}), or null for another problem.
     */
    public static String problemKey(Throwable e) {
        if (!(e instanceof StoreException se)) {
            return null;
        }
        return switch (se.kind()) {
            case WRONG_KEY -> "unlock.wrong";
            case ALREADY_OPEN -> "unlock.alreadyOpen";
            case NOT_ENCRYPTED -> "unlock.notEncrypted";
            case OTHER -> null;
        };
    }

    StoreKey storeKey() {
        return key;
    }
}
