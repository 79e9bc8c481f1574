package org.arrivals.print;

/** Where printing reports what it printed, so the check-in log can count badges and reprints. */
public interface BadgeEvents {
    void printed(String attendeeCode);

    void reprinted(String attendeeCode, String reason);

    /** A reprint of badge generation {@code generation} was handed to a printer. */
    default void reprinted(String attendeeCode, String reason, int generation) {
        reprinted(attendeeCode, reason);
    }
}
