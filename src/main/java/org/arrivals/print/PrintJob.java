package org.arrivals.print;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One badge in Arrivals' print queue. {@code problem} is null unless the last attempt failed.
 * {@code printer} is the printer that printed the badge, or the one it goes to next; {@code pool}
 * is the station's printers it may go to (their setting, comma-separated), or null when it goes to
 * {@code printer} only.
 */
public record PrintJob(
        long id,
        String attendeeCode,
        String printer,
        String template,
        String reprintReason,
        State state,
        int attempts,
        PrinterState.Condition problem,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String pool) {

    /** A job for one printer (no pool). */
    public PrintJob(
            long id,
            String attendeeCode,
            String printer,
            String template,
            String reprintReason,
            State state,
            int attempts,
            PrinterState.Condition problem,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
        this(id, attendeeCode, printer, template, reprintReason, state, attempts, problem, createdAt, updatedAt, null);
    }

    /** The printers this badge may print on, in the order they are tried. */
    public List<String> printers() {
        return pool == null ? List.of(printer) : Printers.members(pool);
    }

    public enum State {
        /** Waiting for the print worker. */
        QUEUED,
        /** The print worker is handing it to the printer now. */
        SENDING,
        /** Handed to a spooler queue that is holding it (paused). */
        SENT,
        /** The printer or its spooler has it. */
        DONE,
        /** The printer could not take it; it is tried again by itself, or a person retries or cancels it. */
        FAILED,
        CANCELLED,
        /** A later reprint or cancel for the same person made it needless: it will not print. */
        SUPERSEDED;

        /** True for a job that may still come out of a printer. */
        public boolean waiting() {
            return this == QUEUED || this == SENDING || this == FAILED;
        }

        /** True for a job whose badge a printer has (or holds). */
        public boolean handedOver() {
            return this == DONE || this == SENT;
        }
    }

    /** A reprint (with its reason), not a person's first badge. */
    public boolean reprint() {
        return reprintReason != null;
    }

    /**
     * True when the job was cut off while being handed over (a crash or a kill), or its printer
     * stopped without saying it came out: it may or may not have printed, so only a person retries it.
     */
    public boolean interrupted() {
        return state == State.FAILED
                && (problem == PrinterState.Condition.INTERRUPTED || problem == PrinterState.Condition.UNCONFIRMED);
    }
}
