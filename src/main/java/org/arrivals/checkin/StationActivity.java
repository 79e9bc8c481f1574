package org.arrivals.checkin;

import java.time.OffsetDateTime;

/** What the log says about one station: how many check-ins it recorded and when it last recorded anything. */
public record StationActivity(String stationId, int checkIns, OffsetDateTime lastEvent) {}
