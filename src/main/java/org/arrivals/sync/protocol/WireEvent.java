package org.arrivals.sync.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One check-in log event as it travels between a station and the hub. */
public record WireEvent(
        UUID id,
        String attendeeCode,
        String kind,
        String stationId,
        OffsetDateTime wallTime,
        long hlc,
        String details) {}
