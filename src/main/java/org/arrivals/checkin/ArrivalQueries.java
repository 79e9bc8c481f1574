package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.ARRIVAL;
import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrivals.attendee.export.ArrivalStates;
import org.arrivals.store.Store;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the check-in log says now: a person's arrival and history, who is in, which stations it
 * has heard from. Reads only; the log writes.
 */
public final class ArrivalQueries implements ArrivalStates {
    private final DSLContext dsl;

    public ArrivalQueries(Store store) {
        this.dsl = store.dsl();
    }

    public Arrival arrival(String code) {
        return EventRows.arrival(dsl, code);
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
