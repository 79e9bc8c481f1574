package org.arrivals.checkin;

import org.arrivals.attendee.Attendee;
import org.arrivals.audit.Role;
import org.arrivals.print.PrintOutcome;

/**
 * What a check-in (or an undo) did, as facts a face puts in words. {@code badge} is what became of
 * the first badge when the check-in asked for one (null when it did not); {@code needs} is the
 * role an action that was not allowed needs. {@code day} is the event day a check-in, an undo or
 * the check-in already made is for, and {@code arrival} the person's arrival as that day sees it
 * ({@link Arrival#on}): checked in that day, where and when, with all their days.
 */
public record CheckInResult(
        Outcome outcome, Attendee attendee, Arrival arrival, PrintOutcome badge, Role needs, java.time.LocalDate day) {
    public enum Outcome {
        /** Checked in now. */
        CHECKED_IN,
        /** Checked in now, over a blocked registration status, by a person's decision. */
        CHECKED_IN_OVERRIDE,
        /** Was already checked in; {@link #arrival()} says where and when. No second arrival was recorded. */
        ALREADY_CHECKED_IN,
        /** The registration is cancelled, refunded or pending; nothing was recorded. */
        BLOCKED,
        /** The undo was recorded. */
        UNDONE,
        /** Undo asked for someone who is not checked in; nothing was recorded. */
        NOT_CHECKED_IN,
        /** No attendee has this code, barcode or badge token. */
        NOT_FOUND,
        /** The scan looked like a badge token but is forged, altered or from another event. */
        INVALID,
        /** A genuine badge token of a badge a reprint replaced (a lost badge): refused, nothing recorded. */
        REPLACED,
        /** The actor's role may not do this; {@link #needs()} says which role may. Nothing was recorded. */
        NOT_ALLOWED,
        /** Checking in over a blocked status needs a reason. Nothing was recorded. */
        NEEDS_REASON,
        /**
         * At a badge-pickup station: the pickup is recorded (not an entry) and {@link #badge()} says
         * what became of the badge.
         */
        PICKED_UP,
        /** At a badge-pickup station: this person already collected their badge. Nothing was recorded. */
        ALREADY_PICKED_UP,
        /** A check-in at a past time was asked for a time still to come. Nothing was recorded. */
        IN_THE_FUTURE
    }

    public CheckInResult(Outcome outcome, Attendee attendee, Arrival arrival) {
        this(outcome, attendee, arrival, null, null, null);
    }

    public CheckInResult(Outcome outcome, Attendee attendee, Arrival arrival, PrintOutcome badge, Role needs) {
        this(outcome, attendee, arrival, badge, needs, null);
    }

    /** What a check-in or an undo did on one event day; {@code arrival} as that day sees it. */
    static CheckInResult onDay(Outcome outcome, Attendee attendee, Arrival arrival, java.time.LocalDate day) {
        return new CheckInResult(outcome, attendee, arrival.on(day), null, null, day);
    }

    public static CheckInResult notAllowed(Attendee attendee, Arrival arrival, Role needs) {
        return new CheckInResult(Outcome.NOT_ALLOWED, attendee, arrival, null, needs);
    }

    CheckInResult withBadge(PrintOutcome b) {
        return new CheckInResult(outcome, attendee, arrival, b, needs, day);
    }

    public boolean recorded() {
        return outcome == Outcome.CHECKED_IN
                || outcome == Outcome.CHECKED_IN_OVERRIDE
                || outcome == Outcome.UNDONE
                || outcome == Outcome.PICKED_UP;
    }

    /** Checked in now (plainly or over a blocked status). */
    public boolean checkedIn() {
        return outcome == Outcome.CHECKED_IN || outcome == Outcome.CHECKED_IN_OVERRIDE;
    }
}
