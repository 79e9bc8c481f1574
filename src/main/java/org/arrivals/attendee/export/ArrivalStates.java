package org.arrivals.attendee.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Who has arrived, as the check-in log knows it. An interface here so the roster export can show
 * arrival state without the roster depending on the check-in log (which depends on the roster).
 */
public interface ArrivalStates {
    /** Attendee code to arrival, for everyone with any check-in history. */
    Map<String, State> byCode();

    /**
     * Checked in on some day of the event; the first arrival's time and station; and the time of
     * each event day's check-in, by day (in order).
     */
    record State(
            boolean checkedIn, OffsetDateTime at, String station, java.util.SortedMap<LocalDate, OffsetDateTime> days) {
        public State {
            days = days == null
                    ? java.util.Collections.emptySortedMap()
                    : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(days));
        }

        public State(boolean checkedIn, OffsetDateTime at, String station) {
            this(checkedIn, at, station, null);
        }
    }

    /** The event's days, in order: the export gives each its own column (none by default). */
    default java.util.List<LocalDate> eventDays() {
        return java.util.List.of();
    }
}
