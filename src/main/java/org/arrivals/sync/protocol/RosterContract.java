package org.arrivals.sync.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one check of a roster row, wherever one is loaded into the hub (an upload, {@code hub
 * import}): a code (an identifier of at most {@value #MAX_CODE} characters), a first name, a last
 * name (which may be empty), a type and a known status; the person's fields within the limits of
 * {@link PersonField}; extra columns within {@value #MAX_EXTRA} characters in all.
 */
public final class RosterContract {
    /** Registration statuses. */
    public static final List<String> STATUSES = List.of("ATTENDING", "CANCELLED", "REFUNDED", "PENDING");
    /** The type of someone registered without one (a walk-in whose type was not asked). */
    public static final String DEFAULT_TYPE = "General Admission";

    public static final int MAX_CODE = EventContract.MAX_ATTENDEE_CODE;
    public static final int MAX_BARCODE = 500;
    public static final int MAX_EXTRA = 100_000;

    private RosterContract() {}

    /** The first rule the row breaks, in the order of its fields; empty when it passes. */
    public static Optional<Problem> check(RosterRow r) {
        Problem p = EventContract.value(WireField.CODE, null, r.code(), MAX_CODE, Chars.LINE, true);
        if (p == null) {
            p = EventContract.value(WireField.BARCODE, null, r.barcode(), MAX_BARCODE, Chars.TEXT, false);
        }
        if (p == null) {
            p = person(PersonField.FIRST, r.firstName(), true);
        }
        if (p == null) {
            p = r.lastName() == null
                    ? Problem.of(WireField.LAST_NAME, Problem.Rule.REQUIRED)
                    : person(PersonField.LAST, r.lastName(), false);
        }
        if (p == null) {
            p = person(PersonField.BADGE_NAME, r.badgeName(), false);
        }
        if (p == null) {
            p = person(PersonField.PRONOUNS, r.pronouns(), false);
        }
        if (p == null) {
            p = person(PersonField.EMAIL, r.email(), false);
        }
        if (p == null) {
            p = person(PersonField.ORG, r.organization(), false);
        }
        if (p == null) {
            p = person(PersonField.TITLE, r.title(), false);
        }
        if (p == null) {
            p = person(PersonField.TYPE, r.type(), true);
        }
        if (p == null && r.status() == null) {
            p = Problem.of(WireField.STATUS, Problem.Rule.REQUIRED);
        }
        if (p == null && !STATUSES.contains(r.status())) {
            p = Problem.of(WireField.STATUS, Problem.Rule.NOT_ALLOWED);
        }
        if (p == null && r.extra() != null) {
            long size = 0;
            for (Map.Entry<String, String> x : r.extra().entrySet()) {
                size += (x.getKey() == null ? 0 : x.getKey().length())
                        + (x.getValue() == null ? 0 : x.getValue().length());
            }
            if (size > MAX_EXTRA) {
                p = new Problem(WireField.EXTRA, null, Problem.Rule.TOO_LONG, MAX_EXTRA);
            }
        }
        return Optional.ofNullable(p);
    }

    private static Problem person(PersonField f, String value, boolean required) {
        return EventContract.value(f.rosterField(), null, value, f.maxLength(), f.chars(), required);
    }
}
