package org.arrivals.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arrivals.attendee.importing.ColumnMapping;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportProblem;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.attendee.importing.ImportWarning;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import a registration export (CSV or XLSX) into the roster, all or nothing.",
            "Recognizes exports from Eventbrite (English, Spanish and French reports), pretix, Cvent, Tito,",
            "Hi.Events, Luma and Indico, and the plain template in kiosk-config/; the report says which columns",
            "became which fields (--dry-run shows it before anything changes).",
            "Exit 0: imported (problems are listed). Exit 2: nothing could be imported; nothing changed."
        })
final class ImportCommand extends StationCommand {
    @Parameters(paramLabel = "FILE", description = "The .csv or .xlsx file.")
    Path file;

    @Option(
            names = "--map",
            split = ",",
            paramLabel = "field=Header",
            description = "Name the column for a field: code, barcode, first, last, name, badgeName, pronouns, "
                    + "email, org, title, type, status, position, order, prefix, middle.")
    List<String> map = new ArrayList<>();

    @Option(
            names = "--encoding",
            paramLabel = "E",
            description = "The file's text encoding, when detection is wrong " + "(UTF-8, UTF-16, windows-1252, ...).")
    String encoding;

    @Option(names = "--dry-run", description = "Report what would change, and change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        Charset charset;
        try {
            charset = encoding == null ? null : Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            err().println("arrivals import: unknown encoding \"" + encoding + "\". Try UTF-8, UTF-16 or windows-1252.");
            return ArrivalsCommand.NOTHING_DONE;
        }
        var result = station.roster()
                .importFile(CLI, file, new RosterImporter.Options(ColumnMapping.parseExplicit(map), charset, dryRun));
        ImportReport report = result.report();
        if (result.refused() != null) {
            ImportException e = result.refused();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("error", e.getMessage());
                doc.put("line", e.line());
                out().println(Json.write(doc));
            }
            err().println("arrivals import: " + e.getMessage());
            err().println("Nothing was imported; the roster is unchanged.");
            return ArrivalsCommand.NOTHING_DONE;
        }
        if (json) {
            out().println(Json.write(toJson(report)));
        } else {
            printSummary(report);
        }
        return report.importedAnything() ? 0 : ArrivalsCommand.NOTHING_DONE;
    }

    static Map<String, Object> toJson(ImportReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("added", report.added());
        doc.put("updated", report.updated());
        doc.put("unchanged", report.unchanged());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (ImportProblem p : report.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", p.line());
            m.put("code", p.code());
            m.put("reason", p.reason());
            problems.add(m);
        }
        doc.put("problems", problems);
        if (report.dryRun()) {
            doc.put("dryRun", true);
        }
        doc.put("format", report.format().id());
        doc.put("columns", report.columns());
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (ImportWarning w : report.warnings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", w.kind().name().toLowerCase(Locale.ROOT));
            m.put("column", w.column());
            m.put("message", describe(w));
            warnings.add(m);
        }
        doc.put("warnings", warnings);
        return doc;
    }

    /** A warning about the whole file, in words. */
    static String describe(ImportWarning w) {
        return switch (w.kind()) {
            case NO_STATUS_COLUMN -> "the file has no status column: everyone was imported as attending";
            case TICKET_CODES_FROM_COLUMN ->
                "the order code repeats for different people: each ticket's code is its \"" + w.column() + "\"";
            case TICKET_CODES_NUMBERED ->
                "\"" + w.column()
                        + "\" repeats for different people and the file has no per-ticket column: each ticket's code is"
                        + " its order code and its place in the order (ORDER-1, ORDER-2); keep the order's tickets in the"
                        + " same order when you export again";
            case FULL_NAMES_SPLIT ->
                "given and family names were split from \"" + w.column()
                        + "\" (family name last, or first for Chinese, Japanese and Korean names)";
        };
    }

    private void printSummary(ImportReport r) {
        out().printf(
                        "%s%d added, %d updated, %d unchanged, %d problems%n",
                        r.dryRun() ? "Dry run (nothing changed): " : "",
                        r.added(),
                        r.updated(),
                        r.unchanged(),
                        r.problems().size());
        out().printf("Format: %s%n", r.format().id());
        if (!r.columns().isEmpty()) {
            int width = "field".length();
            for (String field : r.columns().keySet()) {
                width = Math.max(width, field.length());
            }
            out().printf("  %-" + width + "s  %s%n", "field", "column");
            for (var e : r.columns().entrySet()) {
                out().printf("  %-" + width + "s  %s%n", e.getKey(), e.getValue());
            }
        }
        for (ImportWarning w : r.warnings()) {
            out().printf("Warning: %s%n", describe(w));
        }
        for (ImportProblem p : r.problems()) {
            out().printf("  line %d%s: %s%n", p.line(), p.code() == null ? "" : " (" + p.code() + ")", p.reason());
        }
    }
}
