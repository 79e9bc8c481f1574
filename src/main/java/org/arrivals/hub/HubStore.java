package org.arrivals.hub;

import static org.arrivals.hub.HubTables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.arrivals.store.JdbcDatabase;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.PushResponse;
import org.arrivals.sync.protocol.RosterResponse;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the hub knows, in its database and nowhere else (so several hubs can share one
 * PostgreSQL): the events of every station, numbered in the order they were stored; the roster
 * imported by the organizers; the stations and a SHA-256 of each one's token.
 *
 * <p>Numbering: a push locks the {@code event} counter row for its whole transaction, so pushes
 * commit one after another and every event's sequence number becomes visible in order. A puller
 * that has seen number N can therefore never later find an N-1 it missed, on one hub or several.
 */
public final class HubStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CHUNK = 1000;
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    /** A station the hub knows, found by its token. */
    public record Caller(String name, boolean admin) {}

    private final JdbcDatabase db;
    private final DSLContext dsl;
    private final Clock clock;
    /** Pushes through this process wait here rather than in the database's lock queue. */
    private final ReentrantLock pushLock = new ReentrantLock();

    private HubStore(JdbcDatabase db, Clock clock) {
        this.db = db;
        this.dsl = db.dsl();
        this.clock = clock;
    }

    public static HubStore open(String jdbcUrl, String user, String password, Clock clock) {
        return new HubStore(JdbcDatabase.open(jdbcUrl, user, password, "db/hub", 16), clock);
    }

    /**
     * The default H2 database in a hub's data folder. {@code AUTO_SERVER} lets a second process
     * (such as {@code arrivals hub add-station}) open it while the hub runs.
     */
    public static String h2Url(Path home) {
        return "jdbc:h2:file:" + home.resolve("hub").resolve("hub").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=30000";
    }

    public boolean healthy() {
        return db.healthy();
    }

    /** Registers a station and returns its new token: 32 random bytes, shown once; only its hash is kept. */
    public String addStation(String name, boolean admin) {
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
        } catch (org.jooq.exception.IntegrityConstraintViolationException taken) {
            throw new IllegalArgumentException("The hub already has a station named " + name + ".");
        }
        LOG.info("Station {} registered{}", name, admin ? " as an administrator" : "");
        return token;
    }

    /** The station holding {@code token}; hashes are compared in constant time. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        byte[] presented = hex(sha256(token)).getBytes(StandardCharsets.US_ASCII);
        Caller found = null;
        for (Record r : dsl.select(STATION_NAME, STATION_TOKEN, STATION_ADMIN)
                .from(STATION)
                .fetch()) {
            if (MessageDigest.isEqual(presented, r.get(STATION_TOKEN).getBytes(StandardCharsets.US_ASCII))) {
                found = new Caller(r.get(STATION_NAME), r.get(STATION_ADMIN));
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Stores a batch, each event once however often it is pushed, and numbers the new ones. The
     * receipt names every event of the batch, since after the commit the hub holds them all.
     */
    public PushResponse push(String pushedBy, List<WireEvent> events) {
        Map<UUID, WireEvent> byId = new LinkedHashMap<>();
        for (WireEvent e : events) {
            check(e);
            byId.putIfAbsent(e.id(), e);
        }
        if (byId.isEmpty()) {
            return new PushResponse(List.of(), 0, 0);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        pushLock.lock();
        try {
            int stored = dsl.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                long seq = t.select(COUNTER_VALUE)
                        .from(COUNTER)
                        .where(COUNTER_NAME.eq("event"))
                        .forUpdate()
                        .fetchSingle(COUNTER_VALUE);
                Set<UUID> known = new HashSet<>();
                List<UUID> ids = new ArrayList<>(byId.keySet());
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    known.addAll(t.select(EVENT_ID)
                            .from(EVENT)
                            .where(EVENT_ID.in(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
                            .fetch(EVENT_ID));
                }
                BatchBindStep insert = t.batch(t.insertInto(
                                EVENT,
                                EVENT_ID,
                                EVENT_SEQ,
                                EVENT_CODE,
                                EVENT_KIND,
                                EVENT_STATION,
                                EVENT_WALL,
                                EVENT_HLC,
                                EVENT_DETAILS,
                                EVENT_PUSHED_BY,
                                EVENT_RECEIVED)
                        .values((UUID) null, null, null, null, null, null, null, null, null, null));
                long next = seq;
                for (WireEvent e : byId.values()) {
                    if (!known.contains(e.id())) {
                        insert.bind(
                                e.id(),
                                ++next,
                                e.attendeeCode(),
                                e.kind(),
                                e.stationId(),
                                e.wallTime(),
                                e.hlc(),
                                e.details(),
                                pushedBy,
                                now);
                    }
                }
                if (next > seq) {
                    insert.execute();
                    t.update(COUNTER)
                            .set(COUNTER_VALUE, next)
                            .where(COUNTER_NAME.eq("event"))
                            .execute();
                    rosterEffects(
                            t,
                            byId.values().stream()
                                    .filter(e -> !known.contains(e.id()))
                                    .toList(),
                            now);
                }
                return (int) (next - seq);
            });
            return new PushResponse(List.copyOf(byId.keySet()), stored, byId.size() - stored);
        } finally {
            pushLock.unlock();
        }
    }

    /**
     * Walk-ins registered at stations join the hub's roster; an edit gives its attendee's row a new
     * version, so stations pull the row with the edit laid over it. Runs in the push's transaction,
     * after the {@code event} counter and before the {@code roster} counter (always in that order).
     */
    private void rosterEffects(DSLContext t, List<WireEvent> fresh, OffsetDateTime now) {
        List<WireEvent> walkIns = fresh.stream()
                .filter(e -> e.kind().equals("WALK_IN_REGISTERED"))
                .toList();
        Set<String> edited = new java.util.TreeSet<>();
        fresh.stream().filter(e -> e.kind().equals("ATTENDEE_EDITED")).forEach(e -> edited.add(e.attendeeCode()));
        if (walkIns.isEmpty() && edited.isEmpty()) {
            return;
        }
        long version = t.select(COUNTER_VALUE)
                .from(COUNTER)
                .where(COUNTER_NAME.eq("roster"))
                .forUpdate()
                .fetchSingle(COUNTER_VALUE);
        for (WireEvent w : walkIns) {
            if (t.fetchExists(ATTENDEE, A_CODE.eq(w.attendeeCode()))) {
                continue;
            }
            Map<String, String> d = extra(w.details());
            String type = d.get("type");
            t.insertInto(
                            ATTENDEE,
                            A_CODE,
                            A_FIRST,
                            A_LAST,
                            A_BADGE,
                            A_PRONOUNS,
                            A_EMAIL,
                            A_ORG,
                            A_TITLE,
                            A_TYPE,
                            A_STATUS,
                            A_WALK_IN,
                            A_VERSION,
                            A_UPDATED)
                    .values(
                            w.attendeeCode(),
                            d.getOrDefault("first", "?"),
                            d.getOrDefault("last", ""),
                            d.get("badgeName"),
                            d.get("pronouns"),
                            d.get("email"),
                            d.get("org"),
                            d.get("title"),
                            type == null || type.isBlank() ? "General Admission" : type,
                            "ATTENDING",
                            true,
                            ++version,
                            now)
                    .execute();
        }
        for (String code : edited) {
            t.update(ATTENDEE)
                    .set(A_VERSION, ++version)
                    .set(A_UPDATED, now)
                    .where(A_CODE.eq(code))
                    .execute();
        }
        t.update(COUNTER)
                .set(COUNTER_VALUE, version)
                .where(COUNTER_NAME.eq("roster"))
                .execute();
    }

    /** The hub's column for each field a station may edit, by the edit event's field name. */
    private static final Map<String, Integer> EDITABLE =
            Map.of("first", 0, "last", 1, "badgeName", 2, "pronouns", 3, "email", 4, "org", 5, "title", 6, "type", 7);

    /**
     * Lays station edits over roster rows, as stations do: per field, the last edit in log order
     * (clock, station, id) wins; an edit to blank removes the correction, showing the imported value.
     */
    private List<RosterRow> withEdits(List<RosterRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<Record>> edits = new HashMap<>();
        List<String> codes = rows.stream().map(RosterRow::code).toList();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            dsl.select(EVENT_CODE, EVENT_HLC, EVENT_STATION, EVENT_ID, EVENT_DETAILS)
                    .from(EVENT)
                    .where(EVENT_CODE.in(codes.subList(from, Math.min(codes.size(), from + CHUNK))))
                    .and(EVENT_KIND.eq("ATTENDEE_EDITED"))
                    .forEach(r -> edits.computeIfAbsent(r.get(EVENT_CODE), k -> new ArrayList<>())
                            .add(r));
        }
        if (edits.isEmpty()) {
            return rows;
        }
        List<RosterRow> out = new ArrayList<>(rows.size());
        for (RosterRow row : rows) {
            List<Record> mine = edits.get(row.code());
            if (mine == null) {
                out.add(row);
                continue;
            }
            mine.sort(java.util.Comparator.comparing((Record r) -> r.get(EVENT_HLC))
                    .thenComparing(r -> r.get(EVENT_STATION))
                    .thenComparing(r -> r.get(EVENT_ID)));
            String[] v = {
                row.firstName(),
                row.lastName(),
                row.badgeName(),
                row.pronouns(),
                row.email(),
                row.organization(),
                row.title(),
                row.type()
            };
            String[] imported = v.clone();
            for (Record r : mine) {
                Map<String, String> d = extra(r.get(EVENT_DETAILS));
                Integer i = EDITABLE.get(d.getOrDefault("field", ""));
                if (i != null) {
                    String now = d.get("new");
                    v[i] = now == null || now.isBlank() ? imported[i] : now;
                }
            }
            out.add(new RosterRow(
                    row.code(),
                    row.barcode(),
                    v[0],
                    v[1] == null ? "" : v[1],
                    v[2],
                    v[3],
                    v[4],
                    v[5],
                    v[6],
                    v[7],
                    row.status(),
                    row.extra(),
                    row.walkIn()));
        }
        return out;
    }

    private static void check(WireEvent e) {
        if (e == null
                || e.id() == null
                || blank(e.attendeeCode())
                || blank(e.kind())
                || blank(e.stationId())
                || e.wallTime() == null
                || e.attendeeCode().length() > 200
                || e.kind().length() > 40
                || e.stationId().length() > 100
                || (e.details() != null && e.details().length() > 100_000)) {
            throw new IllegalArgumentException(
                    "An event lacks its id, attendee code, kind, station or time, " + "or a value is too long.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Events stored after {@code after}, in the order they were stored. */
    public PullResponse pull(long after, int limit) {
        int n = Math.max(1, Math.min(limit, Protocol.MAX_BATCH));
        List<Long> seqs = new ArrayList<>();
        List<WireEvent> events = dsl.select(
                        EVENT_SEQ,
                        EVENT_ID,
                        EVENT_CODE,
                        EVENT_KIND,
                        EVENT_STATION,
                        EVENT_WALL,
                        EVENT_HLC,
                        EVENT_DETAILS)
                .from(EVENT)
                .where(EVENT_SEQ.gt(after))
                .orderBy(EVENT_SEQ)
                .limit(n + 1)
                .fetch(r -> {
                    seqs.add(r.get(EVENT_SEQ));
                    return new WireEvent(
                            r.get(EVENT_ID),
                            r.get(EVENT_CODE),
                            r.get(EVENT_KIND),
                            r.get(EVENT_STATION),
                            r.get(EVENT_WALL),
                            r.get(EVENT_HLC),
                            r.get(EVENT_DETAILS));
                });
        boolean more = events.size() > n;
        if (more) {
            events = events.subList(0, n);
        }
        long cursor = events.isEmpty() ? after : seqs.get(events.size() - 1);
        return new PullResponse(List.copyOf(events), cursor, more);
    }

    public int eventCount() {
        return dsl.fetchCount(EVENT);
    }

    /**
     * Loads roster rows (an export the organizers imported at the hub): new codes are added and
     * changed rows updated, each with its own new roster version, so stations pull exactly what
     * changed. Returns how many rows changed.
     */
    public int importRoster(List<RosterRow> rows) {
        for (RosterRow r : rows) {
            if (r == null
                    || blank(r.code())
                    || r.code().length() > 200
                    || blank(r.firstName())
                    || r.lastName() == null
                    || blank(r.type())
                    || r.status() == null
                    || !r.status().matches("ATTENDING|CANCELLED|REFUNDED|PENDING")) {
                throw new IllegalArgumentException("A roster row needs a code, a first name, a last name (may be "
                        + "empty), a type and a status of ATTENDING, CANCELLED, REFUNDED or PENDING.");
            }
        }
        pushLock.lock();
        try {
            int changed = dsl.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                long version = t.select(COUNTER_VALUE)
                        .from(COUNTER)
                        .where(COUNTER_NAME.eq("roster"))
                        .forUpdate()
                        .fetchSingle(COUNTER_VALUE);
                Map<String, RosterRow> current = new HashMap<>();
                t.select(
                                A_CODE,
                                A_BARCODE,
                                A_FIRST,
                                A_LAST,
                                A_BADGE,
                                A_PRONOUNS,
                                A_EMAIL,
                                A_ORG,
                                A_TITLE,
                                A_TYPE,
                                A_STATUS,
                                A_EXTRA,
                                A_WALK_IN)
                        .from(ATTENDEE)
                        .forEach(r -> current.put(r.get(A_CODE), toRow(r)));
                long next = version;
                OffsetDateTime now = OffsetDateTime.now(clock);
                // Two JDBC batches (new rows first, then changed ones), not a statement per row.
                BatchBindStep inserts = t.batch(t.insertInto(
                                ATTENDEE,
                                A_CODE,
                                A_BARCODE,
                                A_FIRST,
                                A_LAST,
                                A_BADGE,
                                A_PRONOUNS,
                                A_EMAIL,
                                A_ORG,
                                A_TITLE,
                                A_TYPE,
                                A_STATUS,
                                A_EXTRA,
                                A_WALK_IN,
                                A_VERSION,
                                A_UPDATED)
                        .values(
                                (String) null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
                BatchBindStep updates = t.batch(t.update(ATTENDEE)
                        .set(A_BARCODE, (String) null)
                        .set(A_FIRST, (String) null)
                        .set(A_LAST, (String) null)
                        .set(A_BADGE, (String) null)
                        .set(A_PRONOUNS, (String) null)
                        .set(A_EMAIL, (String) null)
                        .set(A_ORG, (String) null)
                        .set(A_TITLE, (String) null)
                        .set(A_TYPE, (String) null)
                        .set(A_STATUS, (String) null)
                        .set(A_EXTRA, (String) null)
                        .set(A_VERSION, (Long) null)
                        .set(A_UPDATED, (OffsetDateTime) null)
                        .where(A_CODE.eq((String) null)));
                int added = 0;
                int updated = 0;
                for (RosterRow row : rows) {
                    RosterRow now2 = normalized(row);
                    if (Objects.equals(current.get(row.code()), now2)) {
                        continue;
                    }
                    next++;
                    String extra = extraJson(row.extra());
                    if (current.containsKey(row.code())) {
                        updates.bind(
                                row.barcode(),
                                row.firstName(),
                                row.lastName(),
                                row.badgeName(),
                                row.pronouns(),
                                row.email(),
                                row.organization(),
                                row.title(),
                                row.type(),
                                row.status(),
                                extra,
                                next,
                                now,
                                row.code());
                        updated++;
                    } else {
                        inserts.bind(
                                row.code(),
                                row.barcode(),
                                row.firstName(),
                                row.lastName(),
                                row.badgeName(),
                                row.pronouns(),
                                row.email(),
                                row.organization(),
                                row.title(),
                                row.type(),
                                row.status(),
                                extra,
                                false,
                                next,
                                now);
                        added++;
                    }
                    current.put(row.code(), now2);
                }
                if (added > 0) {
                    inserts.execute();
                }
                if (updated > 0) {
                    updates.execute();
                }
                t.update(COUNTER)
                        .set(COUNTER_VALUE, next)
                        .where(COUNTER_NAME.eq("roster"))
                        .execute();
                return (int) (next - version);
            });
            LOG.info("Roster import at the hub: {} of {} rows added or changed", changed, rows.size());
            return changed;
        } finally {
            pushLock.unlock();
        }
    }

    /** Roster rows changed after {@code after}, oldest change first. */
    public RosterResponse roster(long after, int limit) {
        int n = Math.max(1, Math.min(limit, Protocol.MAX_BATCH));
        List<Long> versions = new ArrayList<>();
        List<RosterRow> rows = dsl.select(
                        A_VERSION,
                        A_CODE,
                        A_BARCODE,
                        A_FIRST,
                        A_LAST,
                        A_BADGE,
                        A_PRONOUNS,
                        A_EMAIL,
                        A_ORG,
                        A_TITLE,
                        A_TYPE,
                        A_STATUS,
                        A_EXTRA,
                        A_WALK_IN)
                .from(ATTENDEE)
                .where(A_VERSION.gt(after))
                .orderBy(A_VERSION)
                .limit(n + 1)
                .fetch(r -> {
                    versions.add(r.get(A_VERSION));
                    return toRow(r);
                });
        boolean more = rows.size() > n;
        if (more) {
            rows = rows.subList(0, n);
        }
        return new RosterResponse(
                List.copyOf(withEdits(rows)), rows.isEmpty() ? after : versions.get(rows.size() - 1), more);
    }

    private static RosterRow toRow(Record r) {
        return new RosterRow(
                r.get(A_CODE),
                r.get(A_BARCODE),
                r.get(A_FIRST),
                r.get(A_LAST),
                r.get(A_BADGE),
                r.get(A_PRONOUNS),
                r.get(A_EMAIL),
                r.get(A_ORG),
                r.get(A_TITLE),
                r.get(A_TYPE),
                r.get(A_STATUS),
                extra(r.get(A_EXTRA)),
                Boolean.TRUE.equals(r.get(A_WALK_IN)));
    }

    private static RosterRow normalized(RosterRow r) {
        return new RosterRow(
                r.code(),
                r.barcode(),
                r.firstName(),
                r.lastName(),
                r.badgeName(),
                r.pronouns(),
                r.email(),
                r.organization(),
                r.title(),
                r.type(),
                r.status(),
                r.extra() == null ? Map.of() : r.extra(),
                false);
    }

    private static String extraJson(Map<String, String> extra) {
        if (extra == null || extra.isEmpty()) {
            return null;
        }
        try {
            return Protocol.JSON.writeValueAsString(extra);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static Map<String, String> extra(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return Protocol.JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("extra fields at the hub are not a JSON object", e);
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

    @Override
    public void close() {
        db.close();
    }
}
