package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.ARRIVAL;
import static org.arrivals.store.jooq.Tables.ARRIVAL_DAY;
import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.arrivals.attendee.export.ArrivalStates;
import org.arrivals.store.Store;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the check-in log says now: a person's arrival and history, who is in (on any day, or on
 * one day), which stations it has heard from. Reads only; the log writes.
 */
public final class ArrivalQueries implements ArrivalStates {
    private final DSLContext dsl;
    private final Supplier<List<LocalDate>> eventDays;

    public ArrivalQueries(Store store) {
        this(store, null);
    }

    /** @param eventDays the event's days as the schedule gives them (null: the days anyone checked in on) */
    public ArrivalQueries(Store store, Supplier<List<LocalDate>> eventDays) {
        this.dsl = store.dsl();
        this.eventDays = eventDays;
    }

    /** An attendee's arrival over the whole event, with their days. */
    public Arrival arrival(String code) {
        return EventRows.readArrival(dsl, code);
    }

    /** Everything that happened to one attendee, in log order. */
    public List<CheckInEvent> events(String code) {
        return EventRows.eventsOf(dsl, code).stream()
                .sorted(CheckInEvent.LOG_ORDER)
                .toList();
    }

    /** Every event in the log, in log order: what a station holds, to compare with others. */
    public List<CheckInEvent> allEvents() {
        return dsl.selectFrom(CHECKIN_EVENT).fetch(EventRows::toEvent).stream()
                .sorted(CheckInEvent.LOG_ORDER)
                .toList();
    }

    /** People checked in on some day of the event. */
    public int checkedInCount() {
        return dsl.fetchCount(ARRIVAL, ARRIVAL.CHECKED_IN.isTrue());
    }

    /** People checked in on {@code day}. */
    public int checkedInCountOn(LocalDate day) {
        return dsl.fetchCount(ARRIVAL_DAY, ARRIVAL_DAY.EVENT_DAY.eq(day));
    }

    /** The codes of people checked in on some day of the event. */
    public Set<String> arrivedCodes() {
        return new HashSet<>(dsl.select(ARRIVAL.ATTENDEE_CODE)
                .from(ARRIVAL)
                .where(ARRIVAL.CHECKED_IN.isTrue())
                .fetch(ARRIVAL.ATTENDEE_CODE));
    }

    /** The codes of people checked in on {@code day}. */
    public Set<String> arrivedCodesOn(LocalDate day) {
        return new HashSet<>(dsl.select(ARRIVAL_DAY.ATTENDEE_CODE)
                .from(ARRIVAL_DAY)
                .where(ARRIVAL_DAY.EVENT_DAY.eq(day))
                .fetch(ARRIVAL_DAY.ATTENDEE_CODE));
    }

    /** Everyone's arrival over the whole event, with their days, by code. */
    public Map<String, Arrival> allArrivals() {
        Map<String, List<Arrival.Day>> days = EventRows.allDays(dsl);
        Map<String, Arrival> out = new HashMap<>();
        dsl.selectFrom(ARRIVAL)
                .forEach(r -> out.put(
                        r.getAttendeeCode(),
                        EventRows.toArrival(r, days.getOrDefault(r.getAttendeeCode(), List.of()))));
        return out;
    }

    @Override
    public Map<String, ArrivalStates.State> byCode() {
        Map<String, List<Arrival.Day>> days = EventRows.allDays(dsl);
        Map<String, ArrivalStates.State> out = new HashMap<>();
        dsl.selectFrom(ARRIVAL).forEach(r -> {
            TreeMap<LocalDate, OffsetDateTime> byDay = new TreeMap<>();
            days.getOrDefault(r.getAttendeeCode(), List.of()).forEach(d -> byDay.put(d.date(), d.at()));
            out.put(
                    r.getAttendeeCode(),
                    new ArrivalStates.State(r.getCheckedIn(), r.getCheckedInAt(), r.getStationId(), byDay));
        });
        return out;
    }

    /** The event's days: the schedule's, with any other day someone checked in on. */
    @Override
    public List<LocalDate> eventDays() {
        java.util.TreeSet<LocalDate> all = new java.util.TreeSet<>(EventRows.knownDays(dsl));
        if (eventDays != null) {
            all.addAll(eventDays.get());
        }
        return List.copyOf(all);
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
}
