package org.arrivals.checkin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Arrival numbers for the dashboard. Expected counts attending registrations (walk-ins included);
 * cancelled, refunded and pending ones are not expected, though they may still arrive by override.
 * {@code arrived}, {@code byType} and {@code per15min} are for {@code day} (today, in the event's
 * time zone); {@code byDay} and {@code per15minByDay} give every event day; {@code
 * byOrganization} gives each organization's people who came on any day, today, and expected;
 * {@code pickedUp} the people who collected their badge at a badge-pickup station, which is not an
 * entry.
 */
public record Stats(
        int arrived,
        int expected,
        Map<String, TypeCount> byType,
        List<Bucket> per15min,
        LocalDate day,
        Map<LocalDate, TypeCount> byDay,
        Map<LocalDate, List<Bucket>> per15minByDay,
        Map<String, OrgCount> byOrganization,
        int pickedUp) {

    public Stats(int arrived, int expected, Map<String, TypeCount> byType, List<Bucket> per15min) {
        this(arrived, expected, byType, per15min, null, Map.of(), Map.of(), Map.of(), 0);
    }

    public record TypeCount(int arrived, int expected) {}

    public record Bucket(OffsetDateTime start, int count) {}

    /** An organization's people: checked in on some day, checked in today, and expected. */
    public record OrgCount(int arrived, int today, int expected) {}
}
