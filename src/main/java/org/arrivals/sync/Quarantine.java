package org.arrivals.sync;

import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;
import static org.arrivals.store.jooq.Tables.SYNC_QUARANTINE;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.arrivals.store.Store;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.WireEvent;
import org.jooq.DSLContext;

/**
 * Events set aside so that sync goes on with everything else: one pulled from the hub that this
 * station cannot apply (a kind it does not know, a field the contract refuses, a clock too far
 * ahead), and one of this station's own that the hub refused (it leaves the outbox and stays in
 * the log). Kept in the encrypted database for a person to look at; never half applied.
 */
public final class Quarantine {
    /** Where a set-aside event came from. */
    public enum Direction {
        PULLED,
        PUSHED
    }

    /** One set-aside event: its id, where it came from, and why (a field and rule, or the hub's words). */
    public record Entry(UUID eventId, Direction direction, String problem, OffsetDateTime at) {}

    private final Store store;
    private final DSLContext dsl;
    private final Clock clock;

    public Quarantine(Store store, Clock clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.clock = clock;
    }

    /** A pulled event this station will not apply. Once per event id. */
    public void pulled(WireEvent e, String problem) {
        if (e.id() != null
                && dsl.fetchExists(
                        SYNC_QUARANTINE,
                        SYNC_QUARANTINE
                                .EVENT_ID
                                .eq(e.id())
                                .and(SYNC_QUARANTINE.DIRECTION.eq(Direction.PULLED.name())))) {
            return;
        }
        insert(e.id(), Direction.PULLED, problem, json(e));
    }

    /** One of this station's own events the hub refused: out of the outbox, kept in the log. */
    public void pushed(WireEvent e, String problem) {
        dsl.transaction(tx -> {
            tx.dsl()
                    .update(CHECKIN_EVENT)
                    .set(CHECKIN_EVENT.QUARANTINED, true)
                    .where(CHECKIN_EVENT.ID.eq(e.id()))
                    .execute();
            tx.dsl()
                    .insertInto(
                            SYNC_QUARANTINE,
                            SYNC_QUARANTINE.EVENT_ID,
                            SYNC_QUARANTINE.DIRECTION,
                            SYNC_QUARANTINE.PROBLEM,
                            SYNC_QUARANTINE.EVENT_JSON,
                            SYNC_QUARANTINE.QUARANTINED_AT)
                    .values(e.id(), Direction.PUSHED.name(), cut(problem), json(e), OffsetDateTime.now(clock))
                    .execute();
        });
        store.committed();
    }

    private void insert(UUID id, Direction d, String problem, String json) {
        dsl.insertInto(
                        SYNC_QUARANTINE,
                        SYNC_QUARANTINE.EVENT_ID,
                        SYNC_QUARANTINE.DIRECTION,
                        SYNC_QUARANTINE.PROBLEM,
                        SYNC_QUARANTINE.EVENT_JSON,
                        SYNC_QUARANTINE.QUARANTINED_AT)
                .values(id, d.name(), cut(problem), json, OffsetDateTime.now(clock))
                .execute();
        store.committed();
    }

    public int count() {
        return dsl.fetchCount(SYNC_QUARANTINE);
    }

    /** Every set-aside event, oldest first (no names: ids, directions and problems). */
    public List<Entry> entries() {
        return dsl.selectFrom(SYNC_QUARANTINE)
                .orderBy(SYNC_QUARANTINE.SEQ)
                .fetch(r -> new Entry(
                        r.getEventId(), Direction.valueOf(r.getDirection()), r.getProblem(), r.getQuarantinedAt()));
    }

    private static String cut(String s) {
        String p = s == null ? "unknown" : s;
        return p.length() > 1000 ? p.substring(0, 1000) : p;
    }

    private static String json(WireEvent e) {
        try {
            return Protocol.JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            return null;
        }
    }
}
