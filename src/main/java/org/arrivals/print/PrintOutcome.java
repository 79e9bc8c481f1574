package org.arrivals.print;

/**
 * What a request to print (or retry, or cancel) did, as a fact for a face to put in words.
 * {@code job} is the job concerned, when there is one; {@code printer} the printer's state when
 * that is the reason (a failed attempt, a printer that is not ready).
 */
public record PrintOutcome(Result result, PrintJob job, PrinterState printer) {
    public enum Result {
        /** Queued for the print worker; the badge comes out in a moment. */
        QUEUED,
        /** The printer (or its spooler) has the badge. */
        HANDED_OVER,
        /** A paused queue took the badge and holds it until it is resumed. */
        HELD,
        /** The printer could not take it ({@link #printer()} says why); it waits and is tried again. */
        NOT_PRINTED,
        /** This person already has a first badge (printed, held or waiting): another is a reprint. */
        ALREADY_HAS_BADGE,
        /** No printer is chosen at this station; nothing was queued. */
        NO_PRINTER,
        /** No attendee has this code. */
        NOT_FOUND,
        /** A reprint needs a reason. */
        NEEDS_REASON,
        /** The actor's role may not do this. */
        NOT_ALLOWED,
        /** There is no job with this number. */
        NO_SUCH_JOB,
        /** The job already printed, or was cancelled or superseded: there is nothing to retry or cancel. */
        NOT_WAITING,
        /** The job was cancelled (and any older waiting one for the same person with it). */
        CANCELLED,
        /** The badge template cannot be read ({@code arrivals check} says why). */
        BAD_TEMPLATE,
        /** The print worker did not get to the job in the time the caller waited; it stays queued. */
        STILL_QUEUED
    }

    public static PrintOutcome of(Result result) {
        return new PrintOutcome(result, null, null);
    }

    public static PrintOutcome of(Result result, PrintJob job) {
        return new PrintOutcome(result, job, null);
    }

    /** The outcome a job's state stands for, after an attempt. */
    public static PrintOutcome after(PrintJob job) {
        return switch (job.state()) {
            case DONE -> of(Result.HANDED_OVER, job);
            case SENT -> new PrintOutcome(Result.HELD, job, PrinterState.of(PrinterState.Condition.PAUSED));
            case FAILED ->
                new PrintOutcome(
                        Result.NOT_PRINTED,
                        job,
                        PrinterState.of(job.problem() == null ? PrinterState.Condition.PRINTER_ERROR : job.problem()));
            case CANCELLED, SUPERSEDED -> of(Result.CANCELLED, job);
            case QUEUED, SENDING -> of(Result.STILL_QUEUED, job);
        };
    }

    /** True when a printer has the badge (printed, or held by a paused queue). */
    public boolean handedOver() {
        return result == Result.HANDED_OVER || result == Result.HELD;
    }

    /** True when a job now exists that will print (queued, or already handed over). */
    public boolean accepted() {
        return result == Result.QUEUED || result == Result.STILL_QUEUED || handedOver() || result == Result.NOT_PRINTED;
    }
}
