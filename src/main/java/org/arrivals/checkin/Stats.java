package org.arrivals.checkin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Arrival numbers for the dashboard. Expected counts attending registrations (walk-ins included);
 * cancelled, refunded and pending ones are not expected, though they may still arrive by override.
 */
public record Stats(int arrived, int expected, Map<String, TypeCount> byType, List<Bucket> per15min) {
    public record TypeCount(int arrived, int expected) {}

    public record Bucket(OffsetDateTime start, int count) {}
}
