package org.arrivals.hub;

import static org.arrivals.hub.HubTables.STATION;
import static org.arrivals.hub.HubTables.STATION_ADMIN;
import static org.arrivals.hub.HubTables.STATION_CREATED;
import static org.arrivals.hub.HubTables.STATION_NAME;
import static org.arrivals.hub.HubTables.STATION_TOKEN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stations the hub knows ({@code hub_station}), each with a SHA-256 of its token; the token itself is shown once. */
final class StationTokens {
    private static final Logger LOG = LoggerFactory.getLogger(StationTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer presented tokens are refused unhashed. */
    static final int MAX_TOKEN = 200;

    private final DSLContext dsl;
    private final Clock clock;

    StationTokens(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Registers a station and returns its new token: 32 random bytes, shown once; only its hash is kept. */
    String add(String name, boolean admin) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("A station name is 1 to 100 letters, digits, '.', '_' or '-'.");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        try {
            dsl.insertInto(STATION, STATION_NAME, STATION_TOKEN, STATION_ADMIN, STATION_CREATED)
                    .values(name, hex(sha256(token)), admin, OffsetDateTime.now(clock))
                    .execute();
        } catch (IntegrityConstraintViolationException taken) {
            throw new IllegalArgumentException("The hub already has a station named " + name + ".");
        }
        LOG.info("Station {} registered{}", name, admin ? " as an administrator" : "");
        return token;
    }

    /** The station holding {@code token}; every hash is compared, each in constant time. */
    Optional<HubStore.Caller> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        byte[] presented = hex(sha256(token)).getBytes(StandardCharsets.US_ASCII);
        HubStore.Caller found = null;
        for (Record r : dsl.select(STATION_NAME, STATION_TOKEN, STATION_ADMIN)
                .from(STATION)
                .fetch()) {
            if (MessageDigest.isEqual(presented, r.get(STATION_TOKEN).getBytes(StandardCharsets.US_ASCII))) {
                found = new HubStore.Caller(r.get(STATION_NAME), r.get(STATION_ADMIN));
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String token) {
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
