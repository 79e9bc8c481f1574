package org.arrivals.checkin;

/** What happened to an attendee's arrival. Events are facts; none is ever deleted or changed. */
public enum EventKind {
    CHECKED_IN,
    CHECK_IN_UNDONE,
    BADGE_PRINTED,
    BADGE_REPRINTED,
    WALK_IN_REGISTERED,
    ATTENDEE_EDITED,
    /**
     * The person collected their badge at a badge-pickup station (one that prints without counting
     * an entry, {@code checkin.on.print=false}): not an arrival at the door.
     */
    BADGE_PICKED_UP
}
