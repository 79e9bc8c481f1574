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
    /** An arrival; over a blocked registration, with the status it overrode and why. */
    CHECKED_IN(DetailKey.OVERRODE_STATUS, DetailKey.OVERRIDE_REASON),
    CHECK_IN_UNDONE,
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
    BADGE_PICKED_UP;

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
