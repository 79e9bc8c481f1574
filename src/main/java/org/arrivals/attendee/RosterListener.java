package org.arrivals.attendee;

/** Told when the roster changes, so in-memory views (the search index) stay current. */
public interface RosterListener {
    /** Many people may have changed at once (an import, a sync): reload everything. */
    void rosterReloaded();

    /** One person was added or changed (a walk-in, an edit). */
    void attendeeChanged(Attendee attendee);
}
