package org.arrivals.hub;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;

/**
 * Every field a caller sends is checked before anything is stored: present where required, within
 * the column's length, of a known kind or status, free of control characters where a person
 * would read it. A failure names the item and the field (never its value: it may be a name) and
 * becomes a 400.
 */
public final class Validation {
    /** The check-in log's event kinds (checkin.EventKind, which the hub does not depend on). */
    public static final Set<String> KINDS = Set.of(
            "CHECKED_IN",
            "CHECK_IN_UNDONE",
            "BADGE_PRINTED",
            "BADGE_REPRINTED",
            "WALK_IN_REGISTERED",
            "ATTENDEE_EDITED",
            "BADGE_PICKED_UP");
    /** Registration statuses (attendee.RegistrationStatus). */
    public static final Set<String> STATUSES = Set.of("ATTENDING", "CANCELLED", "REFUNDED", "PENDING");

    private Validation() {}

    static void events(List<WireEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            WireEvent e = events.get(i);
            String where = "event " + (i + 1);
            if (e == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            if (e.id() == null) {
                throw new IllegalArgumentException(where + ": id (a UUID) is required");
            }
            text(where, "attendeeCode", e.attendeeCode(), 200, true);
            if (e.kind() == null || !KINDS.contains(e.kind())) {
                throw new IllegalArgumentException(where + ": kind must be one of " + KINDS);
            }
            text(where, "stationId", e.stationId(), 100, true);
            if (e.wallTime() == null) {
                throw new IllegalArgumentException(where + ": wallTime is required");
            }
            if (e.hlc() < 0) {
                throw new IllegalArgumentException(where + ": hlc must not be negative");
            }
            if (e.details() != null && e.details().length() > 100_000) {
                throw new IllegalArgumentException(where + ": details are longer than 100000 characters");
            }
        }
    }

    static void roster(List<RosterRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            RosterRow r = rows.get(i);
            String where = "row " + (i + 1);
            if (r == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            line(where, "code", r.code(), 200, true);
            text(where, "barcode", r.barcode(), 500, false);
            text(where, "firstName", r.firstName(), 1000, false);
            text(where, "lastName", r.lastName(), 1000, false);
            text(where, "badgeName", r.badgeName(), 1000, false);
            text(where, "pronouns", r.pronouns(), 200, false);
            text(where, "email", r.email(), 1000, false);
            text(where, "organization", r.organization(), 1000, false);
            text(where, "title", r.title(), 1000, false);
            line(where, "type", r.type(), 200, true);
            if (r.status() == null || !STATUSES.contains(r.status())) {
                throw new IllegalArgumentException(where + ": status must be one of " + STATUSES);
            }
            Map<String, String> extra = r.extra();
            if (extra != null) {
                long size = 0;
                for (Map.Entry<String, String> x : extra.entrySet()) {
                    size += (x.getKey() == null ? 0 : x.getKey().length())
                            + (x.getValue() == null ? 0 : x.getValue().length());
                }
                if (size > 100_000) {
                    throw new IllegalArgumentException(where + ": extra fields are too long");
                }
            }
        }
    }

    static void stationName(String name) {
        line("the station", "name", name, 100, true);
    }

    static void page(long after, long limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (limit < 1 || limit > org.arrivals.sync.protocol.Protocol.MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + org.arrivals.sync.protocol.Protocol.MAX_BATCH);
        }
    }

    /** Free text a person wrote (a name may hold any script, and a bidi mark): only its length and NULs are checked. */
    private static void text(String where, String field, String value, int max, boolean required) {
        if (!present(where, field, value, max, required)) {
            return;
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(where + ": " + field + " holds a NUL character");
        }
    }

    /** An identifier (code, station, type): no control or bidirectional override characters. */
    private static void line(String where, String field, String value, int max, boolean required) {
        if (!present(where, field, value, max, required)) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw new IllegalArgumentException(where + ": " + field + " holds a control character");
            }
        }
    }

    /** False for an absent optional value; refuses an absent required one and one over {@code max} characters. */
    private static boolean present(String where, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(where + ": " + field + " is required");
            }
            return false;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(where + ": " + field + " is longer than " + max + " characters");
        }
        return true;
    }
}
