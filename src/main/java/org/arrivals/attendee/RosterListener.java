package org.arrivals.attendee;

import java.util.List;

/** Told when the roster changes, so in-memory views (the search index) stay current. */
public interface RosterListener {
    /** Anyone may have changed (an import): read everything again. */
    void rosterReloaded();

    /** One person was added or changed here (a walk-in, an edit). */
    void attendeeChanged(Attendee attendee);

    /**
     * These people were added or changed together, as the store now holds them: walk-ins and edits
     * other stations made, a page of the roster pulled from the hub. One call, however many.
     */
    default void attendeesChanged(List<Attendee> batch) {
        batch.forEach(this::attendeeChanged);
    }
}
