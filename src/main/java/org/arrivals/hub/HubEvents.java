package org.arrivals.hub;

import static org.arrivals.hub.HubTables.EVENT;
import static org.arrivals.hub.HubTables.EVENT_CODE;
import static org.arrivals.hub.HubTables.EVENT_DETAILS;
import static org.arrivals.hub.HubTables.EVENT_HLC;
import static org.arrivals.hub.HubTables.EVENT_ID;
import static org.arrivals.hub.HubTables.EVENT_KIND;
import static org.arrivals.hub.HubTables.EVENT_PUSHED_BY;
import static org.arrivals.hub.HubTables.EVENT_RECEIVED;
import static org.arrivals.hub.HubTables.EVENT_SEQ;
import static org.arrivals.hub.HubTables.EVENT_STATION;
import static org.arrivals.hub.HubTables.EVENT_WALL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.EventContract;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.PushResponse;
import org.arrivals.sync.protocol.WireEvent;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/**
 * The events of every station ({@code hub_event}), each stored once and numbered in the order it
 * was stored. A push locks the {@code event} counter for its whole transaction, so pushes commit
 * one after another and numbers become visible in order: a puller that has seen number N can
 * never later find an N-1 it missed, on one hub or several sharing a database.
 */
final class HubEvents {
    private static final int CHUNK = 1000;

    private final DSLContext dsl;
    private final Clock clock;
    private final Lock writes;
    private final HubRoster roster;
    private volatile long lastStored;

    /** {@code writes}: the process's queue for writers, so the database's lock queue stays short. */
    HubEvents(DSLContext dsl, Clock clock, Lock writes, HubRoster roster) {
        this.dsl = dsl;
        this.clock = clock;
        this.writes = writes;
        this.roster = roster;
    }

    /**
     * Stores a batch, each event once however often it is pushed, and numbers the new ones; the
     * roster takes in their walk-ins and edits in the same transaction. The receipt names every
     * event of the batch, since after the commit the hub holds them all.
     *
     * @throws ContractViolation for an event the contract refuses (then nothing is stored)
     */
    PushResponse push(String pushedBy, List<WireEvent> events) {
        Map<UUID, WireEvent> byId = new LinkedHashMap<>();
        for (WireEvent e : events) {
            if (e == null) {
                throw new IllegalArgumentException("An event of the batch is empty.");
            }
            EventContract.check(e).ifPresent(p -> {
                throw new ContractViolation(p);
            });
            byId.putIfAbsent(e.id(), e);
        }
        if (byId.isEmpty()) {
            return new PushResponse(List.of(), 0, 0);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        writes.lock();
        try {
            long[] newest = {0};
            int stored = dsl.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                long seq = Counters.lock(t, Counters.EVENT);
                Set<UUID> known = new HashSet<>();
                List<UUID> ids = new ArrayList<>(byId.keySet());
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    known.addAll(t.select(EVENT_ID)
                            .from(EVENT)
                            .where(EVENT_ID.in(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
                            .fetch(EVENT_ID));
                }
                List<WireEvent> fresh = byId.values().stream()
                        .filter(e -> !known.contains(e.id()))
                        .toList();
                if (fresh.isEmpty()) {
                    return 0;
                }
                long next = seq;
                if (Boolean.getBoolean(PREVIOUS_INSERT)) {
                    next = insertBatch(t, fresh, seq, pushedBy, now);
                } else {
                    // one statement of many rows rather than a JDBC batch of one-row statements: H2
                    // (WRITE_DELAY=0) writes its file after each statement
                    for (int from = 0; from < fresh.size(); from += ROWS_PER_INSERT) {
                        var insert = t.insertInto(
                                EVENT,
                                EVENT_ID,
                                EVENT_SEQ,
                                EVENT_CODE,
                                EVENT_KIND,
                                EVENT_STATION,
                                EVENT_WALL,
                                EVENT_HLC,
                                EVENT_DETAILS,
                                EVENT_PUSHED_BY,
                                EVENT_RECEIVED);
                        org.jooq.InsertValuesStep10<
                                        org.jooq.Record,
                                        UUID,
                                        Long,
                                        String,
                                        String,
                                        String,
                                        OffsetDateTime,
                                        Long,
                                        String,
                                        String,
                                        OffsetDateTime>
                                rows = null;
                        for (WireEvent e : fresh.subList(from, Math.min(fresh.size(), from + ROWS_PER_INSERT))) {
                            rows = (rows == null ? insert : rows)
                                    .values(
                                            e.id(),
                                            ++next,
                                            e.attendeeCode(),
                                            e.kind(),
                                            e.stationId(),
                                            e.wallTime(),
                                            e.hlc(),
                                            e.details(),
                                            pushedBy,
                                            now);
                        }
                        rows.execute();
                    }
                }
                Counters.set(t, Counters.EVENT, next);
                roster.takeIn(t, fresh, now);
                newest[0] = next;
                return fresh.size();
            });
            if (stored > 0) {
                lastStored = newest[0];
            }
            return new PushResponse(List.copyOf(byId.keySet()), stored, byId.size() - stored);
        } finally {
            writes.unlock();
        }
    }

