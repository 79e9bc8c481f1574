package org.arrivals.hub.console;

import static org.arrivals.hub.console.ConsoleTables.CS_CREATED;
import static org.arrivals.hub.console.ConsoleTables.CS_CSRF;
import static org.arrivals.hub.console.ConsoleTables.CS_EXPIRES;
import static org.arrivals.hub.console.ConsoleTables.CS_ID;
import static org.arrivals.hub.console.ConsoleTables.CS_ORGANIZER;
import static org.arrivals.hub.console.ConsoleTables.LINK;
import static org.arrivals.hub.console.ConsoleTables.L_EXPIRES;
import static org.arrivals.hub.console.ConsoleTables.L_TOKEN;
import static org.arrivals.hub.console.ConsoleTables.L_USED;
import static org.arrivals.hub.console.ConsoleTables.ORGANIZER;
import static org.arrivals.hub.console.ConsoleTables.O_CREATED;
import static org.arrivals.hub.console.ConsoleTables.O_HASH;
import static org.arrivals.hub.console.ConsoleTables.O_NAME;
import static org.arrivals.hub.console.ConsoleTables.SESSION;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's organizers, their one-time sign-in links and their signed-in sessions, all in the
 * hub's database (so a link printed by {@code arrivals hub console-link} in another process works
 * at once, and several hubs sharing one database share the sign-ins).
 *
 * <ul>
 *   <li>A password is 20 random characters, shown once; only {@code pbkdf2-sha256$iterations$salt$hash}
 *       is kept (the JDK's PBKDF2-HMAC-SHA256, as the station's staff PINs).
 *   <li>A link's token is 32 random bytes; only its SHA-256 is kept, with when it expires (10
 *       minutes) and when it was used: the one statement that marks it used succeeds once.
 *   <li>A session's cookie is 32 random bytes; only its SHA-256 is kept, with the organizer, the
 *       session's CSRF token and when it ends (12 hours).
 * </ul>
 */
