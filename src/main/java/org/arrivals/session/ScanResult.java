package org.arrivals.session;

import org.arrivals.attendee.Attendee;
import org.arrivals.audit.Role;

/**
 * What a scan at a session's door did, as facts a face puts in words: the outcome, the session,
 * how many are inside its room now, the person; {@code checkedInToday} false when they had not
 * checked in at registration today (they were let in; the desk should see them); {@code left} the
 * session they were in before, left by entering this one; {@code needs} the role an action that
 * was not allowed needs.
 */
public record ScanResult(
        Outcome outcome,
        Session session,
        int inside,
        Attendee attendee,
        boolean checkedInToday,
        Session left,
        Role needs) {

    public enum Outcome {
        /** Entered now. */
        IN,
        /** Left now. */
        OUT,
        /** Inside this session's room already (an entry door); nothing recorded. */
        ALREADY_INSIDE,
        /** Not inside this session's room (an exit door); nothing recorded. */
        NOT_INSIDE,
        /** The room is full; nothing recorded. A supervisor may let them in anyway. */
        FULL,
        /** No attendee has this code, barcode or badge token. */
        UNKNOWN,
        /** A badge token that is forged, altered or from another event. */
        INVALID,
        /** No session of the schedule has this id. */
        NO_SUCH_SESSION,
        /** The actor's role may not do this; {@link #needs()} says which may. */
        NOT_ALLOWED,
        /** A scan at a past time was asked for a time still to come; nothing recorded. */
        IN_THE_FUTURE
    }

    static ScanResult of(Outcome o, Session session, int inside) {
        return new ScanResult(o, session, inside, null, true, null, null);
    }

    /** True when the scan recorded an entry or an exit. */
    public boolean recorded() {
        return outcome == Outcome.IN || outcome == Outcome.OUT;
    }

    /** inside / capacity, from 0; 0 for a room without a limit. */
    public double fill() {
        return session == null || !session.limited() ? 0 : inside / (double) session.capacity();
    }
}
