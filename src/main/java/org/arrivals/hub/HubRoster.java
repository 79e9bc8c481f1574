package org.arrivals.hub;

import static org.arrivals.hub.HubTables.ATTENDEE;
import static org.arrivals.hub.HubTables.A_BADGE;
import static org.arrivals.hub.HubTables.A_BARCODE;
import static org.arrivals.hub.HubTables.A_CODE;
import static org.arrivals.hub.HubTables.A_EMAIL;
import static org.arrivals.hub.HubTables.A_EXTRA;
import static org.arrivals.hub.HubTables.A_FIRST;
import static org.arrivals.hub.HubTables.A_LAST;
import static org.arrivals.hub.HubTables.A_ORG;
import static org.arrivals.hub.HubTables.A_PRONOUNS;
import static org.arrivals.hub.HubTables.A_STATUS;
import static org.arrivals.hub.HubTables.A_TITLE;
import static org.arrivals.hub.HubTables.A_TYPE;
import static org.arrivals.hub.HubTables.A_UPDATED;
import static org.arrivals.hub.HubTables.A_VERSION;
import static org.arrivals.hub.HubTables.A_WALK_IN;
import static org.arrivals.hub.HubTables.ROW;
import static org.arrivals.hub.HubTables.ROW_WITH_VERSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PersonField;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.RosterContract;
import org.arrivals.sync.protocol.RosterResponse;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's roster ({@code hub_attendee}): rows the organizers imported, and walk-ins registered at
 * stations. Every change gives its row the next {@code roster} counter value as its version, and
 * stations pull the rows changed after the version they last saw, with station edits laid over
 * them ({@link RosterEdits}).
 */
final class HubRoster {
    private static final Logger LOG = LoggerFactory.getLogger(HubRoster.class);
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private final DSLContext dsl;
    private final Clock clock;
    private final Lock writes;

    HubRoster(DSLContext dsl, Clock clock, Lock writes) {
        this.dsl = dsl;
        this.clock = clock;
        this.writes = writes;
    }

