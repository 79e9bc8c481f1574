package org.arrivals.print;

import java.time.OffsetDateTime;

/** One badge in Arrivals' print queue. */
public record PrintJob(
        long id,
        String attendeeCode,
        String printer,
        String template,
        String reprintReason,
        State state,
        int attempts,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public enum State {
        /** Waiting to be handed to the printer. */
        QUEUED,
        /** Handed to a spooler queue that is holding it (paused). */
        SENT,
        /** The printer or its spooler has it. */
        DONE,
        /** The printer could not take it; it waits for a retry or a cancel. */
        FAILED,
        CANCELLED
    }
}
