package org.arrivals.attendee;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.export.RosterExport;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.ExportResult;
import org.arrivals.audit.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list of people, as every face changes or hands it out: importing a registration export
 * (with a dry run first), loading the demo, exporting the list with arrival states. The roles and
 * the audit entries are here.
 */
public final class RosterService {
    private static final Logger LOG = LoggerFactory.getLogger(RosterService.class);

    static final Role IMPORT = Role.SUPERVISOR;
    /** The whole list leaves the station: the admin's PIN (a supervisor's is not enough). */
    static final Role EXPORT = Role.ADMIN;

    /** What an import did: the report, or why nothing could be imported. */
    public record ImportResult(Outcome outcome, ImportReport report, ImportException refused) {
        public enum Outcome {
            /** Imported (or, for a dry run, checked): {@link #report()} says what changed and the problems by line. */
            DONE,
            /** Nothing could be imported; nothing changed. {@link #refused()} names the line and the reason. */
            REFUSED,
            NOT_ALLOWED
        }
    }

    private final RosterImporter importer;
    private final RosterExport export;
    private final AuditLog audit;
    private final Clock clock;
    private final String stationId;

    public RosterService(RosterImporter importer, RosterExport export, AuditLog audit, Clock clock, String stationId) {
        this.importer = importer;
        this.export = export;
        this.audit = audit;
        this.clock = clock;
        this.stationId = stationId;
    }

    /** Imports a file all or nothing; a dry run changes nothing and is not audited. */
    public ImportResult importFile(Actor actor, Path file, RosterImporter.Options options) {
        if (!actor.may(IMPORT)) {
            return new ImportResult(ImportResult.Outcome.NOT_ALLOWED, null, null);
        }
        try {
            ImportReport r = importer.importFile(file, options);
            if (!options.dryRun()) {
                audit.record(
                        actor.auditName(),
                        "import",
                        file.getFileName().toString(),
                        "added " + r.added() + ", updated " + r.updated() + ", problems "
                                + r.problems().size());
            }
            return new ImportResult(ImportResult.Outcome.DONE, r, null);
        } catch (ImportException e) {
            return new ImportResult(ImportResult.Outcome.REFUSED, null, e);
        }
    }

    /** Loads the made-up demo event (no real people) through the same import as a real export. */
    public ImportResult importDemo(Actor actor, int people, long seed) {
        if (!actor.may(IMPORT)) {
            return new ImportResult(ImportResult.Outcome.NOT_ALLOWED, null, null);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, seed, people);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ImportReport r =
                    importer.importBytes(bytes.toByteArray(), "demo-event.csv", RosterImporter.Options.defaults());
            audit.record(actor.auditName(), "import", "demo", "added " + r.added() + ", updated " + r.updated());
            return new ImportResult(ImportResult.Outcome.DONE, r, null);
        } catch (ImportException e) {
            throw new IllegalStateException("The demo event could not be imported: " + e.getMessage(), e);
        }
    }

    /** Writes the list with arrival states to a spreadsheet-safe CSV at {@code out}, whole or not at all. */
    public ExportResult export(Actor actor, Path out) {
        if (!actor.may(EXPORT)) {
            return ExportResult.of(ExportResult.Outcome.NOT_ALLOWED);
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return ExportResult.of(ExportResult.Outcome.NO_FOLDER);
        }
        try {
            int n = export.write(out);
            audit.record(actor.auditName(), "export", out.getFileName().toString(), n + " people");
            return new ExportResult(ExportResult.Outcome.WRITTEN, n, out);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Export to {} failed: {}", folder, e.toString());
            return ExportResult.of(ExportResult.Outcome.FAILED);
        }
    }

    /** Exports into a folder under a name that says what, where and when: {@code arrivals-list-STATION-STAMP.csv}. */
    public ExportResult exportTo(Actor actor, Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return actor.may(EXPORT)
                    ? ExportResult.of(ExportResult.Outcome.NO_FOLDER)
                    : ExportResult.of(ExportResult.Outcome.NOT_ALLOWED);
        }
        return export(actor, folder.resolve(exportName("list", "csv")));
    }

    /** Where removable drives are mounted on Linux (udisks): under these, a folder per drive. */
    static final List<Path> MOUNT_ROOTS = List.of(
            Path.of("/media", System.getProperty("user.name")), Path.of("/run/media", System.getProperty("user.name")));

    /**
     * The removable drives mounted now (a USB stick), first to last by name: where an export of
     * personal data belongs, rather than the kiosk's own disk.
     */
    public List<Path> removableDrives() {
        List<Path> out = new ArrayList<>();
        for (Path base : MOUNT_ROOTS) {
            try (var dirs = Files.list(base)) {
                dirs.filter(Files::isDirectory).sorted().forEach(out::add);
            } catch (IOException | SecurityException e) {
                // no removable media here
            }
        }
        return out;
    }

    /** True when {@code folder} is on a removable drive (not this computer's own disk). */
    public boolean onRemovableDrive(Path folder) {
        if (folder == null) {
            return false;
        }
        Path p = folder.toAbsolutePath().normalize();
        return MOUNT_ROOTS.stream().anyMatch(root -> p.startsWith(root) && !p.equals(root));
    }

    /** A file name for an export made now at this station. */
    public String exportName(String kind, String extension) {
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return "arrivals-" + kind + "-" + stationId + "-" + stamp + "." + extension;
    }
}
