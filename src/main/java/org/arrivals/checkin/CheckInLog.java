package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.ARRIVAL;
import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.codec.binary.Base32;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.ExtraFields;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.export.ArrivalStates;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.ArrivalRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in log: check-ins, undos, walk-ins and edits are recorded as immutable events, and
 * each attendee's {@link Arrival} is updated in the same transaction as the event that changes it.
 * A call that returns has committed its event to the database file.
 */
public final class CheckInLog implements ArrivalStates {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInLog.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long BUCKET_MILLIS = 15 * 60 * 1000;
    private static final int CHUNK = 1000;

    private final Store store;
    private final DSLContext dsl;
    private final AttendeeStore attendees;
    private final String stationId;
    private final Clock clock;
    private final HybridClock hlc;
    private final List<ArrivalListener> listeners = new CopyOnWriteArrayList<>();

    public CheckInLog(Store store, AttendeeStore attendees, String stationId, Clock clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.attendees = attendees;
        this.stationId = stationId;
        this.clock = clock;
        Long newest = dsl.select(DSL.max(CHECKIN_EVENT.HLC))
                .from(CHECKIN_EVENT)
                .fetchOne()
                .value1();
        this.hlc = new HybridClock(clock, newest == null ? 0 : newest);
    }

    public void addListener(ArrivalListener listener) {
        listeners.add(listener);
    }

    public String stationId() {
        return stationId;
    }

