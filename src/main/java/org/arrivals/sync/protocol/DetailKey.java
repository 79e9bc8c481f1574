package org.arrivals.sync.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * One key an event's {@code details} may carry: its name, whether the kind requires it (present
 * and not blank), its longest value, and which characters it may hold. Every value is a string.
 */
public record DetailKey(String key, boolean required, int maxLength, Chars chars) {

    /** Over a blocked registration: the status overridden ({@code cancelled}, {@code refunded}...). */
    public static final DetailKey OVERRODE_STATUS = new DetailKey(Details.OVERRODE_STATUS, false, 20, Chars.LINE);
    /** Over a blocked registration: why the volunteer checked them in anyway. */
    public static final DetailKey OVERRIDE_REASON = new DetailKey(Details.REASON, false, 1000, Chars.TEXT);
    /** Why another badge (a station's print queue keeps up to 200 characters of it). */
    public static final DetailKey REPRINT_REASON = new DetailKey(Details.REASON, true, 200, Chars.TEXT);
    /**
     * The badge generation a reprint made (digits; optional: an older station records none, and a
     * reprint without one replaces no badge).
     */
    public static final DetailKey REPRINT_GENERATION = new DetailKey(Details.GENERATION, false, 9, Chars.LINE);
    /** A walk-in's fields, as a roster holds them; a first name (or their only name) is required. */
    public static final List<DetailKey> WALK_IN = Arrays.stream(PersonField.values())
            .map(f -> new DetailKey(f.key(), f == PersonField.FIRST, f.maxLength(), f.chars()))
            .toList();
    /** The field an edit changes: the key of an editable {@link PersonField}. */
    public static final DetailKey EDIT_FIELD = new DetailKey(Details.FIELD, true, 40, Chars.LINE);
    /** The value before the edit ({@code ""}: none). */
    public static final DetailKey EDIT_OLD = new DetailKey(Details.OLD, false, PersonField.MAX_LENGTH, Chars.TEXT);
    /** The value after it ({@code ""}: the correction is removed); within the edited field's own limit. */
    public static final DetailKey EDIT_NEW = new DetailKey(Details.NEW, false, PersonField.MAX_LENGTH, Chars.TEXT);
    /**
     * The event day a check-in or an undo belongs to ({@code YYYY-MM-DD}, the event's time zone).
     * Absent in events recorded before days existed: their day is their wall time's UTC date.
     */
    public static final DetailKey DAY = new DetailKey(Details.DAY, false, 10, Chars.LINE);
    /** The session a session event is for: its id in the schedule. */
    public static final DetailKey SESSION = new DetailKey(Details.SESSION, true, 100, Chars.LINE);
    /** A session entry of someone not checked in at registration that day ({@code "true"}). */
    public static final DetailKey WITHOUT_CHECK_IN = new DetailKey(Details.WITHOUT_CHECK_IN, false, 5, Chars.LINE);
    /** A session entry a supervisor allowed over the room's capacity ({@code "true"}). */
    public static final DetailKey OVER_CAPACITY = new DetailKey(Details.OVER_CAPACITY, false, 5, Chars.LINE);
}
