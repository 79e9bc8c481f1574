package org.arrivals.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.sync.protocol.EventContract;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.Problem;
import org.arrivals.sync.protocol.RosterContract;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;

/** Between the station's own types and the protocol's. */
public final class Wire {
    private Wire() {}

    public static WireEvent of(CheckInEvent e) {
        return new WireEvent(
                e.id(), e.attendeeCode(), e.kind().name(), e.stationId(), e.wallTime(), e.hlc(), e.details());
    }

    public static List<WireEvent> of(List<CheckInEvent> events) {
        return events.stream().map(Wire::of).toList();
    }

    /**
     * What the sync contract says of an event pulled from the hub: empty when this station may
     * apply it; else the problem (a field, a rule), the same the hub answers for a push.
     */
    public static Optional<Problem> check(WireEvent w) {
        return EventContract.check(w);
    }

    /** As above, and its clock not more than the contract allows ahead of this station's time {@code now}. */
    public static Optional<Problem> check(WireEvent w, java.time.Instant now) {
        return EventContract.check(w, now);
    }

    /** Empty for a kind this version does not know (an event from a newer station). */
    public static Optional<CheckInEvent> toEvent(WireEvent w) {
        EventKind kind;
        try {
            kind = EventKind.valueOf(w.kind());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        return Optional.of(
                new CheckInEvent(w.id(), w.attendeeCode(), kind, w.stationId(), w.wallTime(), w.hlc(), w.details()));
    }

    /** A schedule's session as it travels (the contract has checked it). */
    public static org.arrivals.session.Session session(org.arrivals.sync.protocol.ScheduleSession s) {
        return new org.arrivals.session.Session(
                s.id(),
                s.title(),
                s.track() == null || s.track().isBlank() ? null : s.track(),
                s.room(),
                java.time.LocalDate.parse(s.date()),
                java.time.LocalTime.parse(s.start()),
                java.time.LocalTime.parse(s.end()),
                s.capacity());
    }

    public static org.arrivals.sync.protocol.ScheduleSession session(org.arrivals.session.Session s) {
        return new org.arrivals.sync.protocol.ScheduleSession(
                s.id(),
                s.title(),
                s.track(),
                s.room(),
                s.date().toString(),
                String.format(
                        java.util.Locale.ROOT,
                        "%02d:%02d",
                        s.start().getHour(),
                        s.start().getMinute()),
                String.format(
                        java.util.Locale.ROOT,
                        "%02d:%02d",
                        s.end().getHour(),
                        s.end().getMinute()),
                s.capacity());
    }

    public static RosterRow rosterRow(Attendee a) {
        return new RosterRow(
                a.code(),
                a.barcode(),
                a.firstName(),
                a.lastName(),
                a.badgeName(),
                a.pronouns(),
                a.email(),
                a.organization(),
                a.title(),
                a.type(),
                a.status().name(),
                a.extra(),
                a.walkIn());
    }

    public static Attendee attendee(RosterRow r) {
        RegistrationStatus status;
        try {
            status = RegistrationStatus.valueOf(r.status());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            status = RegistrationStatus.PENDING;
        }
        return new Attendee(
                0,
                r.code(),
                r.barcode(),
                r.firstName(),
                r.lastName() == null ? "" : r.lastName(),
                r.badgeName(),
                r.pronouns(),
                r.email(),
                r.organization(),
                r.title(),
                r.type() == null ? RosterContract.DEFAULT_TYPE : r.type(),
                status,
                r.extra() == null ? Map.of() : r.extra(),
                r.walkIn());
    }
}
