package org.arrivals.session;

import static org.arrivals.store.jooq.Tables.SESSION_VISIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.checkin.EventProjection;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.DSLContext;

/**
 * Where people are in the session rooms: each person's stays ({@code session_visit}), a pure fold
 * of their session events in log order, recomputed in the transaction of every event that changes
 * it, here or pulled from another station. So two doors of one room that hold the same events
 * count the same people inside, whatever order the events reached them in.
 *
 * <ul>
 *   <li>An entry opens a stay in its session; it closes the stay the person had in another one
 *       (one person, one room). An entry into the session they are in changes nothing.
 *   <li>An exit closes their stay in its session; an exit from a session they are not in changes
 *       nothing.
 * </ul>
 */
public final class SessionPresence implements EventProjection {
    @Override
    public boolean follows(EventKind kind) {
        return kind.isSession();
    }

    /** The stays in a person's events, in log order. */
    public static List<Visit> fold(String code, List<CheckInEvent> events) {
        List<Visit> visits = new ArrayList<>();
        Visit open = null;
        for (CheckInEvent e : events.stream().sorted(CheckInEvent.LOG_ORDER).toList()) {
            if (!e.kind().isSession()) {
                continue;
            }
            String session = Details.fromJson(e.details()).get(Details.SESSION);
            if (session == null) {
                continue;
            }
            if (e.kind() == EventKind.SESSION_ENTERED) {
                if (open != null && open.sessionId().equals(session)) {
                    continue; // a second entry (another door of the room): the first stands
                }
                if (open != null) {
                    visits.add(new Visit(code, open.sessionId(), open.enteredAt(), e.wallTime()));
                }
                open = new Visit(code, session, e.wallTime(), null);
            } else if (open != null && open.sessionId().equals(session)) {
                visits.add(new Visit(code, session, open.enteredAt(), e.wallTime()));
                open = null;
            }
        }
        if (open != null) {
            visits.add(open);
        }
        return visits;
    }

    @Override
    public void project(DSLContext t, Map<String, List<CheckInEvent>> eventsByCode) {
        List<String> codes = new ArrayList<>(eventsByCode.keySet());
        for (int from = 0; from < codes.size(); from += 1000) {
            t.deleteFrom(SESSION_VISIT)
                    .where(SESSION_VISIT.ATTENDEE_CODE.in(codes.subList(from, Math.min(codes.size(), from + 1000))))
                    .execute();
        }
        List<Visit> all = new ArrayList<>();
        eventsByCode.forEach((code, events) -> all.addAll(fold(code, events)));
        if (all.isEmpty()) {
            return;
        }
        if (all.size() == 1) {
            // the door's own scan: one statement, not a batch
            Visit v = all.get(0);
            t.insertInto(
                            SESSION_VISIT,
                            SESSION_VISIT.ATTENDEE_CODE,
                            SESSION_VISIT.VISIT,
                            SESSION_VISIT.SESSION_ID,
                            SESSION_VISIT.ENTERED_AT,
                            SESSION_VISIT.LEFT_AT)
                    .values(v.attendeeCode(), 0, v.sessionId(), v.enteredAt(), v.leftAt())
                    .execute();
            return;
        }
        var insert = t.batch(t.insertInto(
                        SESSION_VISIT,
                        SESSION_VISIT.ATTENDEE_CODE,
                        SESSION_VISIT.VISIT,
                        SESSION_VISIT.SESSION_ID,
                        SESSION_VISIT.ENTERED_AT,
                        SESSION_VISIT.LEFT_AT)
                .values((String) null, null, null, null, null));
        String previous = null;
        int n = 0;
        for (Visit v : all) {
            n = v.attendeeCode().equals(previous) ? n + 1 : 0;
            previous = v.attendeeCode();
            insert.bind(v.attendeeCode(), n, v.sessionId(), v.enteredAt(), v.leftAt());
        }
        insert.execute();
    }
}
