package org.arrivals.checkin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Arrival numbers for the dashboard. Expected counts attending registrations (walk-ins included);
 * cancelled, refunded and pending ones are not expected, though they may still arrive by override.
 * {@code arrived} counts entries (check-ins); {@code pickedUp} the people who collected their badge
 * at a badge-pickup station, which is not an entry.
 */
public record Stats(int arrived, int expected, Map<String, TypeCount> byType, List<Bucket> per15min, int pickedUp) {
    public Stats(int arrived, int expected, Map<String, TypeCount> byType, List<Bucket> per15min) {
        this(arrived, expected, byType, per15min, 0);
    }

    public record TypeCount(int arrived, int expected) {}

    public record Bucket(OffsetDateTime start, int count) {}
}
