package org.arrivals.attendee;

import static org.arrivals.store.jooq.Tables.ROSTER_CLOCK;

import org.jooq.DSLContext;

/** A counter bumped inside each roster-changing transaction, so "changes after version N" is one query. */
public final class RosterVersion {
    private RosterVersion() {}

    /** Must run inside the transaction that makes the change; the row lock serializes writers. */
    public static long next(DSLContext tx) {
        return tx.update(ROSTER_CLOCK)
                .set(ROSTER_CLOCK.VERSION, ROSTER_CLOCK.VERSION.plus(1))
                .where(ROSTER_CLOCK.ID.eq(1))
                .returningResult(ROSTER_CLOCK.VERSION)
                .fetchOne()
                .value1();
    }
}
