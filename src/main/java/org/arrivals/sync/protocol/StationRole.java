package org.arrivals.sync.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a station's token may do at the hub, chosen when the station is added ({@code arrivals hub
 * add-station NAME --role ROLE}) and carried in its set-up code. Every role may pull the roster
 * and the events; pushing is limited by kind, so a token copied off a self-service kiosk cannot
 * undo anyone's check-in or rename anyone.
 *
 * <ul>
 *   <li>{@link #DESK} (the default): everything a registration desk does;
 *   <li>{@link #SELF_SERVICE}: check-ins (never over a blocked registration), first badges and
 *       pickups; no edits, walk-ins, undos or reprints;
 *   <li>{@link #DOOR}: session entries and exits, and the check-in a door records for someone not
 *       yet in;
 *   <li>{@link #ADMIN}: everything, and uploading the roster and registering stations.
 * </ul>
 */
public enum StationRole {
    DESK(Set.of(EventKind.values())),
    SELF_SERVICE(Set.of(EventKind.CHECKED_IN, EventKind.BADGE_PRINTED, EventKind.BADGE_PICKED_UP)),
    DOOR(Set.of(EventKind.CHECKED_IN, EventKind.SESSION_ENTERED, EventKind.SESSION_LEFT)),
    ADMIN(Set.of(EventKind.values()));

    private final Set<EventKind> pushes;

    StationRole(Set<EventKind> pushes) {
        this.pushes = pushes;
    }

    /** How the role is written: {@code desk}, {@code self-service}, {@code door}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role written as {@link #id()}; empty for anything else. */
    public static Optional<StationRole> parse(String s) {
        String id = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    /** May a station of this role push an event of {@code kind} with these details? */
    public boolean mayPush(EventKind kind, Map<String, String> details) {
        if (!pushes.contains(kind)) {
            return false;
        }
        // only a desk's supervisor checks in over a cancelled, refunded or pending registration
        return !(kind == EventKind.CHECKED_IN
                && (this == SELF_SERVICE || this == DOOR)
                && details.containsKey(Details.OVERRODE_STATUS));
    }

    /** May this role upload the roster and register stations through the API? */
    public boolean administers() {
        return this == ADMIN;
    }
}
