package org.arrivals.store;

import static org.arrivals.store.jooq.Tables.BADGE_GENERATION;

import org.jooq.DSLContext;

/**
 * The generation of each person's current badge ({@code badge_generation}): 0 until a reprint is
 * asked for, then one more with each reprint, here or (through the reprint's event) at another
 * station. A badge token of an older generation is refused as replaced. Generations only grow.
 */
public final class BadgeGenerations {
    private final Store store;
    private final DSLContext dsl;

    public BadgeGenerations(Store store) {
        this.store = store;
        this.dsl = store.dsl();
    }

    /** The current generation of {@code code}'s badge (0: never reprinted). */
    public int current(String code) {
        Integer g = dsl.select(BADGE_GENERATION.GENERATION)
                .from(BADGE_GENERATION)
                .where(BADGE_GENERATION.ATTENDEE_CODE.eq(code))
                .fetchOne(BADGE_GENERATION.GENERATION);
        return g == null ? 0 : g;
    }

    /** A reprint is asked for: the next generation, now current. */
    public synchronized int next(String code) {
        int next = current(code) + 1;
        raise(code, next);
        return next;
    }

    /** At least {@code generation} from now on (a reprint recorded here or at another station). */
    public synchronized void raise(String code, int generation) {
        if (generation <= 0) {
            return;
        }
        int now = current(code);
        if (generation <= now) {
            return;
        }
        if (dsl.update(BADGE_GENERATION)
                        .set(BADGE_GENERATION.GENERATION, generation)
                        .where(BADGE_GENERATION.ATTENDEE_CODE.eq(code))
                        .execute()
                == 0) {
            dsl.insertInto(BADGE_GENERATION, BADGE_GENERATION.ATTENDEE_CODE, BADGE_GENERATION.GENERATION)
                    .values(code, generation)
                    .execute();
        }
        store.committed();
    }
}
