package org.arrivals.session;

import static org.arrivals.store.jooq.Tables.SESSION_VISIT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrivals.store.Store;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What the session projection says: who is inside which room now, who attended what. Reads only. */
public final class SessionQueries {
    private final DSLContext dsl;

    public SessionQueries(Store store) {
        this.dsl = store.dsl();
    }

    /** People inside a session's room now (entered and not left, nor gone into another session). */
    public int inside(String sessionId) {
        return dsl.fetchCount(
                SESSION_VISIT, SESSION_VISIT.SESSION_ID.eq(sessionId).and(SESSION_VISIT.LEFT_AT.isNull()));
    }

    /** People inside each session's room now, by session id (sessions with nobody inside are left out). */
    public Map<String, Integer> insideCounts() {
        Map<String, Integer> out = new HashMap<>();
        dsl.select(SESSION_VISIT.SESSION_ID, DSL.count())
                .from(SESSION_VISIT)
                .where(SESSION_VISIT.LEFT_AT.isNull())
                .groupBy(SESSION_VISIT.SESSION_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** People who entered each session at least once, by session id. */
    public Map<String, Integer> attendedCounts() {
        Map<String, Integer> out = new HashMap<>();
        dsl.select(SESSION_VISIT.SESSION_ID, DSL.countDistinct(SESSION_VISIT.ATTENDEE_CODE))
                .from(SESSION_VISIT)
                .groupBy(SESSION_VISIT.SESSION_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** The session a person is inside now, if any. */
    public Optional<String> currentSession(String code) {
        return Optional.ofNullable(dsl.select(SESSION_VISIT.SESSION_ID)
                .from(SESSION_VISIT)
                .where(SESSION_VISIT.ATTENDEE_CODE.eq(code).and(SESSION_VISIT.LEFT_AT.isNull()))
                .fetchAny(SESSION_VISIT.SESSION_ID));
    }

    /** A person's stays, in order. */
    public List<Visit> visits(String code) {
        return dsl.selectFrom(SESSION_VISIT)
                .where(SESSION_VISIT.ATTENDEE_CODE.eq(code))
                .orderBy(SESSION_VISIT.VISIT)
                .fetch(r -> new Visit(r.getAttendeeCode(), r.getSessionId(), r.getEnteredAt(), r.getLeftAt()));
    }

    /** Everyone's stays, by person then in order. */
    public List<Visit> allVisits() {
        return dsl.selectFrom(SESSION_VISIT)
                .orderBy(SESSION_VISIT.ATTENDEE_CODE, SESSION_VISIT.VISIT)
                .fetch(r -> new Visit(r.getAttendeeCode(), r.getSessionId(), r.getEnteredAt(), r.getLeftAt()));
    }
}
