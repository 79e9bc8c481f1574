package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.ARRIVAL;
import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.ExtraFields;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.export.ArrivalStates;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.ArrivalRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records check-ins and undos as events and keeps each attendee's {@link Arrival} current, in one
 * transaction per event: the event and the state it implies are written together or not at all.
 */
public final class CheckInLog implements ArrivalStates {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInLog.class);

    private final Store store;
    private final DSLContext dsl;
    private final AttendeeStore attendees;
    private final String stationId;
    private final Clock clock;
    private final HybridClock hlc;

    public CheckInLog(Store store, AttendeeStore attendees, String stationId, Clock clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.attendees = attendees;
        this.stationId = stationId;
        this.clock = clock;
        Long newest = dsl.select(DSL.max(CHECKIN_EVENT.HLC)).from(CHECKIN_EVENT).fetchOne().value1();
        this.hlc = new HybridClock(clock, newest == null ? 0 : newest);
    }

    /**
     * Checks a person in. Someone already in is reported with where and when, and no second arrival
     * is recorded; a cancelled, refunded or pending registration is blocked unless {@code override}
     * says a person decided otherwise (the event records the status that was overridden).
     */
    public synchronized CheckInResult checkIn(String code, boolean override) {
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
        if (blocked && !override) {
            return new CheckInResult(CheckInResult.Outcome.BLOCKED, a, now);
        }
        Arrival after = record(code, EventKind.CHECKED_IN,
                blocked ? Map.of("overrodeStatus", a.status().label()) : Map.of());
        LOG.info("Attendee {} checked in{}", a.id(), blocked ? " over status " + a.status().label() : "");
        return new CheckInResult(blocked ? CheckInResult.Outcome.CHECKED_IN_OVERRIDE : CheckInResult.Outcome.CHECKED_IN,
                a, after);
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
        Arrival after = record(code, EventKind.CHECK_IN_UNDONE, Map.of());
        LOG.info("Check-in of attendee {} undone", found.get().id());
        return new CheckInResult(CheckInResult.Outcome.UNDONE, found.get(), after);
    }

    public Arrival arrival(String code) {
        return Optional.ofNullable(dsl.selectFrom(ARRIVAL).where(ARRIVAL.ATTENDEE_CODE.eq(code)).fetchOne())
                .map(CheckInLog::toArrival).orElse(Arrival.none(code));
    }

    public List<CheckInEvent> events(String code) {
        return eventsOf(dsl, code).stream().sorted(CheckInEvent.LOG_ORDER).toList();
    }

    public int checkedInCount() {
        return dsl.fetchCount(ARRIVAL, ARRIVAL.CHECKED_IN.isTrue());
    }

    @Override
    public Map<String, ArrivalStates.State> byCode() {
        Map<String, ArrivalStates.State> out = new HashMap<>();
        dsl.selectFrom(ARRIVAL).forEach(r -> out.put(r.getAttendeeCode(),
                new ArrivalStates.State(r.getCheckedIn(), r.getCheckedInAt(), r.getStationId())));
        return out;
    }

    private Arrival record(String code, EventKind kind, Map<String, String> details) {
        long clockValue = hlc.tick();
        OffsetDateTime wall = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        CheckInEvent event = new CheckInEvent(Uuid7.at(HybridClock.millis(clockValue)), code, kind, stationId, wall,
                clockValue, ExtraFields.toJson(details));
        Arrival after = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            t.insertInto(CHECKIN_EVENT, CHECKIN_EVENT.ID, CHECKIN_EVENT.ATTENDEE_CODE, CHECKIN_EVENT.KIND,
                            CHECKIN_EVENT.STATION_ID, CHECKIN_EVENT.WALL_TIME, CHECKIN_EVENT.HLC, CHECKIN_EVENT.DETAILS)
                    .values(event.id(), code, kind.name(), stationId, wall, clockValue, event.details())
                    .execute();
            return project(t, code);
        });
        store.committed();
        return after;
    }

    /** Recomputes one attendee's arrival from all their events: cheap (a handful each) and order-proof. */
    static Arrival project(DSLContext t, String code) {
        Arrival a = Arrival.of(code, eventsOf(t, code));
        t.mergeInto(ARRIVAL)
                .using(DSL.selectOne())
                .on(ARRIVAL.ATTENDEE_CODE.eq(code))
                .whenMatchedThenUpdate()
                .set(ARRIVAL.CHECKED_IN, a.checkedIn()).set(ARRIVAL.CHECKED_IN_AT, a.checkedInAt())
                .set(ARRIVAL.STATION_ID, a.stationId()).set(ARRIVAL.BADGES_PRINTED, a.badgesPrinted())
                .set(ARRIVAL.REPRINTS, a.reprints()).set(ARRIVAL.LAST_HLC, a.lastHlc())
                .whenNotMatchedThenInsert(ARRIVAL.ATTENDEE_CODE, ARRIVAL.CHECKED_IN, ARRIVAL.CHECKED_IN_AT,
                        ARRIVAL.STATION_ID, ARRIVAL.BADGES_PRINTED, ARRIVAL.REPRINTS, ARRIVAL.LAST_HLC)
                .values(code, a.checkedIn(), a.checkedInAt(), a.stationId(), a.badgesPrinted(), a.reprints(),
                        a.lastHlc())
                .execute();
        return a;
    }

    private static List<CheckInEvent> eventsOf(DSLContext t, String code) {
        return t.selectFrom(CHECKIN_EVENT).where(CHECKIN_EVENT.ATTENDEE_CODE.eq(code)).fetch(r -> new CheckInEvent(
                r.getId(), r.getAttendeeCode(), EventKind.valueOf(r.getKind()), r.getStationId(), r.getWallTime(),
                r.getHlc(), r.getDetails()));
    }

    private static Arrival toArrival(ArrivalRecord r) {
        return new Arrival(r.getAttendeeCode(), r.getCheckedIn(), r.getCheckedInAt(), r.getStationId(),
                r.getBadgesPrinted(), r.getReprints(), r.getLastHlc());
    }
}
