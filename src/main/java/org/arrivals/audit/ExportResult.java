package org.arrivals.audit;

import java.nio.file.Path;

/** What writing personal data out of the station (the list, the audit log) did. */
public record ExportResult(Outcome outcome, int count, Path file) {
    public enum Outcome {
        /** Written whole to {@link #file()}. */
        WRITTEN,
        /** The actor's role may not export this. */
        NOT_ALLOWED,
        /** The folder does not exist (a USB stick that was pulled out). Nothing was written. */
        NO_FOLDER,
        /** Writing failed (the disk is full or read-only); nothing was left half-written. */
        FAILED
    }

    public static ExportResult of(Outcome outcome) {
        return new ExportResult(outcome, 0, null);
    }
}
