package org.arrivals.attendee.importing;

import java.util.List;

/**
 * Something a person should look at in the file: the line, the attendee code if known, and what,
 * as a fact ({@link Kind} with its values) that each face puts in its own words. {@link #reason()}
 * is the English sentence the command line prints.
 */
public record ImportProblem(long line, String code, Kind kind, List<String> args, List<Reason> reasons) {
    public enum Kind {
        /** The row's barcode ({0}) belongs to someone already on the list ({1}); not attached. */
        BARCODE_TAKEN,
        /** The row's barcode ({0}) is also another row's ({1}); not attached. */
        BARCODE_SHARED,
        /** A field ({0}) corrected at the desk kept its correction; the file's value was not applied. */
        EDIT_KEPT,
        /** The code repeats a row's on line {0}; this row was not imported. */
        DUPLICATE_CODE,
        NO_CODE,
        NO_NAME,
        /**
         * A value is longer than {1} characters; not imported. {0} is the field's command-line name
         * ({@code code}, {@code name}, {@code email}...) or {@code other} for the other columns together.
         */
        TOO_LONG,
        /** A status the importer does not know ({0}); imported as pending. */
        UNKNOWN_STATUS,
        /** A cancelled, refunded or pending registration ({0}); imported, and the desk is told. */
        BLOCKED_STATUS,
        /**
         * A schedule row (or the schedule file) that cannot be taken: {0} lists what is wrong, in the
         * command line's English (the schedule is imported from the command line only).
         */
        SCHEDULE_ROW
    }

    /**
     * Why a schedule row cannot be taken, as a fact: {@code column} is the schedule column's key
     * ({@code sessionid}, {@code title}, {@code track}, {@code room}, {@code date}, {@code day},
     * {@code start}, {@code end}, {@code capacity}; null for the whole file), {@code values} what
     * the row holds there and any limit, in the order {@link Why} says.
     */
    public record Reason(Why why, String column, List<String> values) {
        public Reason {
            values = List.copyOf(values);
        }
    }

    public enum Why {
        EMPTY,
        /** {0}: the limit. */
        TOO_LONG,
        CONTROL_CHARACTER,
        /** {0}: the value, also on an earlier line. */
        REPEATED,
        /** {0}: the text, not YYYY-MM-DD. */
        NOT_A_DATE,
        /** {0}: the text, not a day of the calendar. */
        NOT_A_CALENDAR_DAY,
        /** {0}: the text, not 1, 2, 3... */
        NOT_A_DAY_NUMBER,
        /** {0}: the day's number; the date of day 1 is not known. */
        NEEDS_FIRST_DAY,
        /** {0}: the text, not HH:MM. */
        NOT_A_TIME,
        /** {0}: the text, not a time of day. */
        NOT_A_TIME_OF_DAY,
        /** {0}: the end, {1}: the start. */
        END_NOT_AFTER_START,
        /** {0}: the number, {1}: the most seats. */
        CAPACITY_OUT_OF_RANGE,
        /** {0}: the text. */
        NOT_A_NUMBER,
        /** The file has a header and no row. */
        NO_SESSION
    }

    public ImportProblem {
        args = List.copyOf(args);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public ImportProblem(long line, String code, Kind kind, List<String> args) {
        this(line, code, kind, args, List.of());
    }

    public static ImportProblem of(long line, String code, Kind kind, Object... args) {
        return new ImportProblem(
                line,
                code,
                kind,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The problem as an English sentence (the command line's, and the log's). */
    public String reason() {
        return switch (kind) {
            case BARCODE_TAKEN ->
                "barcode " + arg(0) + " already belongs to " + arg(1) + "; it was not attached to this attendee";
            case BARCODE_SHARED ->
                "barcode " + arg(0) + " also belongs to " + arg(1) + "; it was not attached to this attendee";
            case EDIT_KEPT -> "kept the on-site edit of " + arg(0) + "; the file's new value was not applied to it";
            case DUPLICATE_CODE ->
                "duplicate code: line " + arg(0) + " has the same code and was imported; this row was" + " not";
            case NO_CODE -> "no attendee code; the row was not imported";
            case NO_NAME -> "no name; the row was not imported";
            case TOO_LONG ->
                (arg(0).equals("other") ? "other columns" : arg(0).equals("code") ? "attendee code" : arg(0))
                        + " longer than " + arg(1) + " characters"
                        + (arg(0).equals("other") ? " together" : "") + "; the row was not imported";
            case UNKNOWN_STATUS ->
                "unknown registration status \"" + arg(0) + "\"; imported as pending so the desk asks before printing";
            case BLOCKED_STATUS -> "registration " + arg(0) + "; imported, and the desk will be told";
            case SCHEDULE_ROW -> arg(0);
        };
    }

    private String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }
}
