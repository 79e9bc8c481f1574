package org.arrivals.session;

import java.util.List;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportProblem;

/**
 * What a schedule import did: imported (all its sessions), or refused with every problem by line
 * (nothing changed), or the file could not be read as a schedule at all ({@code refused}).
 */
public record ScheduleImport(
        Outcome outcome, int sessions, int days, List<ImportProblem> problems, ImportException refused) {
    public enum Outcome {
        IMPORTED,
        /** Checked only (a dry run): it would import. */
        CHECKED,
        /** The file has problems, listed by line; nothing was imported. */
        PROBLEMS,
        /** The file is not a schedule (not a table, or no Session ID, Room... column); nothing was imported. */
        REFUSED,
        NOT_ALLOWED
    }
}
