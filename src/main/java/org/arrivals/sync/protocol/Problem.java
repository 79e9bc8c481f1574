package org.arrivals.sync.protocol;

import java.util.Optional;

/**
 * Why the contract refuses an event or a roster row: which field (and, inside {@code details},
 * which key), and which rule it breaks; {@code limit} is the longest length allowed when the
 * rule is {@link Rule#TOO_LONG}, else 0. Never the value itself: it may be a name.
 */
public record Problem(WireField field, String key, Rule rule, long limit) {

    public enum Rule {
        /** Absent or blank, and required. */
        REQUIRED,
        /** Longer than {@code limit} characters (UTF-16 units, never fewer than the code points a database counts). */
        TOO_LONG,
        NUL_CHARACTER,
        /** A control character, or a bidirectional override or isolate, in an identifier or label. */
        CONTROL_CHARACTER,
        /** Not one of the values this version knows (a kind, a status, an editable field). */
        NOT_ALLOWED,
        /** A time or clock outside what both ends can store and order. */
        OUT_OF_RANGE,
        /**
         * A wall time or clock more than {@link EventContract#MAX_AHEAD} ahead of the receiver's own
         * clock: a station whose clock says 2099 would otherwise drag every station's clock with it.
         */
        TOO_FAR_AHEAD,
        /** {@code details} is not one JSON object. */
        NOT_A_JSON_OBJECT,
        /** A value inside {@code details} is not a JSON string. */
        NOT_A_STRING
    }

    static Problem of(WireField field, Rule rule) {
        return new Problem(field, null, rule, 0);
    }

    /** The problem a hub's 400 names ({@code field}, {@code rule}, {@code limit}); empty when this version knows no such field or rule. */
    public static Optional<Problem> fromWire(String path, String rule, long limit) {
        if (path == null || rule == null) {
            return Optional.empty();
        }
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        String key = dot < 0 ? null : path.substring(dot + 1);
        for (WireField f : WireField.values()) {
            if (f.jsonName().equals(name)) {
                for (Rule r : Rule.values()) {
                    if (r.name().equals(rule)) {
                        return Optional.of(new Problem(f, key, r, r == Rule.TOO_LONG ? limit : 0));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The field's JSON name, with the key inside {@code details} after a dot: {@code details.reason}. */
    public String path() {
        return key == null ? field.jsonName() : field.jsonName() + "." + key;
    }

    @Override
    public String toString() {
        return path() + " " + rule + (rule == Rule.TOO_LONG ? " " + limit : "");
    }
}