    /**
     * Checks a person in. Someone already in is reported with where and when, and no second arrival
     * is recorded. A cancelled, refunded or pending registration is blocked unless a person gives an
     * {@code overrideReason}, which the event records with the status it overrode.
     */
    public synchronized CheckInResult checkIn(String code, String overrideReason) {
        Optional<Attendee> found = attendees.findByCode(code);
        if (found.isEmpty()) {
            return new CheckInResult(CheckInResult.Outcome.NOT_FOUND, null, null);
        }
        Attendee a = found.get();
        Arrival now = arrival(code);
        if (now.checkedIn()) {
            return new CheckInResult(CheckInResult.Outcome.ALREADY_CHECKED_IN, a, now);
        }
        boolean blocked = a.status() != RegistrationStatus.ATTENDING;
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (blocked && !override) {
            return new CheckInResult(CheckInResult.Outcome.BLOCKED, a, now);
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (blocked) {
            details.put("overrodeStatus", a.status().label());
            details.put("reason", overrideReason.strip());
        }
        Arrival after = record(code, EventKind.CHECKED_IN, List.of(details), null);
        LOG.info(
                "Attendee {} checked in{}",
                a.id(),
                blocked ? " over status " + a.status().label() : "");
        return new CheckInResult(
                blocked ? CheckInResult.Outcome.CHECKED_IN_OVERRIDE : CheckInResult.Outcome.CHECKED_IN, a, after);
    }

    /** Undo is an event, not a delete: the log keeps both the arrival and its reversal. */
    public synchronized CheckInResult undo(String code) {
        Optional<Attendee> found = attendees.findByCode(code);
        if (found.isEmpty()) {
            return new CheckInResult(CheckInResult.Outcome.NOT_FOUND, null, null);
        }
        Arrival now = arrival(code);
        if (!now.checkedIn()) {
            return new CheckInResult(CheckInResult.Outcome.NOT_CHECKED_IN, found.get(), now);
        }
        Arrival after = record(code, EventKind.CHECK_IN_UNDONE, List.of(Map.of()), null);
        LOG.info("Check-in of attendee {} undone", found.get().id());
        return new CheckInResult(CheckInResult.Outcome.UNDONE, found.get(), after);
    }

    /**
     * Registers someone who is not on the list, with a new code no other station can also have
     * made ({@code W-} and seven random Base32 characters), in one transaction with its event.
     */
    public synchronized Attendee registerWalkIn(WalkIn walkIn) {
        for (int attempt = 0; ; attempt++) {
            String code = newWalkInCode();
            try {
                record(
                        code,
                        EventKind.WALK_IN_REGISTERED,
                        List.of(walkInDetails(walkIn)),
                        t -> attendees.insertWalkIn(t, walkIn, code));
                Attendee a = attendees.findByCode(code).orElseThrow();
                LOG.info("Walk-in registered as attendee {}", a.id());
                attendees.fireChanged(a);
                return a;
            } catch (IntegrityConstraintViolationException taken) {
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Corrects badge fields (a misspelt name). Each changed field is an event with its old and new
     * value; the correction outlives later imports. Unchanged fields record nothing.
     */
    public synchronized Attendee edit(String code, Map<AttendeeField, String> changes) {
        Attendee before = attendees
                .findByCode(code)
                .orElseThrow(() -> new IllegalArgumentException("No attendee has the code " + code + "."));
        Map<AttendeeField, String> effective = new EnumMap<>(AttendeeField.class);
        for (var c : changes.entrySet()) {
            if (!AttendeeStore.EDITABLE.contains(c.getKey())) {
                throw new IllegalArgumentException(c.getKey().cliName() + " cannot be edited on site.");
            }
            String now = c.getValue() == null || c.getValue().isBlank()
                    ? null
                    : c.getValue().strip();
            if (!Objects.equals(now, before.editableValue(c.getKey()))) {
                effective.put(c.getKey(), now);
            }
        }
        if (effective.isEmpty()) {
            return before;
        }
        List<Map<String, String>> events = new ArrayList<>();
        for (var c : effective.entrySet()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("field", c.getKey().cliName());
            details.put("old", Objects.toString(before.editableValue(c.getKey()), ""));
            details.put("new", Objects.toString(c.getValue(), ""));
            events.add(details);
        }
        record(
                code,
                EventKind.ATTENDEE_EDITED,
                events,
                t -> effective.forEach((field, v) -> attendees.applyEdit(t, before.id(), field, v)));
        Attendee after = attendees.findByCode(code).orElseThrow();
        LOG.info("Attendee {} edited: {}", before.id(), effective.keySet());
        attendees.fireChanged(after);
        return after;
    }

    /** A first badge was handed to a printer. */
    public synchronized void badgePrinted(String code) {
        record(code, EventKind.BADGE_PRINTED, List.of(Map.of()), null);
    }

    /** Another badge, with why (lost, damaged, name corrected): counted and audited. */
    public synchronized void badgeReprinted(String code, String reason) {
        record(code, EventKind.BADGE_REPRINTED, List.of(Map.of("reason", reason)), null);
    }

    /** The person collected their badge at a badge-pickup station: recorded, not counted as an entry. */
    public synchronized void badgePickedUp(String code) {
        record(code, EventKind.BADGE_PICKED_UP, List.of(Map.of()), null);
        LOG.info(
                "Badge of attendee {} picked up",
                attendees.findByCode(code).map(Attendee::id).orElse(-1L));
    }

    /** The first time this person collected their badge at a pickup station (any station's), if they did. */
    public Optional<CheckInEvent> pickup(String code) {
        return events(code).stream()
                .filter(e -> e.kind() == EventKind.BADGE_PICKED_UP)
                .findFirst();
    }

    /** How many people collected their badge at a pickup station. */
    public int pickedUpCount() {
        return dsl.fetchCount(dsl.selectDistinct(CHECKIN_EVENT.ATTENDEE_CODE)
                .from(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.KIND.eq(EventKind.BADGE_PICKED_UP.name())));
    }

    public Arrival arrival(String code) {
        return Optional.ofNullable(dsl.selectFrom(ARRIVAL)
                        .where(ARRIVAL.ATTENDEE_CODE.eq(code))
                        .fetchOne())
                .map(CheckInLog::toArrival)
                .orElse(Arrival.none(code));
    }

    /** Everything that happened to one attendee, in log order. */
    public List<CheckInEvent> events(String code) {
        return eventsOf(dsl, code).stream().sorted(CheckInEvent.LOG_ORDER).toList();
    }

    public int checkedInCount() {
        return dsl.fetchCount(ARRIVAL, ARRIVAL.CHECKED_IN.isTrue());
    }

    public Set<String> arrivedCodes() {
        return new HashSet<>(dsl.select(ARRIVAL.ATTENDEE_CODE)
                .from(ARRIVAL)
                .where(ARRIVAL.CHECKED_IN.isTrue())
                .fetch(ARRIVAL.ATTENDEE_CODE));
    }

    @Override
    public Map<String, ArrivalStates.State> byCode() {
        Map<String, ArrivalStates.State> out = new HashMap<>();
        dsl.selectFrom(ARRIVAL)
                .forEach(r -> out.put(
                        r.getAttendeeCode(),
                        new ArrivalStates.State(r.getCheckedIn(), r.getCheckedInAt(), r.getStationId())));
        return out;
    }

    /** Arrived versus expected, overall and by attendee type, and arrivals per 15 minutes. */
    public Stats stats() {
        Map<String, ArrivalStates.State> states = byCode();
        Map<String, int[]> byType = new TreeMap<>();
        int arrived = 0;
        int expected = 0;
        TreeMap<Long, Integer> buckets = new TreeMap<>();
        for (Attendee a : attendees.all()) {
            int[] c = byType.computeIfAbsent(a.type(), k -> new int[2]);
            ArrivalStates.State s = states.get(a.code());
            if (a.status() == RegistrationStatus.ATTENDING) {
                expected++;
                c[1]++;
            }
            if (s != null && s.checkedIn()) {
                arrived++;
                c[0]++;
                long start = s.at().toInstant().toEpochMilli() / BUCKET_MILLIS * BUCKET_MILLIS;
                buckets.merge(start, 1, Integer::sum);
            }
        }
        Map<String, Stats.TypeCount> types = new LinkedHashMap<>();
        byType.forEach((t, c) -> types.put(t, new Stats.TypeCount(c[0], c[1])));
        List<Stats.Bucket> per15 = new ArrayList<>();
        if (!buckets.isEmpty()) {
            for (long b = buckets.firstKey(); b <= buckets.lastKey(); b += BUCKET_MILLIS) {
                per15.add(new Stats.Bucket(
                        OffsetDateTime.ofInstant(Instant.ofEpochMilli(b), ZoneOffset.UTC), buckets.getOrDefault(b, 0)));
            }
        }
        return new Stats(arrived, expected, types, per15, pickedUpCount());
    }

    /** Events the hub has not acknowledged yet (the outbox), in log order, at most {@code limit}. */
    public List<CheckInEvent> pending(int limit) {
        return dsl.selectFrom(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.ACKED_AT.isNull())
                .orderBy(CHECKIN_EVENT.HLC, CHECKIN_EVENT.STATION_ID, CHECKIN_EVENT.ID)
                .limit(limit)
                .fetch(CheckInLog::toEvent);
    }

    /** Every station this log has heard from (itself, and others through the hub), busiest first. */
    public List<StationActivity> stationActivity() {
        var checkIns = DSL.count().filterWhere(CHECKIN_EVENT.KIND.eq(EventKind.CHECKED_IN.name()));
        var last = DSL.max(CHECKIN_EVENT.WALL_TIME);
        return dsl.select(CHECKIN_EVENT.STATION_ID, checkIns, last)
                .from(CHECKIN_EVENT)
                .groupBy(CHECKIN_EVENT.STATION_ID)
                .orderBy(checkIns.desc(), CHECKIN_EVENT.STATION_ID)
                .fetch(r -> new StationActivity(r.value1(), r.value2(), r.value3()));
    }

    /** Events the hub has not acknowledged yet: the outbox. */
    public int pendingCount() {
        return dsl.fetchCount(CHECKIN_EVENT, CHECKIN_EVENT.ACKED_AT.isNull());
    }

    /** Every event in the log, in log order: what a station holds, to compare with others. */
    public List<CheckInEvent> allEvents() {
        return dsl.selectFrom(CHECKIN_EVENT).fetch(CheckInLog::toEvent).stream()
                .sorted(CheckInEvent.LOG_ORDER)
                .toList();
    }

    /** The hub confirmed it stored these events: they leave the outbox. Returns how many were pending. */
    public int markAcked(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        int n = 0;
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            n += dsl.update(CHECKIN_EVENT)
                    .set(CHECKIN_EVENT.ACKED_AT, now)
                    .where(CHECKIN_EVENT.ID.in(part))
                    .and(CHECKIN_EVENT.ACKED_AT.isNull())
                    .execute();
        }
        if (n > 0) {
            store.committed();
        }
        return n;
    }

    /**
     * Takes in events other stations recorded (pulled from the hub): each is stored once however
     * often it arrives, already acknowledged; the arrival of every attendee they touch is
     * recomputed by the same fold as local events; walk-ins join the roster and edits are laid
     * over it, the latest edit of a field in log order winning. The station's clock moves past
     * every received clock value, so what it records next sorts after what it has seen.
     *
     * @return how many of the events were new here
     */
    public synchronized int applyRemote(List<CheckInEvent> remote) {
        if (remote.isEmpty()) {
            return 0;
        }
        remote.stream().mapToLong(CheckInEvent::hlc).max().ifPresent(hlc::observe);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        Map<UUID, CheckInEvent> byId = new LinkedHashMap<>();
        remote.forEach(e -> byId.putIfAbsent(e.id(), e));
        List<CheckInEvent> fresh = new ArrayList<>();
        Map<String, Arrival> arrivals = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Set<UUID> known = new HashSet<>();
            List<UUID> ids = new ArrayList<>(byId.keySet());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                known.addAll(t.select(CHECKIN_EVENT.ID)
                        .from(CHECKIN_EVENT)
                        .where(CHECKIN_EVENT.ID.in(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
                        .fetch(CHECKIN_EVENT.ID));
            }
            byId.values().stream()
                    .filter(e -> !known.contains(e.id()))
                    .sorted(CheckInEvent.LOG_ORDER)
                    .forEach(fresh::add);
            if (fresh.isEmpty()) {
                return Map.<String, Arrival>of();
            }
            BatchBindStep insert = t.batch(t.insertInto(
                            CHECKIN_EVENT,
                            CHECKIN_EVENT.ID,
                            CHECKIN_EVENT.ATTENDEE_CODE,
                            CHECKIN_EVENT.KIND,
                            CHECKIN_EVENT.STATION_ID,
                            CHECKIN_EVENT.WALL_TIME,
                            CHECKIN_EVENT.HLC,
                            CHECKIN_EVENT.DETAILS,
                            CHECKIN_EVENT.ACKED_AT)
                    .values((UUID) null, null, null, null, null, null, null, null));
            for (CheckInEvent e : fresh) {
                insert.bind(
                        e.id(),
                        e.attendeeCode(),
                        e.kind().name(),
                        e.stationId(),
                        e.wallTime(),
                        e.hlc(),
                        e.details(),
                        now);
            }
            insert.execute();
            Set<String> codes = new TreeSet<>();
            Set<String> edited = new TreeSet<>();
            for (CheckInEvent e : fresh) {
                codes.add(e.attendeeCode());
                if (e.kind() == EventKind.WALK_IN_REGISTERED
                        && attendees.idOf(t, e.attendeeCode()).isEmpty()) {
                    attendees.insertWalkIn(t, walkInFrom(e.details()), e.attendeeCode());
                } else if (e.kind() == EventKind.ATTENDEE_EDITED) {
                    edited.add(e.attendeeCode());
                }
            }
            Map<String, List<CheckInEvent>> events = eventsOf(t, codes);
            for (String code : edited) {
                replayEdits(t, code, events.getOrDefault(code, List.of()));
            }
            return projectAll(t, events);
        });
        if (fresh.isEmpty()) {
            return 0;
        }
        store.committed();
        LOG.info("Took in {} events from other stations ({} attendees)", fresh.size(), arrivals.size());
        arrivals.values().forEach(a -> listeners.forEach(l -> l.arrivalChanged(a)));
        if (fresh.stream()
                .anyMatch(e -> e.kind() == EventKind.WALK_IN_REGISTERED || e.kind() == EventKind.ATTENDEE_EDITED)) {
            attendees.fireReloaded();
        }
        return fresh.size();
    }

    /**
     * Lays an attendee's edits over the roster again, from all the edit events the log holds: for
     * each field the last edit in log order wins, so stations that hold the same events show the
     * same values, whatever order the events came in. Also for a person the roster learnt of
     * after their edits arrived.
     */
    public synchronized void replayEdits(Collection<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        dsl.transaction(tx -> {
            Map<String, List<CheckInEvent>> events = eventsOf(tx.dsl(), new TreeSet<>(codes));
            for (var e : events.entrySet()) {
                replayEdits(tx.dsl(), e.getKey(), e.getValue());
            }
        });
        store.committed();
    }

    private void replayEdits(DSLContext t, String code, List<CheckInEvent> events) {
        Optional<Long> id = attendees.idOf(t, code);
        if (id.isEmpty()) {
            return;
        }
        Map<AttendeeField, String> latest = new EnumMap<>(AttendeeField.class);
        events.stream()
                .filter(e -> e.kind() == EventKind.ATTENDEE_EDITED)
                .sorted(CheckInEvent.LOG_ORDER)
                .forEach(e -> {
                    Map<String, String> d = ExtraFields.fromJson(e.details());
                    AttendeeField.byCliName(d.getOrDefault("field", ""))
                            .filter(AttendeeStore.EDITABLE::contains)
                            .ifPresent(f -> latest.put(f, d.get("new")));
                });
        latest.forEach((field, value) -> attendees.applyEdit(t, id.get(), field, value));
    }

    private static WalkIn walkInFrom(String details) {
        Map<String, String> d = ExtraFields.fromJson(details);
        return new WalkIn(
                d.getOrDefault("first", "?"),
                d.get("last"),
                d.get("badgeName"),
                d.get("pronouns"),
                d.get("email"),
                d.get("org"),
                d.get("title"),
                d.get("type"));
    }

    private static Map<String, List<CheckInEvent>> eventsOf(DSLContext t, Set<String> codes) {
        Map<String, List<CheckInEvent>> out = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += CHUNK) {
            t.selectFrom(CHECKIN_EVENT)
                    .where(CHECKIN_EVENT.ATTENDEE_CODE.in(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .forEach(r -> out.computeIfAbsent(r.getAttendeeCode(), k -> new ArrayList<>())
                            .add(toEvent(r)));
        }
        return out;
    }

    /** The fold of each attendee's events, written to the projection as one batch. */
    private static Map<String, Arrival> projectAll(DSLContext t, Map<String, List<CheckInEvent>> events) {
        Map<String, Arrival> out = new LinkedHashMap<>();
        events.forEach((code, list) -> out.put(code, Arrival.of(code, list)));
        List<String> codes = new ArrayList<>(out.keySet());
        for (int from = 0; from < codes.size(); from += CHUNK) {
            List<String> part = codes.subList(from, Math.min(codes.size(), from + CHUNK));
            t.deleteFrom(ARRIVAL).where(ARRIVAL.ATTENDEE_CODE.in(part)).execute();
        }
        BatchBindStep insert = t.batch(t.insertInto(
                        ARRIVAL,
                        ARRIVAL.ATTENDEE_CODE,
                        ARRIVAL.CHECKED_IN,
                        ARRIVAL.CHECKED_IN_AT,
                        ARRIVAL.STATION_ID,
                        ARRIVAL.BADGES_PRINTED,
                        ARRIVAL.REPRINTS,
                        ARRIVAL.LAST_HLC)
                .values((String) null, null, null, null, null, null, null));
        for (Arrival a : out.values()) {
            insert.bind(
                    a.attendeeCode(),
                    a.checkedIn(),
                    a.checkedInAt(),
                    a.stationId(),
                    a.badgesPrinted(),
                    a.reprints(),
                    a.lastHlc());
        }
        insert.execute();
        return out;
    }

    private interface TxWork {
        void run(DSLContext t);
    }

    /** Writes events of one kind for one attendee, and whatever goes with them, in one transaction. */
    private Arrival record(String code, EventKind kind, List<Map<String, String>> detailsPerEvent, TxWork alsoInTx) {
        OffsetDateTime wall = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        List<CheckInEvent> events = new ArrayList<>();
        for (Map<String, String> details : detailsPerEvent) {
            long clockValue = hlc.tick();
            events.add(new CheckInEvent(
                    Uuid7.at(HybridClock.millis(clockValue)),
                    code,
                    kind,
                    stationId,
                    wall,
                    clockValue,
                    ExtraFields.toJson(details)));
        }
        Arrival after = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            if (alsoInTx != null) {
                alsoInTx.run(t);
            }
            for (CheckInEvent e : events) {
                t.insertInto(
                                CHECKIN_EVENT,
                                CHECKIN_EVENT.ID,
                                CHECKIN_EVENT.ATTENDEE_CODE,
                                CHECKIN_EVENT.KIND,
                                CHECKIN_EVENT.STATION_ID,
                                CHECKIN_EVENT.WALL_TIME,
                                CHECKIN_EVENT.HLC,
                                CHECKIN_EVENT.DETAILS)
                        .values(e.id(), code, kind.name(), stationId, wall, e.hlc(), e.details())
                        .execute();
            }
            return project(t, code);
        });
        store.committed();
        if (kind == EventKind.CHECKED_IN || kind == EventKind.CHECK_IN_UNDONE) {
            listeners.forEach(l -> l.arrivalChanged(after));
        }
        return after;
    }

    /** Recomputes one attendee's arrival from all their events: cheap (a handful each) and order-proof. */
    static Arrival project(DSLContext t, String code) {
        Arrival a = Arrival.of(code, eventsOf(t, code));
        t.mergeInto(ARRIVAL)
                .using(DSL.selectOne())
                .on(ARRIVAL.ATTENDEE_CODE.eq(code))
                .whenMatchedThenUpdate()
                .set(ARRIVAL.CHECKED_IN, a.checkedIn())
                .set(ARRIVAL.CHECKED_IN_AT, a.checkedInAt())
                .set(ARRIVAL.STATION_ID, a.stationId())
                .set(ARRIVAL.BADGES_PRINTED, a.badgesPrinted())
                .set(ARRIVAL.REPRINTS, a.reprints())
                .set(ARRIVAL.LAST_HLC, a.lastHlc())
                .whenNotMatchedThenInsert(
                        ARRIVAL.ATTENDEE_CODE,
                        ARRIVAL.CHECKED_IN,
                        ARRIVAL.CHECKED_IN_AT,
                        ARRIVAL.STATION_ID,
                        ARRIVAL.BADGES_PRINTED,
                        ARRIVAL.REPRINTS,
                        ARRIVAL.LAST_HLC)
                .values(
                        code,
                        a.checkedIn(),
                        a.checkedInAt(),
                        a.stationId(),
                        a.badgesPrinted(),
                        a.reprints(),
                        a.lastHlc())
                .execute();
        return a;
    }

    private static List<CheckInEvent> eventsOf(DSLContext t, String code) {
        return t.selectFrom(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.ATTENDEE_CODE.eq(code))
                .fetch(CheckInLog::toEvent);
    }

    private static CheckInEvent toEvent(org.arrivals.store.jooq.tables.records.CheckinEventRecord r) {
        return new CheckInEvent(
                r.getId(),
                r.getAttendeeCode(),
                EventKind.valueOf(r.getKind()),
                r.getStationId(),
                r.getWallTime(),
                r.getHlc(),
                r.getDetails());
    }

    private static Arrival toArrival(ArrivalRecord r) {
        return new Arrival(
                r.getAttendeeCode(),
                r.getCheckedIn(),
                r.getCheckedInAt(),
                r.getStationId(),
                r.getBadgesPrinted(),
                r.getReprints(),
                r.getLastHlc());
    }

    private static String newWalkInCode() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return "W-" + new Base32().encodeAsString(b).substring(0, 7);
    }

    /** Other stations learn of a walk-in through this event, so it carries what they need to show. */
    private static Map<String, String> walkInDetails(WalkIn w) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("first", w.firstName());
        d.put("last", w.lastName());
        putIfSet(d, "badgeName", w.badgeName());
        putIfSet(d, "pronouns", w.pronouns());
        putIfSet(d, "email", w.email());
        putIfSet(d, "org", w.organization());
        putIfSet(d, "title", w.title());
        d.put("type", w.type());
        return d;
    }

    private static void putIfSet(Map<String, String> d, String key, String value) {
        if (value != null) {
            d.put(key, value);
        }
    }
}