    /** Rows in one insert statement (10 parameters each: well within PostgreSQL's 32,767). */
    private static final int ROWS_PER_INSERT = 500;

    /** System property: store pushes as before (a JDBC batch of one-row inserts), for the benchmark's baseline. */
    static final String PREVIOUS_INSERT = "arrivals.hub.previousInsert";

    private static long insertBatch(
            DSLContext t, List<WireEvent> fresh, long seq, String pushedBy, OffsetDateTime now) {
        BatchBindStep insert = t.batch(t.insertInto(
                        EVENT,
                        EVENT_ID,
                        EVENT_SEQ,
                        EVENT_CODE,
                        EVENT_KIND,
                        EVENT_STATION,
                        EVENT_WALL,
                        EVENT_HLC,
                        EVENT_DETAILS,
                        EVENT_PUSHED_BY,
                        EVENT_RECEIVED)
                .values((UUID) null, null, null, null, null, null, null, null, null, null));
        long next = seq;
        for (WireEvent e : fresh) {
            insert.bind(
                    e.id(),
                    ++next,
                    e.attendeeCode(),
                    e.kind(),
                    e.stationId(),
                    e.wallTime(),
                    e.hlc(),
                    e.details(),
                    pushedBy,
                    now);
        }
        insert.execute();
        return next;
    }

    /** Events stored after {@code after}, in the order they were stored. */
    PullResponse pull(long after, int limit) {
        int n = Math.max(1, Math.min(limit, Protocol.MAX_BATCH));
        List<Long> seqs = new ArrayList<>();
        List<WireEvent> events = dsl.select(
                        EVENT_SEQ,
                        EVENT_ID,
                        EVENT_CODE,
                        EVENT_KIND,
                        EVENT_STATION,
                        EVENT_WALL,
                        EVENT_HLC,
                        EVENT_DETAILS)
                .from(EVENT)
                .where(EVENT_SEQ.gt(after))
                .orderBy(EVENT_SEQ)
                .limit(n + 1)
                .fetch(r -> {
                    seqs.add(r.get(EVENT_SEQ));
                    return new WireEvent(
                            r.get(EVENT_ID),
                            r.get(EVENT_CODE),
                            r.get(EVENT_KIND),
                            r.get(EVENT_STATION),
                            r.get(EVENT_WALL),
                            r.get(EVENT_HLC),
                            r.get(EVENT_DETAILS));
                });
        boolean more = events.size() > n;
        if (more) {
            events = events.subList(0, n);
        }
        long cursor = events.isEmpty() ? after : seqs.get(events.size() - 1);
        return new PullResponse(List.copyOf(events), cursor, more);
    }

    /** The number of the newest event this process stored (0: none yet); read by the pusher right after {@link #push}. */
    long lastStored() {
        return lastStored;
    }

    /** The highest event number the database holds (0: none), whoever stored it. */
    long newest() {
        Long max = dsl.select(org.jooq.impl.DSL.max(EVENT_SEQ))
                .from(EVENT)
                .fetchOne()
                .value1();
        return max == null ? 0 : max;
    }

    int count() {
        return dsl.fetchCount(EVENT);
    }
}
