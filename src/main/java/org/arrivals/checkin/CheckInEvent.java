package org.arrivals.checkin;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;
import org.arrivals.sync.protocol.EventKind;

/** One immutable fact of the check-in log. */
public record CheckInEvent(
        UUID id,
        String attendeeCode,
        EventKind kind,
        String stationId,
        OffsetDateTime wallTime,
        long hlc,
        String details) {

    /** The log's one order: clock, then station, then id. Every station sorts the same events the same way. */
    public static final Comparator<CheckInEvent> LOG_ORDER = Comparator.comparingLong(CheckInEvent::hlc)
            .thenComparing(CheckInEvent::stationId)
            .thenComparing(CheckInEvent::id);
}
