package org.arrivals.hub.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads a roster or schedule file for the console, by the rules the stations' imports and {@code
 * arrivals hub import}/{@code import-schedule} use (the host supplies them: the console knows no
 * importer). A preview changes nothing; an import loads exactly the bytes previewed. Problems are
 * facts ({@code kind} is an {@code ImportProblem.Kind}'s name, or {@link #CONTRACT} for a row the
 * hub's contract refuses) that the console puts in its words.
 */
public interface Uploads {
    /** The problem kind of a row the hub's roster contract refuses: args are the field and the rule. */
    String CONTRACT = "CONTRACT";

    enum Kind {
        ROSTER,
        SCHEDULE
    }

    /** The largest file read (the imports' own limit). */
    long maxBytes();

    /**
     * One problem by line. {@code blocks}: nothing can be imported until it is fixed; otherwise the
     * row is skipped, or taken with a note, as the station's import does.
     */
    record Problem(long line, String code, String kind, List<String> args, boolean blocks, List<Reason> reasons) {
        public Problem {
            args = List.copyOf(args);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public Problem(long line, String code, String kind, List<String> args, boolean blocks) {
            this(line, code, kind, args, blocks, List.of());
        }
    }

    /**
     * Why a schedule row cannot be taken: {@code why} an {@code ImportProblem.Why}'s name, {@code
     * column} the schedule column's key (or null), {@code values} what the row holds there and any
     * limit.
     */
    record Reason(String why, String column, List<String> values) {
        public Reason {
            values = List.copyOf(values);
        }
    }

    /**
     * What a file would do. {@code refusal}: the file cannot be read at all (an English sentence
     * from the importer, with {@code refusalLine} when it is on one line, else 0); then nothing else
     * is filled. {@code mapping}: field to the file's header that fills it. {@code fields} and
     * {@code firstRows}: the first rows as they would be imported. {@code rows}: rows read;
     * {@code importable}: rows that would be imported. {@code warnings}: {@code ImportWarning.Kind}
     * names with their column ({@code KIND} or {@code KIND:column}).
     */
    record Preview(
            Kind kind,
            String refusal,
            long refusalLine,
            Map<String, String> mapping,
            List<String> fields,
            List<List<String>> firstRows,
            int rows,
            int importable,
            List<Problem> problems,
            List<String> warnings) {
        public Preview {
            mapping = mapping == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
            fields = List.copyOf(fields);
            firstRows = firstRows.stream().map(List::copyOf).toList();
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public static Preview refused(Kind kind, String refusal, long line) {
            return new Preview(kind, refusal, line, Map.of(), List.of(), List.of(), 0, 0, List.of(), List.of());
        }

        /** Nothing may be imported: the file is unreadable, a problem blocks it, or no row would be taken. */
        public boolean blocked() {
            return refusal != null || importable == 0 || problems.stream().anyMatch(Problem::blocks);
        }
    }

    /** What an import did: rows read, rows added or changed (sessions, for a schedule), the new schedule version. */
    record Imported(int rows, int changed, long version) {}

    /** Reads {@code bytes} and says what importing them would do; changes nothing. */
    Preview preview(Kind kind, byte[] bytes, String fileName, LocalDate firstDay);

    /**
     * Imports {@code bytes} (read again by the same rules), all or nothing.
     *
     * @return empty when the file is blocked (then nothing changed)
     */
    java.util.Optional<Imported> importFile(Kind kind, byte[] bytes, String fileName, LocalDate firstDay);
}
