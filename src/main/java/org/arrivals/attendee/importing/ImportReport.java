package org.arrivals.attendee.importing;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do). Problems are listed by line; rows with a
 * problem that prevents import (no code, no name, a duplicate code) are not counted as added.
 */
public record ImportReport(
        int added,
        int updated,
        int unchanged,
        List<ImportProblem> problems,
        boolean dryRun,
        Map<String, String> columns) {
    public ImportReport {
        problems = List.copyOf(problems);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    public ImportReport(int added, int updated, int unchanged, List<ImportProblem> problems, boolean dryRun) {
        this(added, updated, unchanged, problems, dryRun, Map.of());
    }

    /** The same report, saying which column of the file fed which field (field name to header). */
    public ImportReport withColumns(Map<String, String> fieldToHeader) {
        return new ImportReport(added, updated, unchanged, problems, dryRun, fieldToHeader);
    }

    /** Something was (or would be) in the store after this import. */
    public boolean importedAnything() {
        return added + updated + unchanged > 0;
    }
}
