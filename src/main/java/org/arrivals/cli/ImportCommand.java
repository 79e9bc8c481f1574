package org.arrivals.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.importing.ColumnMapping;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportProblem;
import org.arrivals.attendee.importing.ImportReport;
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
            "Recognizes Eventbrite, Cvent and pretix exports and the plain template in kiosk-config/.",
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
                    + "email, org, title, type, status, position.")
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
        return doc;
    }

    private void printSummary(ImportReport r) {
        out().printf(
                        "%s%d added, %d updated, %d unchanged, %d problems%n",
                        r.dryRun() ? "Dry run (nothing changed): " : "",
                        r.added(),
                        r.updated(),
                        r.unchanged(),
                        r.problems().size());
        for (ImportProblem p : r.problems()) {
            out().printf("  line %d%s: %s%n", p.line(), p.code() == null ? "" : " (" + p.code() + ")", p.reason());
        }
    }
}