public final class Organizers {
    private static final Logger LOG = LoggerFactory.getLogger(Organizers.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int ITERATIONS = 210_000;
    /** How long a sign-in link may wait before it is opened. */
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(10);
    /** How long a signed-in session lasts. */
    static final Duration SESSION_VALIDITY = Duration.ofHours(12);
    /** Letters and digits no one mistakes for one another. */
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXYZ2345679".toCharArray();

    /** A signed-in organizer: who, and the CSRF token every form of the session carries. */
    public record Session(String organizer, String csrf) {}

    /** A new session: the cookie's value (shown to the browser once) and the session. */
    public record Started(String cookie, Session session) {}

    /** What adding an organizer did: their new password (shown once), and whether the name was new. */
    public record Added(String name, String password, boolean created) {}

    private final DSLContext dsl;
    private final Clock clock;
    /** A verifier to check against when the name is unknown, so the time does not tell names apart. */
    private final String decoy;

    public Organizers(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.decoy = hash(randomText(20));
    }

    /**
     * Adds an organizer with a new password and returns it (shown once). An organizer already
     * there gets a new password, and their sessions end.
     */
    public Added add(String name) {
        validName(name);
        String password = randomText(20);
        String hash = hash(password);
        boolean created = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int changed =
                    t.update(ORGANIZER).set(O_HASH, hash).where(O_NAME.eq(name)).execute();
            if (changed == 0) {
                t.insertInto(ORGANIZER, O_NAME, O_HASH, O_CREATED)
                        .values(name, hash, now())
                        .execute();
                return true;
            }
            t.deleteFrom(SESSION).where(CS_ORGANIZER.eq(name)).execute();
            return false;
        });
        LOG.info("Console organizer {} {}", name, created ? "added" : "given a new password");
        return new Added(name, password, created);
    }

    static void validName(String name) {
        if (name == null || !name.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
            throw new IllegalArgumentException(
                    "An organizer's name is 1 to 100 letters, digits, '.', '_', '@' or '-' (no spaces).");
        }
    }

    /** The first organizer by name, made (with a password no one is shown) when there is none. */
    String firstOrCreate() {
        Optional<String> first = first();
        if (first.isPresent()) {
            return first.get();
        }
        try {
            dsl.insertInto(ORGANIZER, O_NAME, O_HASH, O_CREATED)
                    .values("organizer", hash(randomText(20)), now())
                    .execute();
            LOG.info("Console organizer organizer added by a sign-in link");
        } catch (org.jooq.exception.IntegrityConstraintViolationException raced) {
            // another sign-in made it first
        }
        return first().orElseThrow();
    }

    private Optional<String> first() {
        return dsl.select(O_NAME)
                .from(ORGANIZER)
                .orderBy(O_CREATED, O_NAME)
                .limit(1)
                .fetchOptional(O_NAME);
    }

    /** A new one-time sign-in link's token, valid for {@link #LINK_VALIDITY}; only its hash is kept. */
    public String newLink() {
        String token = randomToken();
        dsl.deleteFrom(LINK).where(L_EXPIRES.lt(now())).execute();
        dsl.insertInto(LINK, L_TOKEN, L_EXPIRES)
                .values(sha256(token), now().plus(LINK_VALIDITY))
                .execute();
        return token;
    }

    /**
     * Uses a sign-in link: the organizer it signs in (the first, made if there is none), or empty
     * when the token is unknown, expired or used already. It is marked used in one statement, so
     * two tabs opening it at once sign in once.
     */
    Optional<String> useLink(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        int used = dsl.update(LINK)
                .set(L_USED, now)
                .where(L_TOKEN.eq(sha256(token)))
                .and(L_USED.isNull())
                .and(L_EXPIRES.gt(now))
                .execute();
        return used == 1 ? Optional.of(firstOrCreate()) : Optional.empty();
    }

    /** True when {@code password} is the organizer's. The same work is done for an unknown name. */
    boolean passwordMatches(String name, String password) {
        String stored = name == null || name.length() > 100
                ? null
                : dsl.select(O_HASH).from(ORGANIZER).where(O_NAME.eq(name)).fetchOne(O_HASH);
        boolean given = password != null && !password.isEmpty() && password.length() <= 200;
        boolean ok = matches(stored == null ? decoy : stored, given ? password : "-");
        return ok && given && stored != null;
    }

    /** Starts a session for {@code organizer}. */
    Started startSession(String organizer) {
        String cookie = randomToken();
        String csrf = randomToken();
        OffsetDateTime now = now();
        dsl.deleteFrom(SESSION).where(CS_EXPIRES.lt(now)).execute();
        dsl.insertInto(SESSION, CS_ID, CS_ORGANIZER, CS_CSRF, CS_CREATED, CS_EXPIRES)
                .values(sha256(cookie), organizer, csrf, now, now.plus(SESSION_VALIDITY))
                .execute();
        return new Started(cookie, new Session(organizer, csrf));
    }

    /** The session of this cookie, unless it ended. */
    Optional<Session> session(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return Optional.empty();
        }
        Record r = dsl.select(CS_ORGANIZER, CS_CSRF, CS_EXPIRES)
                .from(SESSION)
                .where(CS_ID.eq(sha256(cookie)))
                .fetchOne();
        if (r == null || !r.get(CS_EXPIRES).isAfter(now())) {
            return Optional.empty();
        }
        return Optional.of(new Session(r.get(CS_ORGANIZER), r.get(CS_CSRF)));
    }

    /** Ends the session of this cookie (signing out). */
    void endSession(String cookie) {
        if (cookie != null && cookie.length() <= 100) {
            dsl.deleteFrom(SESSION).where(CS_ID.eq(sha256(cookie))).execute();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static String randomToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String randomText(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The stored form of a password: {@code pbkdf2-sha256$iterations$salt$hash}. */
    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    static boolean matches(String stored, String password) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return MessageDigest.isEqual(
                b64.decode(parts[3]), derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        }
    }
}
