package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.ARRIVAL;
import static org.arrivals.store.jooq.Tables.ATTENDEE;
import static org.arrivals.store.jooq.Tables.ATTENDEE_EDIT;
import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.store.Store;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Arrived versus expected, overall and by attendee type (a type corrected on site counts as
 * corrected), and arrivals per 15 minutes: counted by the database, so the status bar's look every
 * few seconds reads two small results, not the whole roster.
 */
public final class ArrivalStats {
    private static final long BUCKET_MILLIS = 15 * 60 * 1000;

    private final DSLContext dsl;

    public ArrivalStats(Store store) {
        this.dsl = store.dsl();
    }

    public Stats stats() {
        var edit = ATTENDEE_EDIT.as("type_edit");
        Field<String> type = DSL.coalesce(edit.FIELD_VALUE, ATTENDEE.ATTENDEE_TYPE);
        Field<Integer> expected = DSL.count().filterWhere(ATTENDEE.STATUS.eq(RegistrationStatus.ATTENDING.name()));
        Field<Integer> arrived = DSL.count().filterWhere(ARRIVAL.CHECKED_IN.isTrue());
        Map<String, Stats.TypeCount> byType = new TreeMap<>();
        int allArrived = 0;
        int allExpected = 0;
        for (var r : dsl.select(type, arrived, expected)
                .from(ATTENDEE)
                .leftJoin(edit)
                .on(edit.ATTENDEE_ID.eq(ATTENDEE.ID).and(edit.FIELD.eq(AttendeeField.TYPE.cliName())))
                .leftJoin(ARRIVAL)
                .on(ARRIVAL.ATTENDEE_CODE.eq(ATTENDEE.CODE))
                .groupBy(type)
                .fetch()) {
            byType.put(r.value1(), new Stats.TypeCount(r.value2(), r.value3()));
            allArrived += r.value2();
            allExpected += r.value3();
        }
        TreeMap<Long, Integer> buckets = new TreeMap<>();
        for (OffsetDateTime at : dsl.select(ARRIVAL.CHECKED_IN_AT)
                .from(ARRIVAL)
                .join(ATTENDEE)
                .on(ATTENDEE.CODE.eq(ARRIVAL.ATTENDEE_CODE))
                .where(ARRIVAL.CHECKED_IN.isTrue())
                .fetch(ARRIVAL.CHECKED_IN_AT)) {
            if (at != null) {
                buckets.merge(at.toInstant().toEpochMilli() / BUCKET_MILLIS * BUCKET_MILLIS, 1, Integer::sum);
            }
        }
        List<Stats.Bucket> per15 = new ArrayList<>();
        if (!buckets.isEmpty()) {
            for (long b = buckets.firstKey(); b <= buckets.lastKey(); b += BUCKET_MILLIS) {
                per15.add(new Stats.Bucket(
                        OffsetDateTime.ofInstant(Instant.ofEpochMilli(b), ZoneOffset.UTC), buckets.getOrDefault(b, 0)));
            }
        }
        int pickedUp = dsl.fetchCount(dsl.selectDistinct(CHECKIN_EVENT.ATTENDEE_CODE)
                .from(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.KIND.eq(EventKind.BADGE_PICKED_UP.name())));
        return new Stats(allArrived, allExpected, new LinkedHashMap<>(byType), per15, pickedUp);
    }
}
