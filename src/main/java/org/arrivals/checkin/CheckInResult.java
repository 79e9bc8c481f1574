package org.arrivals.checkin;

import org.arrivals.attendee.Attendee;

/** What a check-in (or an undo) did, in terms a desk can show. */
public record CheckInResult(Outcome outcome, Attendee attendee, Arrival arrival) {
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
        INVALID
    }

    public boolean recorded() {
        return outcome == Outcome.CHECKED_IN || outcome == Outcome.CHECKED_IN_OVERRIDE || outcome == Outcome.UNDONE;
    }
}
