package org.arrivals.attendee.importing;

import static org.arrivals.store.jooq.Tables.ATTENDEE;
import static org.arrivals.store.jooq.Tables.ATTENDEE_EDIT;
import static org.arrivals.store.jooq.Tables.IMPORT_RUN;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.ExtraFields;
import org.arrivals.attendee.RosterVersion;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.AttendeeRecord;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a registration export into the roster, all or nothing.
 *
 * <p>The whole file is read and checked before the store is touched, and every change is one
 * transaction, so a file that fails half-way leaves the store exactly as it was. Rows are matched
 * to the roster by code: new codes are added, changed rows updated in place (their ids, and so
 * their check-ins, stay), and on-site edits are kept and reported rather than overwritten.
 */
public final class RosterImporter {
    private static final Logger LOG = LoggerFactory.getLogger(RosterImporter.class);
    private static final int CHUNK = 2000;

    private final Store store;
    private final AttendeeStore attendees;
    private final DSLContext dsl;
    private final Clock clock;
    private final List<String> eventTypes;

    public RosterImporter(Store store, AttendeeStore attendees, Clock clock, List<String> eventTypes) {
        this.store = store;
        this.attendees = attendees;
        this.dsl = store.dsl();
        this.clock = clock;
        this.eventTypes = List.copyOf(eventTypes);
    }

    public record Options(Map<AttendeeField, String> mapping, Charset encoding, boolean dryRun) {
        public static Options defaults() {
            return new Options(Map.of(), null, false);
        }
    }

