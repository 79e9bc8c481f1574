package org.arrivals.hub;

import static org.arrivals.hub.HubTables.STATION;
import static org.arrivals.hub.HubTables.STATION_ADMIN;
import static org.arrivals.hub.HubTables.STATION_CREATED;
import static org.arrivals.hub.HubTables.STATION_NAME;
import static org.arrivals.hub.HubTables.STATION_REVOKED;
import static org.arrivals.hub.HubTables.STATION_ROLE;
import static org.arrivals.hub.HubTables.STATION_SEEN;
import static org.arrivals.hub.HubTables.STATION_TOKEN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.arrivals.sync.protocol.StationRole;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stations the hub knows ({@code hub_station}), each with a SHA-256 of its token (the token
 * itself is shown once), its role, and whether it was revoked. A token is found by its hash, which
 * the database indexes; a token once found is remembered here by its hash, and every later call
 * still reads its station's row (one primary-key read), so a station revoked by another process
 * (`arrivals hub revoke` while the hub runs) is refused on its very next call.
 */
final class StationTokens {
    private static final Logger LOG = LoggerFactory.getLogger(StationTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer presented tokens are refused unhashed. */
    static final int MAX_TOKEN = 200;
    /** How often a station's {@code last_seen_at} is written (not on every call). */
    private static final Duration SEEN_EVERY = Duration.ofSeconds(30);

    /** A station as {@code arrivals hub stations} lists it. */
    record Listed(
            String name, StationRole role, OffsetDateTime created, OffsetDateTime lastSeen, OffsetDateTime revoked) {}

    private final DSLContext dsl;
    private final Clock clock;
    /** Token hashes known to belong to a station: name by hash. */
    private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();
    /** When each station's last_seen_at was last written. */
    private final ConcurrentHashMap<String, Long> seenWritten = new ConcurrentHashMap<>();

    StationTokens(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Registers a station and returns its new token: 32 random bytes, shown once; only its hash is
     * kept. A revoked station's name may be given again (a replacement laptop): it gets a new token,
     * and the old one stays refused.
     */
    String add(String name, StationRole role) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("A station name is 1 to 100 letters, digits, '.', '_' or '-'.");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String hash = hex(sha256(token));
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean admin = role == StationRole.ADMIN;
        boolean reissued = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Record existing = t.select(STATION_REVOKED)
                    .from(STATION)
                    .where(STATION_NAME.eq(name))
                    .forUpdate()
                    .fetchOne();
            if (existing == null) {
                t.insertInto(STATION, STATION_NAME, STATION_TOKEN, STATION_ADMIN, STATION_ROLE, STATION_CREATED)
                        .values(name, hash, admin, role.id(), now)
                        .execute();
                return false;
            }
            if (existing.get(STATION_REVOKED) == null) {
                throw new IllegalArgumentException("The hub already has a station named " + name
                        + ". Revoke it first (arrivals hub revoke " + name + ") to give that name a new token.");
            }
            t.update(STATION)
                    .set(STATION_TOKEN, hash)
                    .set(STATION_ADMIN, admin)
                    .set(STATION_ROLE, role.id())
                    .set(STATION_CREATED, now)
                    .setNull(STATION_REVOKED)
                    .setNull(STATION_SEEN)
                    .where(STATION_NAME.eq(name))
                    .execute();
            return true;
        });
        LOG.info("Station {} {} as {}", name, reissued ? "given a new token" : "registered", role.id());
        known.values().removeIf(name::equals);
        known.put(hash, name);
        return token;
    }

    /** Refuses the station's token from now on, in this process and any other. False when no such station. */
    boolean revoke(String name) {
        int n = dsl.update(STATION)
                .set(STATION_REVOKED, OffsetDateTime.now(clock))
                .where(STATION_NAME.eq(name))
                .and(STATION_REVOKED.isNull())
                .execute();
        known.values().removeIf(name::equals);
        if (n > 0) {
            LOG.info("Station {} revoked", name);
            return true;
        }
        return dsl.fetchExists(STATION, STATION_NAME.eq(name));
    }

    List<Listed> list() {
        return dsl.select(STATION_NAME, STATION_ROLE, STATION_CREATED, STATION_SEEN, STATION_REVOKED)
                .from(STATION)
                .orderBy(STATION_NAME)
                .fetch(r -> new Listed(
                        r.get(STATION_NAME),
                        StationRole.parse(r.get(STATION_ROLE)).orElse(StationRole.DESK),
                        r.get(STATION_CREATED),
                        r.get(STATION_SEEN),
                        r.get(STATION_REVOKED)));
    }

    /**
     * True when the token's hash is one of the stations' as this process knows them (all of them,
     * read once when the hub starts, and each added here since): no database read. A token added
     * by another process is not known until it is looked up ({@link #authenticate}).
     */
    boolean knownToken(String token) {
        loadOnce();
        return token != null && token.length() <= MAX_TOKEN && known.containsKey(hex(sha256(token)));
    }

    private volatile boolean loaded;

    private void loadOnce() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                dsl.select(STATION_NAME, STATION_TOKEN)
                        .from(STATION)
                        .where(STATION_REVOKED.isNull())
                        .forEach(r -> known.put(r.get(STATION_TOKEN), r.get(STATION_NAME)));
                loaded = true;
            }
        }
    }

    /**
     * The station holding {@code token}, unless it was revoked. A database read: the caller applies
     * the wrong-token limit before it for a token it does not know ({@link #knownToken}).
     */
    Optional<HubStore.Caller> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String hash = hex(sha256(token));
        String name = known.get(hash);
        Record r = name == null
                ? dsl.select(STATION_NAME, STATION_TOKEN, STATION_ROLE, STATION_REVOKED)
                        .from(STATION)
                        .where(STATION_TOKEN.eq(hash))
                        .fetchOne()
                : dsl.select(STATION_NAME, STATION_TOKEN, STATION_ROLE, STATION_REVOKED)
                        .from(STATION)
                        .where(STATION_NAME.eq(name))
                        .fetchOne();
        if (r == null
                || r.get(STATION_REVOKED) != null
                || !MessageDigest.isEqual(
                        hash.getBytes(StandardCharsets.US_ASCII),
                        r.get(STATION_TOKEN).getBytes(StandardCharsets.US_ASCII))) {
            known.remove(hash);
            return Optional.empty();
        }
        String station = r.get(STATION_NAME);
        known.put(hash, station);
        seen(station);
        StationRole role = StationRole.parse(r.get(STATION_ROLE)).orElse(StationRole.DESK);
        return Optional.of(new HubStore.Caller(station, role));
    }

    private void seen(String station) {
        long now = clock.millis();
        Long last = seenWritten.get(station);
        if (last != null && now - last < SEEN_EVERY.toMillis()) {
            return;
        }
        seenWritten.put(station, now);
        try {
            dsl.update(STATION)
                    .set(STATION_SEEN, OffsetDateTime.now(clock))
                    .where(STATION_NAME.eq(station))
                    .execute();
        } catch (RuntimeException e) {
            LOG.debug("Could not note when station {} was last seen", station, e);
        }
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
