package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.ARRIVAL;
import static org.arrivals.store.jooq.Tables.ARRIVAL_DAY;
import static org.arrivals.store.jooq.Tables.ATTENDEE;
import static org.arrivals.store.jooq.Tables.ATTENDEE_EDIT;
import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.store.Store;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Arrived versus expected, today and on each event day, overall, by attendee type and by
 * organization (a type or organization corrected on site counts as corrected), and arrivals per
 * 15 minutes of each day: counted by the database, so the status bar's look every few seconds
 * reads a few small results, not the whole roster.
 */
public final class ArrivalStats {
    private static final long BUCKET_MILLIS = 15 * 60 * 1000;

    private final DSLContext dsl;
    private final EventCalendar calendar;
    private final Supplier<List<LocalDate>> eventDays;

    /** Stats whose "today" is the system's date in its own time zone. */
    public ArrivalStats(Store store) {
        this(store, new EventCalendar(Clock.systemUTC(), ZoneId.systemDefault()), List::of);
    }

    /** @param eventDays the schedule's days (each gets a count, also before anyone came) */
    public ArrivalStats(Store store, EventCalendar calendar, Supplier<List<LocalDate>> eventDays) {
        this.dsl = store.dsl();
        this.calendar = calendar;
        this.eventDays = eventDays;
    }

    public Stats stats() {
        LocalDate today = calendar.today();
        var typeEdit = ATTENDEE_EDIT.as("type_edit");
        Field<String> type = DSL.coalesce(typeEdit.FIELD_VALUE, ATTENDEE.ATTENDEE_TYPE);
        var todays = ARRIVAL_DAY.as("todays");
        Field<Integer> expected = DSL.count().filterWhere(ATTENDEE.STATUS.eq(RegistrationStatus.ATTENDING.name()));
        Field<Integer> arrived = DSL.count().filterWhere(todays.ATTENDEE_CODE.isNotNull());
        Map<String, Stats.TypeCount> byType = new TreeMap<>();
        int allArrived = 0;
        int allExpected = 0;
        for (var r : dsl.select(type, arrived, expected)
                .from(ATTENDEE)
                .leftJoin(typeEdit)
                .on(typeEdit.ATTENDEE_ID.eq(ATTENDEE.ID).and(typeEdit.FIELD.eq(AttendeeField.TYPE.cliName())))
                .leftJoin(todays)
                .on(todays.ATTENDEE_CODE.eq(ATTENDEE.CODE).and(todays.EVENT_DAY.eq(today)))
                .groupBy(type)
                .fetch()) {
            byType.put(r.value1(), new Stats.TypeCount(r.value2(), r.value3()));
            allArrived += r.value2();
            allExpected += r.value3();
        }

        Map<LocalDate, TreeMap<Long, Integer>> buckets = new TreeMap<>();
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        eventDays.get().forEach(d -> perDay.put(d, 0));
        for (var r : dsl.select(ARRIVAL_DAY.EVENT_DAY, ARRIVAL_DAY.CHECKED_IN_AT)
                .from(ARRIVAL_DAY)
                .join(ATTENDEE)
                .on(ATTENDEE.CODE.eq(ARRIVAL_DAY.ATTENDEE_CODE))
                .fetch()) {
            perDay.merge(r.value1(), 1, Integer::sum);
            buckets.computeIfAbsent(r.value1(), d -> new TreeMap<>())
                    .merge(r.value2().toInstant().toEpochMilli() / BUCKET_MILLIS * BUCKET_MILLIS, 1, Integer::sum);
        }
        Map<LocalDate, Stats.TypeCount> byDay = new LinkedHashMap<>();
        for (var e : perDay.entrySet()) {
            byDay.put(e.getKey(), new Stats.TypeCount(e.getValue(), allExpected));
        }
        Map<LocalDate, List<Stats.Bucket>> per15ByDay = new LinkedHashMap<>();
        buckets.forEach((day, b) -> per15ByDay.put(day, quarters(b)));

        int pickedUp = dsl.fetchCount(dsl.selectDistinct(CHECKIN_EVENT.ATTENDEE_CODE)
                .from(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.KIND.eq(EventKind.BADGE_PICKED_UP.name())));
        return new Stats(
                allArrived,
                allExpected,
                new LinkedHashMap<>(byType),
                per15ByDay.getOrDefault(today, List.of()),
                today,
                byDay,
                per15ByDay,
                byOrganization(today),
                pickedUp);
    }

    private List<Stats.Bucket> quarters(TreeMap<Long, Integer> buckets) {
        List<Stats.Bucket> out = new ArrayList<>();
        for (long b = buckets.firstKey(); b <= buckets.lastKey(); b += BUCKET_MILLIS) {
            out.add(new Stats.Bucket(calendar.local(Instant.ofEpochMilli(b)), buckets.getOrDefault(b, 0)));
        }
        return out;
    }

    /** Each organization (as corrected on site): people who came on some day, today, and expected. */
    private Map<String, Stats.OrgCount> byOrganization(LocalDate today) {
        var orgEdit = ATTENDEE_EDIT.as("org_edit");
        var todays = ARRIVAL_DAY.as("todays");
        Field<String> org = DSL.coalesce(orgEdit.FIELD_VALUE, ATTENDEE.ORGANIZATION);
        Field<Integer> ever = DSL.count().filterWhere(ARRIVAL.CHECKED_IN.isTrue());
        Field<Integer> now = DSL.count().filterWhere(todays.ATTENDEE_CODE.isNotNull());
        Field<Integer> expected = DSL.count().filterWhere(ATTENDEE.STATUS.eq(RegistrationStatus.ATTENDING.name()));
        Map<String, Stats.OrgCount> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (var r : dsl.select(org, ever, now, expected)
                .from(ATTENDEE)
                .leftJoin(orgEdit)
                .on(orgEdit.ATTENDEE_ID.eq(ATTENDEE.ID).and(orgEdit.FIELD.eq(AttendeeField.ORG.cliName())))
                .leftJoin(ARRIVAL)
                .on(ARRIVAL.ATTENDEE_CODE.eq(ATTENDEE.CODE))
                .leftJoin(todays)
                .on(todays.ATTENDEE_CODE.eq(ATTENDEE.CODE).and(todays.EVENT_DAY.eq(today)))
                .where(org.isNotNull().and(DSL.trim(org).ne("")))
                .groupBy(org)
                .fetch()) {
            out.merge(
                    r.value1(),
                    new Stats.OrgCount(r.value2(), r.value3(), r.value4()),
                    (a, b) -> new Stats.OrgCount(
                            a.arrived() + b.arrived(), a.today() + b.today(), a.expected() + b.expected()));
        }
        return new LinkedHashMap<>(out);
    }
}