    /**
     * Walk-ins registered at stations join the roster; an edit gives its attendee's row a new
     * version, so stations pull the row with the edit laid over it. Runs in a push's transaction,
     * after the {@code event} counter and before the {@code roster} counter (always in that order).
     */
    void takeIn(DSLContext t, List<WireEvent> fresh, OffsetDateTime now) {
        List<WireEvent> walkIns = fresh.stream()
                .filter(e -> e.kind().equals(EventKind.WALK_IN_REGISTERED.name()))
                .toList();
        Set<String> edited = new TreeSet<>();
        fresh.stream()
                .filter(e -> e.kind().equals(EventKind.ATTENDEE_EDITED.name()))
                .forEach(e -> edited.add(e.attendeeCode()));
        if (walkIns.isEmpty() && edited.isEmpty()) {
            return;
        }
        long version = Counters.lock(t, Counters.ROSTER);
        for (WireEvent w : walkIns) {
            if (t.fetchExists(ATTENDEE, A_CODE.eq(w.attendeeCode()))) {
                continue;
            }
            Map<String, String> d = Details.fromJson(w.details());
            String type = d.get(PersonField.TYPE.key());
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
                            d.get(PersonField.FIRST.key()),
                            d.getOrDefault(PersonField.LAST.key(), ""),
                            d.get(PersonField.BADGE_NAME.key()),
                            d.get(PersonField.PRONOUNS.key()),
                            d.get(PersonField.EMAIL.key()),
                            d.get(PersonField.ORG.key()),
                            d.get(PersonField.TITLE.key()),
                            type == null || type.isBlank() ? RosterContract.DEFAULT_TYPE : type,
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
        Counters.set(t, Counters.ROSTER, version);
    }

    /**
     * Loads roster rows (an export the organizers imported at the hub): new codes are added and
     * changed rows updated, each with its own new roster version, so stations pull exactly what
     * changed. Returns how many rows changed.
     *
     * @throws ContractViolation for a row the contract refuses (then nothing is loaded)
     */
    int importRoster(List<RosterRow> rows) {
        for (RosterRow r : rows) {
            if (r == null) {
                throw new IllegalArgumentException("A roster row is empty.");
            }
            RosterContract.check(r).ifPresent(p -> {
                throw new ContractViolation(p);
            });
        }
        writes.lock();
        try {
            int changed = dsl.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                long version = Counters.lock(t, Counters.ROSTER);
                Map<String, RosterRow> current = new HashMap<>();
                t.select(ROW).from(ATTENDEE).forEach(r -> current.put(r.get(A_CODE), toRow(r)));
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
                    RosterRow imported = normalized(row);
                    if (Objects.equals(current.get(row.code()), imported)) {
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
                    current.put(row.code(), imported);
                }
                if (added > 0) {
                    inserts.execute();
                }
                if (updated > 0) {
                    updates.execute();
                }
                Counters.set(t, Counters.ROSTER, next);
                return (int) (next - version);
            });
            LOG.info("Roster import at the hub: {} of {} rows added or changed", changed, rows.size());
            return changed;
        } finally {
            writes.unlock();
        }
    }

    /** Roster rows changed after {@code after}, oldest change first, with station edits laid over them. */
    RosterResponse page(long after, int limit) {
        int n = Math.max(1, Math.min(limit, Protocol.MAX_ROSTER_PAGE));
        if (Boolean.getBoolean(PREVIOUS_PAGE)) {
            return previousPage(after, n);
        }
        List<Long> versions = new ArrayList<>(n + 1);
        List<RosterRow> rows = dsl.connectionResult(c -> {
            List<RosterRow> out = new ArrayList<>(n + 1);
            try (PreparedStatement ps = c.prepareStatement(PAGE)) {
                ps.setLong(1, after);
                ps.setInt(2, n + 1);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        versions.add(r.getLong(1));
                        out.add(new RosterRow(
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6),
                                r.getString(7),
                                r.getString(8),
                                r.getString(9),
                                r.getString(10),
                                r.getString(11),
                                r.getString(12),
                                extra(r.getString(13)),
                                r.getBoolean(14)));
                    }
                }
            }
            return out;
        });
        boolean more = rows.size() > n;
        if (more) {
            rows = rows.subList(0, n);
        }
        if (rows.isEmpty()) {
            return new RosterResponse(List.of(), after, false);
        }
        long last = versions.get(rows.size() - 1);
        // One query for the edits of every row of the page (by its version range), not one per
        // 1,000 codes. A row edited between the two queries gets a version above {@code last}, so
        // the station pulls it again, with every edit, in a later page.
        return new RosterResponse(
                List.copyOf(RosterEdits.layOver(rows, RosterEdits.ofVersions(dsl, after, last))), last, more);
    }

    /** Read a roster page as before (jOOQ records, edits read 1,000 codes at a time): the benchmark's baseline. */
    static final String PREVIOUS_PAGE = "arrivals.hub.previousRosterPage";

    private static final String PAGE = "SELECT roster_version, code, barcode, first_name, last_name, badge_name,"
            + " pronouns, email, organization, title, attendee_type, status, extra, walk_in FROM hub_attendee"
            + " WHERE roster_version > ? ORDER BY roster_version LIMIT ?";

    private RosterResponse previousPage(long after, int n) {
        List<Long> versions = new ArrayList<>();
        List<RosterRow> rows = dsl.select(ROW_WITH_VERSION)
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
                List.copyOf(RosterEdits.layOver(dsl, rows)),
                rows.isEmpty() ? after : versions.get(rows.size() - 1),
                more);
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

    /** A row as it reads back once imported: no extra columns is an empty map, and it is not a walk-in. */
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

    /** The roster's extra columns as the hub stores them: a JSON object, null when there are none. */
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
}
