package org.arrivals.attendee.export;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Who has arrived, as the check-in log knows it. An interface here so the roster export can show
 * arrival state without the roster depending on the check-in log (which depends on the roster).
 */
public interface ArrivalStates {
    /** Attendee code to arrival, for everyone with any check-in history. */
    Map<String, State> byCode();

    record State(boolean checkedIn, OffsetDateTime at, String station) {}
}
