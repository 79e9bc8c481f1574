package org.arrivals.sync.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What happened to an attendee's arrival: the kinds of event in the check-in log, one list for the
 * stations and the hub. Events are facts; none is ever deleted or changed. Each kind names the
 * keys its {@code details} may carry; {@link EventContract} checks an event against them.
 */
public enum EventKind {
    /**
     * An arrival on one event day; over a blocked registration, with the status it overrode and
     * why. A person checks in once per day; the first check-in of a day stands.
     */
    CHECKED_IN(DetailKey.OVERRODE_STATUS, DetailKey.OVERRIDE_REASON, DetailKey.DAY),
    /** The check-in of one day is undone (without a day: the latest day's). */
    CHECK_IN_UNDONE(DetailKey.DAY),
    /** A first badge was handed to a printer. */
    BADGE_PRINTED,
    /** Another badge, always with why (lost, damaged, name corrected). */
    BADGE_REPRINTED(DetailKey.REPRINT_REASON, DetailKey.REPRINT_GENERATION),
    /** Someone not on the list, with what other stations need to show them. */
    WALK_IN_REGISTERED(DetailKey.WALK_IN),
    /** One field corrected on site, with its old and new value ({@link EditRule}). */
    ATTENDEE_EDITED(DetailKey.EDIT_FIELD, DetailKey.EDIT_OLD, DetailKey.EDIT_NEW),
    /**
     * The person collected their badge at a badge-pickup station (one that prints without counting
     * an entry, {@code checkin.on.print=false}): not an arrival at the door. An older station that
     * does not know the kind leaves it out rather than counting an entry.
     */
    BADGE_PICKED_UP,
    /**
     * A person entered a session's room (a door scan). It also ends their stay in any other
     * session: one person, one room. Entering the room they are already in changes nothing.
     */
    SESSION_ENTERED(DetailKey.SESSION, DetailKey.WITHOUT_CHECK_IN, DetailKey.OVER_CAPACITY),
    /** A person left a session's room (an exit scan); nothing when they were not inside it. */
    SESSION_LEFT(DetailKey.SESSION);

    /** The kinds that say where a person is inside the event (session rooms), not whether they arrived. */
    public boolean isSession() {
        return this == SESSION_ENTERED || this == SESSION_LEFT;
    }

    private final List<DetailKey> details;

    EventKind(DetailKey... details) {
        this.details = List.of(details);
    }

    EventKind(List<DetailKey> details) {
        this.details = List.copyOf(details);
    }

    /** The keys this kind's details may carry; other keys are let through (a newer station may add some). */
    public List<DetailKey> details() {
        return details;
    }

    public Optional<DetailKey> detail(String key) {
        return details.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** Empty for a name this version does not know (a kind from a newer station). */
    public static Optional<EventKind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
