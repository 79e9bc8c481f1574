package org.arrivals.checkin;

import java.util.List;
import java.util.Map;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.DSLContext;

/**
 * Another projection of the check-in log, kept by a feature that builds on it (where people are
 * in the session rooms): recomputed per attendee from all their events, in the same transaction
 * as the events that change it, here or pulled from other stations. The fold in log order makes
 * "same events, same state" true on every station, as for {@link Arrival}.
 */
public interface EventProjection {
    /** True when events of this kind change what the projection keeps. */
    boolean follows(EventKind kind);

    /**
     * Recomputes what the projection keeps for each of these attendees from all their events (any
     * order: sort by {@link CheckInEvent#LOG_ORDER}), inside the transaction {@code t}.
     */
    void project(DSLContext t, Map<String, List<CheckInEvent>> eventsByCode);
}
