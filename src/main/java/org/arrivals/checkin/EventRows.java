package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.ARRIVAL;
import static org.arrivals.store.jooq.Tables.ARRIVAL_DAY;
import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrivals.store.jooq.tables.records.ArrivalRecord;
import org.arrivals.store.jooq.tables.records.CheckinEventRecord;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * How events and arrivals are read from and written to their tables, for the classes of the
 * check-in log: an attendee's arrival is the fold of all their events, recomputed in the same
 * transaction as the events that change it.
 */
final class EventRows {
    static final int CHUNK = 1000;

    private EventRows() {}

    static List<CheckInEvent> eventsOf(DSLContext t, String code) {
        return t.selectFrom(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.ATTENDEE_CODE.eq(code))
                .fetch(EventRows::toEvent);
    }

    static Map<String, List<CheckInEvent>> eventsOf(DSLContext t, Set<String> codes) {
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
        t.deleteFrom(ARRIVAL_DAY).where(ARRIVAL_DAY.ATTENDEE_CODE.eq(code)).execute();
        if (!a.days().isEmpty()) {
            var insert = t.insertInto(
                    ARRIVAL_DAY,
                    ARRIVAL_DAY.ATTENDEE_CODE,
                    ARRIVAL_DAY.EVENT_DAY,
                    ARRIVAL_DAY.CHECKED_IN_AT,
                    ARRIVAL_DAY.STATION_ID);
            for (Arrival.Day d : a.days()) {
                insert = insert.values(code, d.date(), d.at(), d.stationId());
            }
            insert.execute();
        }
        return a;
    }

    /** The fold of each attendee's events, written to the projection as one batch. */
    static Map<String, Arrival> projectAll(DSLContext t, Map<String, List<CheckInEvent>> events) {
        Map<String, Arrival> out = new LinkedHashMap<>();
        if (events.isEmpty()) {
            return out;
        }
        events.forEach((code, list) -> out.put(code, Arrival.of(code, list)));
        List<String> codes = new ArrayList<>(out.keySet());
        for (int from = 0; from < codes.size(); from += CHUNK) {
            List<String> part = codes.subList(from, Math.min(codes.size(), from + CHUNK));
            t.deleteFrom(ARRIVAL).where(ARRIVAL.ATTENDEE_CODE.in(part)).execute();
            t.deleteFrom(ARRIVAL_DAY).where(ARRIVAL_DAY.ATTENDEE_CODE.in(part)).execute();
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
        BatchBindStep days = t.batch(t.insertInto(
                        ARRIVAL_DAY,
                        ARRIVAL_DAY.ATTENDEE_CODE,
                        ARRIVAL_DAY.EVENT_DAY,
                        ARRIVAL_DAY.CHECKED_IN_AT,
                        ARRIVAL_DAY.STATION_ID)
                .values((String) null, null, null, null));
        boolean anyDay = false;
        for (Arrival a : out.values()) {
            for (Arrival.Day d : a.days()) {
                days.bind(a.attendeeCode(), d.date(), d.at(), d.stationId());
                anyDay = true;
            }
        }
        if (anyDay) {
            days.execute();
        }
        return out;
    }

    /** An attendee's arrival as the projection holds it, with their days; none when they have no history. */
    static Arrival readArrival(DSLContext t, String code) {
        return Optional.ofNullable(t.selectFrom(ARRIVAL)
                        .where(ARRIVAL.ATTENDEE_CODE.eq(code))
                        .fetchOne())
                .map(r -> toArrival(r, daysOf(t, code)))
                .orElse(Arrival.none(code));
    }

    static List<Arrival.Day> daysOf(DSLContext t, String code) {
        return t.selectFrom(ARRIVAL_DAY)
                .where(ARRIVAL_DAY.ATTENDEE_CODE.eq(code))
                .orderBy(ARRIVAL_DAY.EVENT_DAY)
                .fetch(r -> new Arrival.Day(r.getEventDay(), r.getCheckedInAt(), r.getStationId()));
    }

    /** Every attendee's days, by code. */
    static Map<String, List<Arrival.Day>> allDays(DSLContext t) {
        Map<String, List<Arrival.Day>> out = new HashMap<>();
        t.selectFrom(ARRIVAL_DAY)
                .orderBy(ARRIVAL_DAY.ATTENDEE_CODE, ARRIVAL_DAY.EVENT_DAY)
                .forEach(r -> out.computeIfAbsent(r.getAttendeeCode(), k -> new ArrayList<>())
                        .add(new Arrival.Day(r.getEventDay(), r.getCheckedInAt(), r.getStationId())));
        return out;
    }

    /** The days the log knows of (any check-in on them), in order. */
    static List<LocalDate> knownDays(DSLContext t) {
        return t.selectDistinct(ARRIVAL_DAY.EVENT_DAY)
                .from(ARRIVAL_DAY)
                .orderBy(ARRIVAL_DAY.EVENT_DAY)
                .fetch(ARRIVAL_DAY.EVENT_DAY);
    }

    static Map<String, List<CheckInEvent>> only(Map<String, List<CheckInEvent>> events, Collection<String> codes) {
        Map<String, List<CheckInEvent>> out = new LinkedHashMap<>();
        for (String c : codes) {
            out.put(c, events.getOrDefault(c, List.of()));
        }
        return out;
    }

    static CheckInEvent toEvent(CheckinEventRecord r) {
        return new CheckInEvent(
                r.getId(),
                r.getAttendeeCode(),
                EventKind.valueOf(r.getKind()),
                r.getStationId(),
                r.getWallTime(),
                r.getHlc(),
                r.getDetails());
    }

    static Arrival toArrival(ArrivalRecord r, List<Arrival.Day> days) {
        return new Arrival(
                r.getAttendeeCode(),
                r.getCheckedIn(),
                r.getCheckedInAt(),
                r.getStationId(),
                r.getBadgesPrinted(),
                r.getReprints(),
                r.getLastHlc(),
                days);
    }
}
