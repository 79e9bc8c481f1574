package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.codec.binary.Base32;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.WalkIn;
import org.arrivals.store.Store;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EditRule;
import org.arrivals.sync.protocol.EventContract;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PersonField;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in log's commands: check-ins, undos, walk-ins, edits and badges are recorded here, as
 * immutable events, and each attendee's {@link Arrival} is updated in the same transaction as the
 * event that changes it. A call that returns has committed its event to the database file. What
 * the log says is read through {@link ArrivalQueries} and {@link ArrivalStats}; what the hub has
 * not acknowledged is the {@link Outbox}; events from other stations come in through
 * {@link RemoteEvents}, under this log's lock.
 */
public final class CheckInLog {
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
    private final List<EventProjection> projections = new CopyOnWriteArrayList<>();
    private final EventCalendar calendar;
    private final List<Runnable> recorded = new CopyOnWriteArrayList<>();

    /** A log whose event days are in the system's time zone. */
    public CheckInLog(Store store, AttendeeStore attendees, String stationId, Clock clock) {
        this(store, attendees, stationId, clock, ZoneId.systemDefault());
    }

    /** @param zone the event's time zone: a check-in belongs to the day of its wall time there */
    public CheckInLog(Store store, AttendeeStore attendees, String stationId, Clock clock, ZoneId zone) {
        this.calendar = new EventCalendar(clock, zone);
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

    /** Another projection kept in step with the log (here and for pulled events), in each event's transaction. */
    public void addProjection(EventProjection projection) {
        projections.add(projection);
    }

    List<EventProjection> projections() {
        return projections;
    }

    /** The event's wall clock: its time zone, today. */
    public EventCalendar calendar() {
        return calendar;
    }

    /**
     * Told after each event recorded here is committed (not events pulled from the hub): the sync
     * worker pushes it at once instead of at its next tick.
     */
    public void addRecordListener(Runnable listener) {
        recorded.add(listener);
    }

    public void removeRecordListener(Runnable listener) {
        recorded.remove(listener);
    }

    /** An arrival changed (here, or pulled from another station): the listeners hear of it. */
    void fire(Arrival a) {
        listeners.forEach(l -> l.arrivalChanged(a));
    }

    /** A clock value another station used: what this station records next sorts after it. */
    void observe(long otherHlc) {
        hlc.observe(otherHlc);
    }

    /** An attendee's arrival over the whole event, with their days (the commands decide by it). */
    public Arrival arrival(String code) {
        return EventRows.readArrival(dsl, code);
    }

    /** An attendee's arrival as today sees it. */
    public Arrival today(String code) {
        return arrival(code).on(calendar.today());
    }

    public String stationId() {
        return stationId;
    }

    /**
     * Checks a person in for today. Someone already in today is reported with where and when, and
     * no second arrival is recorded; someone who came on an earlier day is checked in for today. A
     * cancelled, refunded or pending registration is blocked unless a person gives an {@code
     * overrideReason}, which the event records with the status it overrode.
     */
    public synchronized CheckInResult checkIn(String code, String overrideReason) {
        return checkIn(code, overrideReason, null);
    }

    /**
     * As above, at {@code at} (a check-in from a paper list kept while the station was down): it
     * belongs to that time's event day and carries that wall time; null is now.
     */
    public synchronized CheckInResult checkIn(String code, String overrideReason, Instant at) {
        Optional<Attendee> found = attendees.findByCode(code);
        if (found.isEmpty()) {
            return new CheckInResult(CheckInResult.Outcome.NOT_FOUND, null, null);
        }
        Attendee a = found.get();
        Instant when = at != null ? at : Instant.ofEpochMilli(clock.millis());
        LocalDate day = calendar.dayOf(when);
        Arrival now = arrival(code);
        if (now.checkedInOn(day)) {
            return CheckInResult.onDay(CheckInResult.Outcome.ALREADY_CHECKED_IN, a, now, day);
        }
        boolean blocked = a.status() != RegistrationStatus.ATTENDING;
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (blocked && !override) {
            return CheckInResult.onDay(CheckInResult.Outcome.BLOCKED, a, now, day);
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (blocked) {
            details.put(Details.OVERRODE_STATUS, a.status().label());
            details.put(Details.REASON, overrideReason.strip());
        }
        details.put(Details.DAY, day.toString());
        Arrival after = record(code, EventKind.CHECKED_IN, List.of(details), null, when);
        LOG.info(
                "Attendee {} checked in for {}{}{}",
                a.id(),
                day,
                at != null ? " (at a past time)" : "",
                blocked ? " over status " + a.status().label() : "");
        return CheckInResult.onDay(
                blocked ? CheckInResult.Outcome.CHECKED_IN_OVERRIDE : CheckInResult.Outcome.CHECKED_IN, a, after, day);
    }

    /** Undoes today's check-in. Undo is an event, not a delete: the log keeps both the arrival and its reversal. */
    public synchronized CheckInResult undo(String code) {
        Optional<Attendee> found = attendees.findByCode(code);
        if (found.isEmpty()) {
            return new CheckInResult(CheckInResult.Outcome.NOT_FOUND, null, null);
        }
        LocalDate day = calendar.today();
        Arrival now = arrival(code);
        if (!now.checkedInOn(day)) {
            return CheckInResult.onDay(CheckInResult.Outcome.NOT_CHECKED_IN, found.get(), now, day);
        }
        Arrival after = record(code, EventKind.CHECK_IN_UNDONE, List.of(Map.of(Details.DAY, day.toString())), null);
        LOG.info("Check-in of attendee {} undone for {}", found.get().id(), day);
        return CheckInResult.onDay(CheckInResult.Outcome.UNDONE, found.get(), after, day);
    }

    /**
     * Records one session event for a person (an entry or an exit at a door) and brings the
     * projections that follow it up to date, in one transaction. The caller decides (under this
     * log's lock) whether the event is wanted.
     */
    public synchronized void recordSession(String code, EventKind kind, Map<String, String> details) {
        recordSession(code, kind, details, null);
    }

    /** As above, at a past time {@code at} (a door's paper list); null is now. */
    public synchronized void recordSession(String code, EventKind kind, Map<String, String> details, Instant at) {
        if (!kind.isSession()) {
            throw new IllegalArgumentException(kind + " is not a session event");
        }
        record(code, kind, List.of(details), null, at);
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
            PersonField field = PersonField.byKey(c.getKey().cliName()).orElseThrow();
            events.add(EditRule.details(field, before.editableValue(c.getKey()), c.getValue()));
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
        badgeReprinted(code, reason, 0);
    }

    /** As above, with the badge generation the reprint made (0: none, as before generations). */
    public synchronized void badgeReprinted(String code, String reason, int generation) {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put(Details.REASON, reason);
        if (generation > 0) {
            d.put(Details.GENERATION, Integer.toString(generation));
        }
        record(code, EventKind.BADGE_REPRINTED, List.of(d), null);
    }

    /** The person collected their badge at a badge-pickup station: recorded, not counted as an entry. */
    public synchronized void badgePickedUp(String code) {
        record(code, EventKind.BADGE_PICKED_UP, List.of(Map.of()), null);
        LOG.info(
                "Badge of attendee {} picked up",
                attendees.findByCode(code).map(Attendee::id).orElse(-1L));
    }

    private interface TxWork {
        void run(DSLContext t);
    }

    /**
     * Writes events of one kind for one attendee, and whatever goes with them, in one transaction.
     * An event the sync contract refuses is refused here, before anything is written: the hub would
     * refuse it too, and it would wait in the outbox for ever.
     */
    private Arrival record(String code, EventKind kind, List<Map<String, String>> detailsPerEvent, TxWork alsoInTx) {
        return record(code, kind, detailsPerEvent, alsoInTx, null);
    }

    /**
     * As above, with the events' wall time ({@code at}; null: now). Session events leave the arrival
     * as it is (null is returned) and bring the projections that follow them up to date.
     */
    private Arrival record(
            String code, EventKind kind, List<Map<String, String>> detailsPerEvent, TxWork alsoInTx, Instant at) {
        OffsetDateTime wall =
                OffsetDateTime.ofInstant(at != null ? at : Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        List<CheckInEvent> events = new ArrayList<>();
        for (Map<String, String> details : detailsPerEvent) {
            long clockValue = hlc.tick();
            CheckInEvent e = new CheckInEvent(
                    Uuid7.at(HybridClock.millis(clockValue)),
                    code,
                    kind,
                    stationId,
                    wall,
                    clockValue,
                    Details.toJson(details));
            EventContract.require(e.id(), code, kind, stationId, wall, clockValue, e.details());
            events.add(e);
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
            List<EventProjection> following =
                    projections.stream().filter(p -> p.follows(kind)).toList();
            Map<String, List<CheckInEvent>> all =
                    following.isEmpty() ? Map.of() : Map.of(code, EventRows.eventsOf(t, code));
            following.forEach(p -> p.project(t, all));
            return kind.isSession() ? null : EventRows.project(t, code);
        });
        store.committed();
        if (kind == EventKind.CHECKED_IN || kind == EventKind.CHECK_IN_UNDONE) {
            fire(after);
        }
        for (Runnable r : recorded) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("A listener of recorded events failed", e);
            }
        }
        return after;
    }

    private static String newWalkInCode() {
        byte[] b = new byte[5];
        RANDOM.nextBytes(b);
        return "W-" + new Base32().encodeAsString(b).substring(0, 7);
    }

    /** Other stations learn of a walk-in through this event, so it carries what they need to show. */
    private static Map<String, String> walkInDetails(WalkIn w) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(PersonField.FIRST.key(), w.firstName());
        d.put(PersonField.LAST.key(), w.lastName());
        putIfSet(d, PersonField.BADGE_NAME.key(), w.badgeName());
        putIfSet(d, PersonField.PRONOUNS.key(), w.pronouns());
        putIfSet(d, PersonField.EMAIL.key(), w.email());
        putIfSet(d, PersonField.ORG.key(), w.organization());
        putIfSet(d, PersonField.TITLE.key(), w.title());
        d.put(PersonField.TYPE.key(), w.type());
        return d;
    }

    private static void putIfSet(Map<String, String> d, String key, String value) {
        if (value != null) {
            d.put(key, value);
        }
    }
}
