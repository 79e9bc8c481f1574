package org.arrivals.hub;

import static org.arrivals.hub.HubTables.COUNTER;
import static org.arrivals.hub.HubTables.COUNTER_NAME;
import static org.arrivals.hub.HubTables.COUNTER_VALUE;

import org.jooq.DSLContext;

/**
 * The hub's counters ({@code hub_counter}): {@code event} numbers stored events (the pull cursor),
 * {@code roster} numbers roster changes. A writer locks a counter's row for its whole transaction,
 * so numbers become visible in order; a transaction that takes both takes {@code event} first.
 */
final class Counters {
    static final String EVENT = "event";
    static final String ROSTER = "roster";
    static final String SCHEDULE = "schedule";

    private Counters() {}

    /** The counter's value, its row locked until the transaction ends. */
    static long lock(DSLContext t, String name) {
        return t.select(COUNTER_VALUE)
                .from(COUNTER)
                .where(COUNTER_NAME.eq(name))
                .forUpdate()
                .fetchSingle(COUNTER_VALUE);
    }

    static void set(DSLContext t, String name, long value) {
        t.update(COUNTER).set(COUNTER_VALUE, value).where(COUNTER_NAME.eq(name)).execute();
    }
}
