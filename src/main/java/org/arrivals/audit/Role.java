package org.arrivals.audit;

import java.util.Locale;

/**
 * Who may do what at a station. An attendee at a self-service station checks themselves in and
 * collects their first badge, nothing else. A volunteer checks people in, registers walk-ins and corrects
 * badges (desk mode, no PIN); a supervisor also reprints, overrides a block, undoes another
 * station's check-in, imports, chooses printers and exports (staff mode, supervisor PIN); an admin
 * also changes the configuration and wipes the event (admin PIN; on the command line, whoever
 * holds the station key acts as admin).
 */
public enum Role {
    ATTENDEE,
    VOLUNTEER,
    SUPERVISOR,
    ADMIN;

    /** True when this role may do what {@code needed} may. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.id().equals(s == null ? "" : s.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("A role is volunteer, supervisor or admin, not '" + s + "'.");
    }
}
