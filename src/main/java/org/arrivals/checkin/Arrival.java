package org.arrivals.checkin;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An attendee's current arrival: a pure function of their events in log order, so two stations
 * holding the same events agree, whatever order the events reached them in.
 */
public record Arrival(
        String attendeeCode,
        boolean checkedIn,
        OffsetDateTime checkedInAt,
        String stationId,
        int badgesPrinted,
        int reprints,
        long lastHlc) {

    public static Arrival none(String code) {
        return new Arrival(code, false, null, null, 0, 0, 0);
    }

    public static Arrival of(String code, List<CheckInEvent> events) {
        Arrival a = none(code);
        for (CheckInEvent e : events.stream().sorted(CheckInEvent.LOG_ORDER).toList()) {
            a = a.apply(e);
        }
        return a;
    }

    Arrival apply(CheckInEvent e) {
        return switch (e.kind()) {
            // A second check-in is not a second arrival: the first one stands.
            case CHECKED_IN ->
                checkedIn
                        ? withHlc(e.hlc())
                        : new Arrival(
                                attendeeCode, true, e.wallTime(), e.stationId(), badgesPrinted, reprints, e.hlc());
            case CHECK_IN_UNDONE -> new Arrival(attendeeCode, false, null, null, badgesPrinted, reprints, e.hlc());
            case BADGE_PRINTED ->
                new Arrival(attendeeCode, checkedIn, checkedInAt, stationId, badgesPrinted + 1, reprints, e.hlc());
            case BADGE_REPRINTED ->
                new Arrival(attendeeCode, checkedIn, checkedInAt, stationId, badgesPrinted + 1, reprints + 1, e.hlc());
            // a badge collected at a pickup station is not an entry
            case WALK_IN_REGISTERED, ATTENDEE_EDITED, BADGE_PICKED_UP -> withHlc(e.hlc());
        };
    }

    private Arrival withHlc(long hlc) {
        return new Arrival(attendeeCode, checkedIn, checkedInAt, stationId, badgesPrinted, reprints, hlc);
    }
}
