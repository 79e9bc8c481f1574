package org.arrivals.hub;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.arrivals.sync.protocol.Chars;
import org.arrivals.sync.protocol.EditRule;
import org.arrivals.sync.protocol.EventContract;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PersonField;
import org.arrivals.sync.protocol.Problem;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.RosterContract;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;
import org.arrivals.sync.protocol.WireField;

/**
 * Every field a caller sends is checked before anything is stored, by the sync contract that
 * stations apply too ({@link EventContract}, {@link RosterContract}). A refusal names the item and
 * the field (never its value: it may be a name) and becomes a 400.
 */
public final class Validation {
    /** The check-in log's event kinds. */
    public static final Set<String> KINDS =
            Arrays.stream(EventKind.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    /** Registration statuses. */
    public static final Set<String> STATUSES = Set.copyOf(RosterContract.STATUSES);

    private Validation() {}

    /** An item the contract refuses: which one (from 1), and why. */
    static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        final int item;
        final transient Problem problem;

        Refused(String what, int item, Problem problem) {
            super(what + " " + item + ": " + describe(problem));
            this.item = item;
            this.problem = problem;
        }
    }

    static void events(List<WireEvent> events, java.time.Instant now) {
        for (int i = 0; i < events.size(); i++) {
            WireEvent e = events.get(i);
            if (e == null) {
                throw new IllegalArgumentException("event " + (i + 1) + " is empty");
            }
            int item = i + 1;
            EventContract.check(e, now).ifPresent(p -> {
                throw new Refused("event", item, p);
            });
        }
    }

    static void roster(List<RosterRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            RosterRow r = rows.get(i);
            if (r == null) {
                throw new IllegalArgumentException("row " + (i + 1) + " is empty");
            }
            int item = i + 1;
            RosterContract.check(r).ifPresent(p -> {
                throw new Refused("row", item, p);
            });
        }
    }

    static void stationName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the station: name is required");
        }
        if (name.length() > 100) {
            throw new IllegalArgumentException("the station: name is longer than 100 characters");
        }
        if (Chars.LINE.broken(name) != null) {
            throw new IllegalArgumentException("the station: name holds a control character");
        }
    }

    static void page(long after, long limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (limit < 1 || limit > Protocol.MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + Protocol.MAX_BATCH);
        }
    }

    /** A roster page may be larger than an events page: a new station pulls the whole roster. */
    static void rosterPage(long after, long limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (limit < 1 || limit > Protocol.MAX_ROSTER_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + Protocol.MAX_ROSTER_PAGE);
        }
    }

    /** The problem in words, for the hub's 400 (read by whoever runs the station or the hub). */
    static String describe(Problem p) {
        String field = p.path();
        return switch (p.rule()) {
            case REQUIRED -> field + " is required";
            case TOO_LONG -> field + " is longer than " + p.limit() + " characters";
            case NUL_CHARACTER -> field + " holds a NUL character";
            case CONTROL_CHARACTER -> field + " holds a control character";
            case NOT_ALLOWED -> field + " must be one of " + allowed(p);
            case OUT_OF_RANGE ->
                field
                        + (p.field() == WireField.HLC
                                ? " must not be negative"
                                : " must be from " + EventContract.EARLIEST_WALL_TIME + " to "
                                        + EventContract.LATEST_WALL_TIME);
            case TOO_FAR_AHEAD ->
                field + " is more than " + EventContract.MAX_AHEAD.toHours() + " hours ahead of the hub's clock";
            case NOT_A_JSON_OBJECT -> field + " must be a JSON object as a string";
            case NOT_A_STRING -> field + " must be a string";
        };
    }

    private static List<String> allowed(Problem p) {
        return switch (p.field()) {
            case KIND -> Arrays.stream(EventKind.values()).map(Enum::name).toList();
            case STATUS -> RosterContract.STATUSES;
            default -> EditRule.EDITABLE.stream().map(PersonField::key).toList();
        };
    }
}
