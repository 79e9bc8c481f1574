package org.arrivals.attendee.importing;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do). Problems are listed by line; rows with a
 * problem that prevents import (no code, no name, a duplicate code) are not counted as added.
 */
public record ImportReport(int added, int updated, int unchanged, List<ImportProblem> problems, boolean dryRun) {
    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** Something was (or would be) in the store after this import. */
    public boolean importedAnything() {
        return added + updated + unchanged > 0;
    }
}
