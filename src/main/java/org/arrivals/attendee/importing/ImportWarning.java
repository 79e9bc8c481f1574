package org.arrivals.attendee.importing;

/**
 * Something true of the whole file that a person should know before trusting the import, but that
 * did not stop any row: faces turn the kind into words. {@code column} is the file's header the
 * warning is about, or null.
 */
public record ImportWarning(Kind kind, String column) {
    public enum Kind {
        /** The file has no status column: everyone was imported as attending. */
        NO_STATUS_COLUMN,
        /**
         * The order code repeats for different people; each ticket's code is the value of
         * {@code column}, a per-ticket column (a ticket secret or barcode).
         */
        TICKET_CODES_FROM_COLUMN,
        /**
         * The order code ({@code column}) repeats for different people and the file has no
         * per-ticket column: each ticket's code is the order code and its place in the order
         * (ORDER-1, ORDER-2), which stays the same only while the file lists the order's tickets in
         * the same order.
         */
        TICKET_CODES_NUMBERED,
        /** Given and family names were split from the whole name in {@code column}. */
        FULL_NAMES_SPLIT
    }
}
