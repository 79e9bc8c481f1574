package org.arrivals.attendee;

import static org.arrivals.store.jooq.Tables.ATTENDEE;
import static org.arrivals.store.jooq.Tables.ATTENDEE_EDIT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.AttendeeRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.impl.DSL;

/**
 * The roster as the station sees it: imported rows with on-site edits laid over them.
 *
 * <p>Edits live beside the imported values (table {@code attendee_edit}) rather than over them,
 * so a later import can refresh what the registration system says without undoing a volunteer's
 * correction of a misspelt name.
 */
public final class AttendeeStore {
    /** Every column of a roster row, in the order a batch binds them. */
    public static final List<Field<?>> ROW_COLUMNS = List.of(
            ATTENDEE.CODE,
            ATTENDEE.BARCODE,
            ATTENDEE.FIRST_NAME,
            ATTENDEE.LAST_NAME,
            ATTENDEE.BADGE_NAME,
            ATTENDEE.PRONOUNS,
            ATTENDEE.EMAIL,
            ATTENDEE.ORGANIZATION,
            ATTENDEE.TITLE,
            ATTENDEE.ATTENDEE_TYPE,
            ATTENDEE.STATUS,
            ATTENDEE.EXTRA,
            ATTENDEE.WALK_IN,
            ATTENDEE.ROSTER_VERSION,
            ATTENDEE.CREATED_AT,
            ATTENDEE.UPDATED_AT);

    /** One placeholder for each of {@link #ROW_COLUMNS}, typed by its column when bound. */
    static final List<Object> ROW_PLACEHOLDERS = java.util.Collections.nCopies(ROW_COLUMNS.size(), null);

    /** An insert of one roster row with every column, for a batch to bind in {@link #ROW_COLUMNS}' order. */
    public static InsertValuesStepN<AttendeeRecord> insertRow(DSLContext t) {
        return t.insertInto(ATTENDEE, ROW_COLUMNS).values(ROW_PLACEHOLDERS);
    }

    /** The fields a person may correct on site, by their {@link AttendeeField} name. */
    public static final Set<AttendeeField> EDITABLE = Set.of(
            AttendeeField.FIRST,
            AttendeeField.LAST,
            AttendeeField.BADGE_NAME,
            AttendeeField.PRONOUNS,
            AttendeeField.EMAIL,
            AttendeeField.ORG,
            AttendeeField.TITLE,
            AttendeeField.TYPE);

    /** Codes per {@code IN} list when reading people by code. */
    private static final int CHUNK = 1000;

    private final Store store;
    private final DSLContext dsl;
    private final Clock clock;
    private final List<RosterListener> listeners = new CopyOnWriteArrayList<>();

    public AttendeeStore(Store store, Clock clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.clock = clock;
    }

    /**
     * Runs a large write (a new station's whole roster) with the database's write delay relaxed
     * ({@link Store#bulkWrite}): everything is on disk when it returns.
     */
    public <T> T bulkWrite(java.util.function.Supplier<T> work) {
        return store.bulkWrite(work);
    }

    public int count() {
        return dsl.fetchCount(ATTENDEE);
    }

    public Optional<Attendee> findByCode(String code) {
        return fetch(ATTENDEE.CODE.eq(code)).stream().findFirst();
    }

    public Optional<Attendee> findByBarcode(String barcode) {
        return fetch(ATTENDEE.BARCODE.eq(barcode)).stream().findFirst();
    }

    /** Everyone, ordered by last then first name. */
    public List<Attendee> all() {
        return fetch(DSL.noCondition());
    }

