package org.arrivals.attendee.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do). Problems are listed by line; rows with a
 * problem that prevents import (no code, no name, a duplicate code) are not counted as added.
 * {@code columns} says which column of the file fed which field (field name to header),
 * {@code format} which registration system the file looked like, and {@code warnings} what is
 * true of the whole file and worth a look (no status column, codes made per ticket).
 */
public record ImportReport(
        int added,
        int updated,
        int unchanged,
        List<ImportProblem> problems,
        boolean dryRun,
        Map<String, String> columns,
        SourceFormat format,
        List<ImportWarning> warnings,
        List<Change> changes) {
    /** Someone the import adds or changes, by code and name, for a person to check before it is saved. */
    public record Change(Kind kind, long line, String code, String name) {
        public enum Kind {
            ADDED,
            UPDATED
        }
    }

    /** How many changed people a report names (the counts are always whole). */
    public static final int CHANGES_SHOWN = 500;

    public ImportReport {
        problems = List.copyOf(problems);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        format = format == null ? SourceFormat.OTHER : format;
        warnings = List.copyOf(warnings);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public ImportReport(
            int added,
            int updated,
            int unchanged,
            List<ImportProblem> problems,
            boolean dryRun,
            Map<String, String> columns,
            SourceFormat format,
            List<ImportWarning> warnings) {
        this(added, updated, unchanged, problems, dryRun, columns, format, warnings, List.of());
    }

    public ImportReport(
            int added,
            int updated,
            int unchanged,
            List<ImportProblem> problems,
            boolean dryRun,
            Map<String, String> columns) {
        this(added, updated, unchanged, problems, dryRun, columns, SourceFormat.OTHER, List.of());
    }

    public ImportReport(int added, int updated, int unchanged, List<ImportProblem> problems, boolean dryRun) {
        this(added, updated, unchanged, problems, dryRun, Map.of());
    }

    /** The same report, saying which column of the file fed which field (field name to header). */
    public ImportReport withColumns(Map<String, String> fieldToHeader) {
        return new ImportReport(added, updated, unchanged, problems, dryRun, fieldToHeader, format, warnings, changes);
    }

    /** The same report, with the file's format and the warnings about the whole file. */
    public ImportReport withSource(SourceFormat sourceFormat, List<ImportWarning> fileWarnings) {
        return new ImportReport(
                added, updated, unchanged, problems, dryRun, columns, sourceFormat, fileWarnings, changes);
    }

    /** Something was (or would be) in the store after this import. */
    public boolean importedAnything() {
        return added + updated + unchanged > 0;
    }
}