    public ImportReport importFile(Path file, Options options) throws ImportException {
        byte[] bytes;
        try {
            ImportLimits.checkSize(Files.size(file), file.getFileName().toString());
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), 0, e);
        }
        return importBytes(bytes, file.getFileName().toString(), options);
    }

    public ImportReport importBytes(byte[] bytes, String fileName, Options options) throws ImportException {
        TabularFile table = read(bytes, fileName, options.encoding());
        ColumnMapping mapping = ColumnMapping.resolve(table.header(), options.mapping(), fileName);
        RowReader.Result read = new RowReader(mapping, eventTypes).read(table);
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        ImportReport report = options.dryRun()
                ? plan(dsl, read.rows(), problems).report(problems, true)
                : store.bulkWrite(
                        () -> dsl.transactionResult(tx -> apply(tx.dsl(), read.rows(), problems, fileName, bytes)));
        report = report.withColumns(read.columns()).withSource(mapping.format(), read.warnings());
        LOG.info(
                "Import of {} rows from a {} file: {} added, {} updated, {} unchanged, {} problems{}",
                table.rows().size(),
                fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.')) : "plain",
                report.added(),
                report.updated(),
                report.unchanged(),
                report.problems().size(),
                options.dryRun() ? " (dry run)" : "");
        if (!options.dryRun() && report.added() + report.updated() > 0) {
            attendees.fireReloaded();
        }
        return report;
    }

    /**
     * A file's rows and problems, read and checked, without a store: what a hub loads. {@code
     * columns}: field name to the header that fed it; {@code read}: the file's rows, taken or not.
     */
    public record Parsed(
            List<ImportedRow> rows,
            List<ImportProblem> problems,
            Map<String, String> columns,
            List<ImportWarning> warnings,
            int read) {
        public Parsed(List<ImportedRow> rows, List<ImportProblem> problems) {
            this(rows, problems, Map.of(), List.of(), rows.size());
        }
    }

    public static Parsed parse(byte[] bytes, String fileName, Options options, List<String> eventTypes)
            throws ImportException {
        TabularFile table = read(bytes, fileName, options.encoding());
        ColumnMapping mapping = ColumnMapping.resolve(table.header(), options.mapping(), fileName);
        RowReader.Result read = new RowReader(mapping, eventTypes).read(table);
        return new Parsed(
                read.rows(),
                read.problems(),
                read.columns(),
                read.warnings(),
                table.rows().size());
    }

    /**
     * Any spreadsheet-shaped file as the roster import reads it (CSV in any of its encodings and
     * separators, or the first sheet of an XLSX): for other imports, such as the schedule.
     */
    public static TabularFile readTable(byte[] bytes, String fileName) throws ImportException {
        return read(bytes, fileName, null);
    }

    static TabularFile read(byte[] bytes, String fileName, Charset encoding) throws ImportException {
        ImportLimits.checkSize(bytes.length, fileName);
        if (XlsxFiles.looksLikeXlsx(bytes)) {
            ImportLimits.checkXlsx(bytes, fileName);
            return XlsxFiles.parse(bytes, fileName);
        }
        if (XlsxFiles.looksLikeOldExcel(bytes)) {
            throw new ImportException(
                    fileName + " is an old Excel (.xls) workbook. Open it and save it as .xlsx or .csv.", 0);
        }
        return CsvFiles.parse(TextEncoding.decode(bytes, encoding).text(), fileName);
    }

    /** What the file asks for, compared with what the store holds. */
    private record Plan(List<ImportedRow> toAdd, List<Update> toUpdate, int unchanged) {
        ImportReport report(List<ImportProblem> problems, boolean dryRun) {
            List<ImportReport.Change> changes = new ArrayList<>();
            for (ImportedRow r : toAdd) {
                if (changes.size() < ImportReport.CHANGES_SHOWN) {
                    changes.add(new ImportReport.Change(ImportReport.Change.Kind.ADDED, r.line(), r.code(), name(r)));
                }
            }
            for (Update u : toUpdate) {
                if (changes.size() < ImportReport.CHANGES_SHOWN) {
                    changes.add(new ImportReport.Change(
                            ImportReport.Change.Kind.UPDATED,
                            u.row().line(),
                            u.row().code(),
                            name(u.row())));
                }
            }
            return new ImportReport(
                    toAdd.size(),
                    toUpdate.size(),
                    unchanged,
                    problems,
                    dryRun,
                    Map.of(),
                    SourceFormat.OTHER,
                    List.of(),
                    changes);
        }

        private static String name(ImportedRow r) {
            if (r.badgeName() != null && !r.badgeName().isBlank()) {
                return r.badgeName();
            }
            return r.lastName() == null || r.lastName().isBlank() ? r.firstName() : r.firstName() + " " + r.lastName();
        }
    }

    private record Update(long id, ImportedRow row, boolean barcodeChanged) {}

    private static Plan plan(DSLContext t, List<ImportedRow> rows, List<ImportProblem> problems) {
        Map<String, AttendeeRecord> byCode = new HashMap<>();
        Map<String, String> barcodeHolders = new HashMap<>();
        for (AttendeeRecord r : t.selectFrom(ATTENDEE).fetch()) {
            byCode.put(r.getCode(), r);
            if (r.getBarcode() != null) {
                barcodeHolders.put(r.getBarcode(), r.getCode());
            }
        }
        Map<Long, Map<String, String>> edits = new HashMap<>();
        t.selectFrom(ATTENDEE_EDIT)
                .forEach(e -> edits.computeIfAbsent(e.getAttendeeId(), k -> new HashMap<>())
                        .put(e.getField(), e.getFieldValue()));
        Set<String> codesInFile = new HashSet<>();
        rows.forEach(r -> codesInFile.add(r.code()));

        List<ImportedRow> toAdd = new ArrayList<>();
        List<Update> toUpdate = new ArrayList<>();
        int unchanged = 0;
        for (ImportedRow row : rows) {
            ImportedRow r = row;
            String holder = r.barcode() == null ? null : barcodeHolders.get(r.barcode());
            // A barcode may move to this row when its current holder is in the file too: the file
            // gives each barcode to one row only, so the holder's own row no longer carries it.
            if (holder != null && !holder.equals(r.code()) && !codesInFile.contains(holder)) {
                problems.add(
                        ImportProblem.of(r.line(), r.code(), ImportProblem.Kind.BARCODE_TAKEN, r.barcode(), holder));
                r = r.withBarcode(null);
            }
            AttendeeRecord old = byCode.get(r.code());
            if (old == null) {
                toAdd.add(r);
                continue;
            }
            boolean barcodeChanged = !Objects.equals(old.getBarcode(), r.barcode());
            if (!barcodeChanged && sameAsStored(old, r)) {
                unchanged++;
                continue;
            }
            toUpdate.add(new Update(old.getId(), r, barcodeChanged));
            reportKeptEdits(old, r, edits.getOrDefault(old.getId(), Map.of()), problems);
        }
        return new Plan(toAdd, toUpdate, unchanged);
    }

    private static boolean sameAsStored(AttendeeRecord s, ImportedRow r) {
        return s.getFirstName().equals(r.firstName())
                && s.getLastName().equals(r.lastName())
                && Objects.equals(s.getBadgeName(), r.badgeName())
                && Objects.equals(s.getPronouns(), r.pronouns())
                && Objects.equals(s.getEmail(), r.email())
                && Objects.equals(s.getOrganization(), r.organization())
                && Objects.equals(s.getTitle(), r.title())
                && s.getAttendeeType().equals(r.type())
                && s.getStatus().equals(r.status().name())
                && Objects.equals(s.getExtra(), ExtraFields.toJson(r.extra()));
    }

    /** The file changed a field that was corrected on site: the correction stays, and we say so. */
    private static void reportKeptEdits(
            AttendeeRecord s, ImportedRow r, Map<String, String> edits, List<ImportProblem> problems) {
        for (var e : edits.entrySet()) {
            AttendeeField f = AttendeeField.byCliName(e.getKey()).orElse(null);
            if (f == null) {
                continue;
            }
            String before = importedValue(s, f);
            String now = importedValue(r, f);
            if (!Objects.equals(before, now)) {
                problems.add(ImportProblem.of(r.line(), r.code(), ImportProblem.Kind.EDIT_KEPT, f.cliName()));
            }
        }
    }

    private static String importedValue(AttendeeRecord s, AttendeeField f) {
        return switch (f) {
            case FIRST -> s.getFirstName();
            case LAST -> s.getLastName();
            case BADGE_NAME -> s.getBadgeName();
            case PRONOUNS -> s.getPronouns();
            case EMAIL -> s.getEmail();
            case ORG -> s.getOrganization();
            case TITLE -> s.getTitle();
            case TYPE -> s.getAttendeeType();
            default -> null;
        };
    }

    private static String importedValue(ImportedRow r, AttendeeField f) {
        return switch (f) {
            case FIRST -> r.firstName();
            case LAST -> r.lastName();
            case BADGE_NAME -> r.badgeName();
            case PRONOUNS -> r.pronouns();
            case EMAIL -> r.email();
            case ORG -> r.organization();
            case TITLE -> r.title();
            case TYPE -> r.type();
            default -> null;
        };
    }

    private ImportReport apply(
            DSLContext t, List<ImportedRow> rows, List<ImportProblem> problems, String fileName, byte[] bytes) {
        Plan plan = plan(t, rows, problems);
        ImportReport report = plan.report(problems, false);
        if (plan.toAdd().isEmpty() && plan.toUpdate().isEmpty()) {
            return report;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long version = RosterVersion.next(t);

        // One prepared statement per kind of change, bound once per row: H2 parses each once.
        // Barcodes changing hands are first released, so the unique index never sees one twice.
        List<Object[]> released = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Update u : plan.toUpdate()) {
            ImportedRow r = u.row();
            if (u.barcodeChanged()) {
                released.add(new Object[] {u.id()});
            }
            updates.add(new Object[] {
                r.barcode(),
                r.firstName(),
                r.lastName(),
                r.badgeName(),
                r.pronouns(),
                r.email(),
                r.organization(),
                r.title(),
                r.type(),
                r.status().name(),
                ExtraFields.toJson(r.extra()),
                version,
                now,
                u.id()
            });
        }
        inBatches(
                t,
                t.update(ATTENDEE)
                        .set(ATTENDEE.BARCODE, DSL.inline((String) null))
                        .where(ATTENDEE.ID.eq((Long) null)),
                released);
        inBatches(
                t,
                t.update(ATTENDEE)
                        .set(ATTENDEE.BARCODE, (String) null)
                        .set(ATTENDEE.FIRST_NAME, (String) null)
                        .set(ATTENDEE.LAST_NAME, (String) null)
                        .set(ATTENDEE.BADGE_NAME, (String) null)
                        .set(ATTENDEE.PRONOUNS, (String) null)
                        .set(ATTENDEE.EMAIL, (String) null)
                        .set(ATTENDEE.ORGANIZATION, (String) null)
                        .set(ATTENDEE.TITLE, (String) null)
                        .set(ATTENDEE.ATTENDEE_TYPE, (String) null)
                        .set(ATTENDEE.STATUS, (String) null)
                        .set(ATTENDEE.EXTRA, (String) null)
                        .set(ATTENDEE.ROSTER_VERSION, (Long) null)
                        .set(ATTENDEE.UPDATED_AT, (OffsetDateTime) null)
                        .where(ATTENDEE.ID.eq((Long) null)),
                updates);

        List<Object[]> inserts = new ArrayList<>(plan.toAdd().size());
        for (ImportedRow r : plan.toAdd()) {
            inserts.add(new Object[] {
                r.code(),
                r.barcode(),
                r.firstName(),
                r.lastName(),
                r.badgeName(),
                r.pronouns(),
                r.email(),
                r.organization(),
                r.title(),
                r.type(),
                r.status().name(),
                ExtraFields.toJson(r.extra()),
                false,
                version,
                now,
                now
            });
        }
        inBatches(t, AttendeeStore.insertRow(t), inserts);

        t.insertInto(
                        IMPORT_RUN,
                        IMPORT_RUN.FILE_NAME,
                        IMPORT_RUN.FILE_SHA256,
                        IMPORT_RUN.IMPORTED_AT,
                        IMPORT_RUN.ADDED,
                        IMPORT_RUN.UPDATED,
                        IMPORT_RUN.UNCHANGED,
                        IMPORT_RUN.PROBLEMS)
                .values(
                        fileName,
                        sha256(bytes),
                        now,
                        report.added(),
                        report.updated(),
                        report.unchanged(),
                        problems.size())
                .execute();
        return report;
    }

    /**
     * Runs one statement for many rows as JDBC batches. jOOQ renders the SQL; binding goes straight
     * to JDBC because jOOQ's per-bind conversions cost more than H2's insert itself at 100,000 rows.
     */
    private static void inBatches(DSLContext t, Query template, List<Object[]> binds) {
        if (binds.isEmpty()) {
            return;
        }
        String sql = t.render(template);
        t.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : binds) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                    if (++pending == CHUNK) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