    /**
     * Everyone, with on-site edits laid over, holding only what the search index reads (id, code,
     * names, badge name, pronouns, email, organization, type, status, walk-in): no barcode, title
     * or extra fields (null, null, empty), in no particular order (the index sorts by code). One
     * plain JDBC scan of the table instead of {@link #all}'s sorted read of every column, which
     * also parsed each person's extra fields: the desk's first index build waits for it.
     */
    public List<Attendee> forIndex() {
        return dsl.connectionResult(c -> {
            Map<Long, Map<AttendeeField, String>> edits = new HashMap<>();
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet r =
                            st.executeQuery("SELECT attendee_id, field, field_value FROM attendee_edit")) {
                while (r.next()) {
                    long id = r.getLong(1);
                    String value = r.getString(3);
                    AttendeeField.byCliName(r.getString(2))
                            .ifPresent(f -> edits.computeIfAbsent(id, k -> new EnumMap<>(AttendeeField.class))
                                    .put(f, value));
                }
            }
            List<Attendee> out = new ArrayList<>();
            RegistrationStatus[] statuses = RegistrationStatus.values();
            Map<String, RegistrationStatus> byName = new HashMap<>();
            for (RegistrationStatus s : statuses) {
                byName.put(s.name(), s);
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.setFetchSize(10_000);
                try (java.sql.ResultSet r = st.executeQuery(INDEX_ROWS)) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        Map<AttendeeField, String> e = edits.getOrDefault(id, Map.of());
                        String status = r.getString(10);
                        RegistrationStatus known = byName.get(status);
                        out.add(new Attendee(
                                id,
                                r.getString(2),
                                null,
                                e.getOrDefault(AttendeeField.FIRST, r.getString(3)),
                                e.getOrDefault(AttendeeField.LAST, r.getString(4)),
                                e.getOrDefault(AttendeeField.BADGE_NAME, r.getString(5)),
                                e.getOrDefault(AttendeeField.PRONOUNS, r.getString(6)),
                                e.getOrDefault(AttendeeField.EMAIL, r.getString(7)),
                                e.getOrDefault(AttendeeField.ORG, r.getString(8)),
                                null,
                                e.getOrDefault(AttendeeField.TYPE, r.getString(9)),
                                known != null ? known : RegistrationStatus.valueOf(status),
                                Map.of(),
                                r.getBoolean(11)));
                    }
                }
            }
            return out;
        });
    }

    private static final String INDEX_ROWS = "SELECT id, code, first_name, last_name, badge_name, pronouns, email,"
            + " organization, attendee_type, status, walk_in FROM attendee";

    /**
     * A plain store query: every word of the query must appear, case-insensitively, in a name,
     * the badge name, the email, the organization or the code. The desk's instant search is the
     * in-memory index; this serves the CLI and scripts.
     */
    public List<Attendee> search(String query, int limit) {
        Condition all = DSL.noCondition();
        for (String word : query.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            Condition any = DSL.falseCondition();
            for (Field<String> f : List.of(
                    ATTENDEE.FIRST_NAME,
                    ATTENDEE.LAST_NAME,
                    ATTENDEE.BADGE_NAME,
                    ATTENDEE.EMAIL,
                    ATTENDEE.ORGANIZATION,
                    ATTENDEE.CODE)) {
                any = any.or(DSL.lower(f).contains(word));
            }
            all = all.and(any);
        }
        List<Attendee> found = fetch(all);
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * Lays an on-site correction over the imported value, inside the caller's transaction (the
     * check-in log records the edit as an event in the same one). It stays until removed, whatever
     * later imports say; a null or blank value removes it.
     */
    public void applyEdit(DSLContext tx, long attendeeId, AttendeeField field, String value) {
        if (!EDITABLE.contains(field)) {
            throw new IllegalArgumentException(field.cliName() + " cannot be edited on site");
        }
        if (value == null || value.isBlank()) {
            tx.deleteFrom(ATTENDEE_EDIT)
                    .where(ATTENDEE_EDIT.ATTENDEE_ID.eq(attendeeId))
                    .and(ATTENDEE_EDIT.FIELD.eq(field.cliName()))
                    .execute();
        } else {
            tx.mergeInto(ATTENDEE_EDIT)
                    .using(DSL.selectOne())
                    .on(ATTENDEE_EDIT.ATTENDEE_ID.eq(attendeeId).and(ATTENDEE_EDIT.FIELD.eq(field.cliName())))
                    .whenMatchedThenUpdate()
                    .set(ATTENDEE_EDIT.FIELD_VALUE, value.strip())
                    .set(ATTENDEE_EDIT.EDITED_AT, now())
                    .whenNotMatchedThenInsert(
                            ATTENDEE_EDIT.ATTENDEE_ID,
                            ATTENDEE_EDIT.FIELD,
                            ATTENDEE_EDIT.FIELD_VALUE,
                            ATTENDEE_EDIT.EDITED_AT)
                    .values(attendeeId, field.cliName(), value.strip(), now())
                    .execute();
        }
        tx.update(ATTENDEE)
                .set(ATTENDEE.ROSTER_VERSION, RosterVersion.next(tx))
                .set(ATTENDEE.UPDATED_AT, now())
                .where(ATTENDEE.ID.eq(attendeeId))
                .execute();
    }

    /** Someone registered at the desk: attending, marked as a walk-in, inside the caller's transaction. */
    public void insertWalkIn(DSLContext tx, WalkIn w, String code) {
        OffsetDateTime now = now();
        tx.insertInto(
                        ATTENDEE,
                        ATTENDEE.CODE,
                        ATTENDEE.FIRST_NAME,
                        ATTENDEE.LAST_NAME,
                        ATTENDEE.BADGE_NAME,
                        ATTENDEE.PRONOUNS,
                        ATTENDEE.EMAIL,
                        ATTENDEE.ORGANIZATION,
                        ATTENDEE.TITLE,
                        ATTENDEE.ATTENDEE_TYPE,
                        ATTENDEE.STATUS,
                        ATTENDEE.WALK_IN,
                        ATTENDEE.ROSTER_VERSION,
                        ATTENDEE.CREATED_AT,
                        ATTENDEE.UPDATED_AT)
                .values(
                        code,
                        w.firstName(),
                        w.lastName(),
                        w.badgeName(),
                        w.pronouns(),
                        w.email(),
                        w.organization(),
                        w.title(),
                        w.type(),
                        RegistrationStatus.ATTENDING.name(),
                        true,
                        RosterVersion.next(tx),
                        now,
                        now)
                .execute();
    }

    /** The local row id of a code, read inside the caller's transaction (it may have just added the row). */
    public Optional<Long> idOf(DSLContext tx, String code) {
        return tx.select(ATTENDEE.ID)
                .from(ATTENDEE)
                .where(ATTENDEE.CODE.eq(code))
                .fetchOptional(ATTENDEE.ID);
    }

    /**
     * Takes in roster rows the hub holds (imported there by the organizers), matched by code:
     * new codes are added, known ones refreshed; on-site edits stay laid over them, and check-ins
     * are untouched. A barcode moving to another person is released by its old holder first.
     * The {@code id} of each given attendee is ignored. Returns how many rows changed. Listeners
     * are not told: the caller lays edits over the new rows first, then tells them with
     * {@link #fireChangedCodes(Collection)}.
     */
    public int upsertFromHub(List<Attendee> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = now();
        int changed = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            long version = RosterVersion.next(t);
            // Two JDBC batches, not a statement per row: a first pull may carry the whole roster.
            var release = t.batch(t.update(ATTENDEE)
                    .set(ATTENDEE.BARCODE, DSL.inline((String) null))
                    .where(ATTENDEE.BARCODE.eq((String) null))
                    .and(ATTENDEE.CODE.ne((String) null)));
            var merge = t.batch(t.mergeInto(ATTENDEE)
                    .using(DSL.selectOne())
                    .on(ATTENDEE.CODE.eq((String) null))
                    .whenMatchedThenUpdate()
                    .set(ATTENDEE.BARCODE, (String) null)
                    .set(ATTENDEE.FIRST_NAME, (String) null)
                    .set(ATTENDEE.LAST_NAME, (String) null)
                    .set(ATTENDEE.BADGE_NAME, (String) null)
                    .set(ATTENDEE.PRONOUNS, (String) null)
                    .set(ATTENDEE.EMAIL, (String) null)
                    .set(ATTENDEE.ORGANIZATION, (String) null)
                    .set(ATTENDEE.TITLE, (String) null)
                    .set(ATTENDEE.ATTENDEE_TYPE, (String) null)
                    .set(ATTENDEE.STATUS, (String) null)
                    .set(ATTENDEE.EXTRA, (String) null)
                    .set(ATTENDEE.ROSTER_VERSION, (Long) null)
                    .set(ATTENDEE.UPDATED_AT, (OffsetDateTime) null)
                    .whenNotMatchedThenInsert(ROW_COLUMNS)
                    .values(ROW_PLACEHOLDERS));
            boolean releases = false;
            for (Attendee a : rows) {
                if (a.barcode() != null) {
                    release.bind(a.barcode(), a.code());
                    releases = true;
                }
                String extra = ExtraFields.toJson(a.extra());
                merge.bind(
                        a.code(),
                        a.barcode(),
                        a.firstName(),
                        a.lastName(),
                        a.badgeName(),
                        a.pronouns(),
                        a.email(),
                        a.organization(),
                        a.title(),
                        a.type(),
                        a.status().name(),
                        extra,
                        version,
                        now,
                        a.code(),
                        a.barcode(),
                        a.firstName(),
                        a.lastName(),
                        a.badgeName(),
                        a.pronouns(),
                        a.email(),
                        a.organization(),
                        a.title(),
                        a.type(),
                        a.status().name(),
                        extra,
                        a.walkIn(),
                        version,
                        now,
                        now);
            }
            if (releases) {
                release.execute();
            }
            int n = 0;
            for (int c : merge.execute()) {
                n += Math.max(c, 0);
            }
            return n;
        });
        return changed;
    }

    /**
     * Rows from the hub for people this station does not hold yet (a new station's first roster),
     * in one transaction: a plain JDBC batch of inserts, no merge, nothing told to listeners (the
     * caller tells them once, at the end, with {@link #fireReloaded}). Returns how many were
     * inserted.
     *
     * @throws org.jooq.exception.IntegrityConstraintViolationException when a code or barcode is
     *     already held (then nothing of the page was written: merge it with {@link #upsertFromHub})
     */
    public int insertFromHub(List<Attendee> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        if (jooqInsert) {
            return insertFromHubThroughJooq(rows);
        }
        OffsetDateTime now = now();
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            long version = RosterVersion.next(t);
            t.connection(c -> insertRows(c, rows, version, now));
            return rows.size();
        });
    }

    /** The insert of every column of a roster row, in {@link #ROW_COLUMNS}' order, as plain SQL. */
    private static final String INSERT_ROW = "INSERT INTO attendee (code, barcode, first_name, last_name, badge_name,"
            + " pronouns, email, organization, title, attendee_type, status, extra, walk_in, roster_version,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Rows per JDBC batch of {@link #insertFromHub}. */
    private static final int INSERT_BATCH = 1000;

    /**
     * Binds every row straight to H2's prepared statement: jOOQ's batch binding (a data type and a
     * converter looked up per value) was about a fifth of a first pull's insert.
     */
    private static void insertRows(java.sql.Connection c, List<Attendee> rows, long version, OffsetDateTime now)
            throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT_ROW)) {
            int pending = 0;
            for (Attendee a : rows) {
                ps.setString(1, a.code());
                ps.setString(2, a.barcode());
                ps.setString(3, a.firstName());
                ps.setString(4, a.lastName());
                ps.setString(5, a.badgeName());
                ps.setString(6, a.pronouns());
                ps.setString(7, a.email());
                ps.setString(8, a.organization());
                ps.setString(9, a.title());
                ps.setString(10, a.type());
                ps.setString(11, a.status().name());
                ps.setString(12, ExtraFields.toJson(a.extra()));
                ps.setBoolean(13, a.walkIn());
                ps.setLong(14, version);
                ps.setObject(15, now);
                ps.setObject(16, now);
                ps.addBatch();
                if (++pending == INSERT_BATCH) {
                    executeInsert(ps);
                    pending = 0;
                }
            }
            if (pending > 0) {
                executeInsert(ps);
            }
        }
    }

    private static void executeInsert(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        try {
            ps.executeBatch();
        } catch (java.sql.SQLException e) {
            java.sql.SQLException cause = e instanceof java.sql.BatchUpdateException b && b.getNextException() != null
                    ? b.getNextException()
                    : e;
            String state = cause.getSQLState() != null ? cause.getSQLState() : e.getSQLState();
            if (state != null && state.startsWith("23")) {
                // a code or barcode already held: the caller merges the page instead
                throw new org.jooq.exception.IntegrityConstraintViolationException(
                        "A roster row from the hub is already held (SQL state " + state + ")", e);
            }
            throw e;
        }
    }

    /** Whether {@link #insertFromHub} binds through jOOQ as before (the benchmark's baseline). */
    private volatile boolean jooqInsert;

    /** The benchmark's baseline: a new station's roster inserted through jOOQ's batch binding, as before. */
    public AttendeeStore insertThroughJooq(boolean on) {
        this.jooqInsert = on;
        return this;
    }

    private int insertFromHubThroughJooq(List<Attendee> rows) {
        OffsetDateTime now = now();
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            long version = RosterVersion.next(t);
            var insert = t.batch(insertRow(t));
            for (Attendee a : rows) {
                insert.bind(
                        a.code(),
                        a.barcode(),
                        a.firstName(),
                        a.lastName(),
                        a.badgeName(),
                        a.pronouns(),
                        a.email(),
                        a.organization(),
                        a.title(),
                        a.type(),
                        a.status().name(),
                        ExtraFields.toJson(a.extra()),
                        a.walkIn(),
                        version,
                        now,
                        now);
            }
            insert.execute();
            return rows.size();
        });
    }

    public void addListener(RosterListener listener) {
        listeners.add(listener);
    }

    public void fireReloaded() {
        listeners.forEach(RosterListener::rosterReloaded);
    }

    public void fireChanged(Attendee a) {
        listeners.forEach(l -> l.attendeeChanged(a));
    }

    /**
     * Tells listeners, in one batch, that the people with these codes changed (other stations'
     * walk-ins and edits, a roster page from the hub), as the store holds them now. Codes the
     * store does not hold are left out; nothing is told when none remain.
     */
    public void fireChangedCodes(Collection<String> codes) {
        if (codes.isEmpty() || listeners.isEmpty()) {
            return;
        }
        List<Attendee> batch = new ArrayList<>(codes.size());
        List<String> all = List.copyOf(new LinkedHashSet<>(codes));
        for (int from = 0; from < all.size(); from += CHUNK) {
            batch.addAll(fetch(ATTENDEE.CODE.in(all.subList(from, Math.min(all.size(), from + CHUNK)))));
        }
        if (!batch.isEmpty()) {
            List<Attendee> told = List.copyOf(batch);
            listeners.forEach(l -> l.attendeesChanged(told));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private List<Attendee> fetch(Condition where) {
        var rows = dsl.selectFrom(ATTENDEE)
                .where(where)
                .orderBy(DSL.lower(ATTENDEE.LAST_NAME), DSL.lower(ATTENDEE.FIRST_NAME), ATTENDEE.CODE)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean everyone = rows.size() > 500;
        var ids = rows.getValues(ATTENDEE.ID);
        Map<Long, Map<AttendeeField, String>> edits = new HashMap<>();
        dsl.select(ATTENDEE_EDIT.ATTENDEE_ID, ATTENDEE_EDIT.FIELD, ATTENDEE_EDIT.FIELD_VALUE)
                .from(ATTENDEE_EDIT)
                .where(everyone ? DSL.noCondition() : ATTENDEE_EDIT.ATTENDEE_ID.in(ids))
                .forEach(r -> AttendeeField.byCliName(r.value2())
                        .ifPresent(f -> edits.computeIfAbsent(r.value1(), k -> new EnumMap<>(AttendeeField.class))
                                .put(f, r.value3())));
        List<Attendee> out = new ArrayList<>(rows.size());
        for (AttendeeRecord r : rows) {
            out.add(toAttendee(r, edits.getOrDefault(r.getId(), Map.of())));
        }
        return out;
    }

    private static Attendee toAttendee(AttendeeRecord r, Map<AttendeeField, String> edit) {
        return new Attendee(
                r.getId(),
                r.getCode(),
                r.getBarcode(),
                edit.getOrDefault(AttendeeField.FIRST, r.getFirstName()),
                edit.getOrDefault(AttendeeField.LAST, r.getLastName()),
                edit.getOrDefault(AttendeeField.BADGE_NAME, r.getBadgeName()),
                edit.getOrDefault(AttendeeField.PRONOUNS, r.getPronouns()),
                edit.getOrDefault(AttendeeField.EMAIL, r.getEmail()),
                edit.getOrDefault(AttendeeField.ORG, r.getOrganization()),
                edit.getOrDefault(AttendeeField.TITLE, r.getTitle()),
                edit.getOrDefault(AttendeeField.TYPE, r.getAttendeeType()),
                RegistrationStatus.valueOf(r.getStatus()),
                ExtraFields.fromJson(r.getExtra()),
                r.getWalkIn());
    }
}
