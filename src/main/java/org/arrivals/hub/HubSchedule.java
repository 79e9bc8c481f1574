package org.arrivals.hub;

import static org.arrivals.hub.HubTables.SESSION;
import static org.arrivals.hub.HubTables.S_CAPACITY;
import static org.arrivals.hub.HubTables.S_DATE;
import static org.arrivals.hub.HubTables.S_END;
import static org.arrivals.hub.HubTables.S_ID;
import static org.arrivals.hub.HubTables.S_POSITION;
import static org.arrivals.hub.HubTables.S_ROOM;
import static org.arrivals.hub.HubTables.S_START;
import static org.arrivals.hub.HubTables.S_TITLE;
import static org.arrivals.hub.HubTables.S_TRACK;

import java.util.List;
import java.util.concurrent.locks.Lock;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.ScheduleContract;
import org.arrivals.sync.protocol.ScheduleResponse;
import org.arrivals.sync.protocol.ScheduleSession;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's schedule ({@code hub_session}): replaced whole by an upload, its version the {@code
 * schedule} counter. A station asks after the version it holds and gets every session when the
 * hub's is newer.
 */
final class HubSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(HubSchedule.class);

    private final DSLContext dsl;
    private final Lock writes;

    HubSchedule(DSLContext dsl, Lock writes) {
        this.dsl = dsl;
        this.writes = writes;
    }

    /**
     * Replaces the schedule, all or nothing, and gives it a new version.
     *
     * @throws ContractViolation for a session the contract refuses (then nothing changes)
     */
    long replace(List<ScheduleSession> sessions) {
        ScheduleContract.check(sessions).ifPresent(p -> {
            throw new ContractViolation(p);
        });
        writes.lock();
        try {
            long version = dsl.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                long v = Counters.lock(t, Counters.SCHEDULE) + 1;
                t.deleteFrom(SESSION).execute();
                int position = 0;
                for (ScheduleSession s : sessions) {
                    t.insertInto(
                                    SESSION,
                                    S_ID,
                                    S_POSITION,
                                    S_TITLE,
                                    S_TRACK,
                                    S_ROOM,
                                    S_DATE,
                                    S_START,
                                    S_END,
                                    S_CAPACITY)
                            .values(
                                    s.id(),
                                    position++,
                                    s.title(),
                                    s.track(),
                                    s.room(),
                                    s.date(),
                                    s.start(),
                                    s.end(),
                                    s.capacity())
                            .execute();
                }
                Counters.set(t, Counters.SCHEDULE, v);
                return v;
            });
            LOG.info("Schedule at the hub: version {}, {} sessions", version, sessions.size());
            return version;
        } finally {
            writes.unlock();
        }
    }

    /** The schedule when its version is newer than {@code after}; else its version and no session. */
    ScheduleResponse after(long after) {
        long version = dsl.select(HubTables.COUNTER_VALUE)
                .from(HubTables.COUNTER)
                .where(HubTables.COUNTER_NAME.eq(Counters.SCHEDULE))
                .fetchOptional(HubTables.COUNTER_VALUE)
                .orElse(0L);
        if (version <= after) {
            return new ScheduleResponse(version, false, List.of());
        }
        List<ScheduleSession> all = dsl.select(S_ID, S_TITLE, S_TRACK, S_ROOM, S_DATE, S_START, S_END, S_CAPACITY)
                .from(SESSION)
                .orderBy(S_POSITION)
                .fetch(r -> new ScheduleSession(
                        r.get(S_ID),
                        r.get(S_TITLE),
                        r.get(S_TRACK),
                        r.get(S_ROOM),
                        r.get(S_DATE),
                        r.get(S_START),
                        r.get(S_END),
                        r.get(S_CAPACITY)));
        return new ScheduleResponse(version, true, all);
    }
}
