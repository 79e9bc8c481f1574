package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.arrivals.store.Store;
import org.jooq.DSLContext;

/**
 * The outbox: the log's events the hub has not acknowledged yet. There is no second copy; an
 * event leaves the outbox when the hub says it stored it.
 */
public final class Outbox {
    private final Store store;
    private final DSLContext dsl;
    private final Clock clock;

    public Outbox(Store store, Clock clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.clock = clock;
    }

    /** Events the hub has not acknowledged yet (the outbox), in log order, at most {@code limit}. */
    public List<CheckInEvent> pending(int limit) {
        return dsl.selectFrom(CHECKIN_EVENT)
                .where(CHECKIN_EVENT.ACKED_AT.isNull())
                .and(CHECKIN_EVENT.QUARANTINED.isFalse())
                .orderBy(CHECKIN_EVENT.HLC, CHECKIN_EVENT.STATION_ID, CHECKIN_EVENT.ID)
                .limit(limit)
                .fetch(EventRows::toEvent);
    }

    /** Events the hub has not acknowledged yet: the outbox. */
    public int pendingCount() {
        return dsl.fetchCount(CHECKIN_EVENT, CHECKIN_EVENT.ACKED_AT.isNull().and(CHECKIN_EVENT.QUARANTINED.isFalse()));
    }

    /** The hub confirmed it stored these events: they leave the outbox. Returns how many were pending. */
    public int markAcked(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        int n = 0;
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += EventRows.CHUNK) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + EventRows.CHUNK));
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
}
