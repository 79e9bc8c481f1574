package org.arrivals.attendee.importing;

import static org.arrivals.store.jooq.Tables.ATTENDEE;
import static org.arrivals.store.jooq.Tables.ATTENDEE_BARCODE;
import static org.arrivals.store.jooq.Tables.ATTENDEE_EDIT;
import static org.arrivals.store.jooq.Tables.IMPORT_RUN;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.arrivals.attendee.ExtraFields;
import org.arrivals.attendee.RosterVersion;
import org.arrivals.store.jooq.tables.records.AttendeeRecord;
import org.jooq.DSLContext;
import org.jooq.Query;
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
    private static final int CHUNK = 1000;

    private final DSLContext dsl;
    private final Clock clock;
    private final List<String> eventTypes;

    public RosterImporter(DSLContext dsl, Clock clock, List<String> eventTypes) {
        this.dsl = dsl;
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
                : dsl.transactionResult(tx -> apply(tx.dsl(), read.rows(), problems, fileName, bytes));
        LOG.info("Import of {} rows from a {} file: {} added, {} updated, {} unchanged, {} problems{}",
                table.rows().size(), fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.')) : "plain",
                report.added(), report.updated(), report.unchanged(), report.problems().size(),
                options.dryRun() ? " (dry run)" : "");
        return report;
    }

    static TabularFile read(byte[] bytes, String fileName, Charset encoding) throws ImportException {
        if (XlsxFiles.looksLikeXlsx(bytes)) {
            return XlsxFiles.parse(bytes, fileName);
        }
        if (XlsxFiles.looksLikeOldExcel(bytes)) {
            throw new ImportException(fileName + " is an old Excel (.xls) workbook. Open it and save it as .xlsx or .csv.", 0);
        }
        return CsvFiles.parse(TextEncoding.decode(bytes, encoding).text(), fileName);
    }

    /** What the file asks for, compared with what the store holds. */
    private record Plan(List<ImportedRow> toAdd, List<Update> toUpdate, int unchanged) {
        ImportReport report(List<ImportProblem> problems, boolean dryRun) {
            return new ImportReport(toAdd.size(), toUpdate.size(), unchanged, problems, dryRun);
        }
    }

    private record Update(long id, ImportedRow row, boolean barcodesChanged) {
    }

    private record Existing(AttendeeRecord record, List<String> barcodes) {
    }

    private static Plan plan(DSLContext t, List<ImportedRow> rows, List<ImportProblem> problems) {
        Map<String, Existing> byCode = new HashMap<>();
        Map<Long, String> codeById = new HashMap<>();
        for (AttendeeRecord r : t.selectFrom(ATTENDEE).fetch()) {
            byCode.put(r.getCode(), new Existing(r, new ArrayList<>()));
            codeById.put(r.getId(), r.getCode());
        }
        Map<String, Long> barcodeOwners = new HashMap<>();
        t.selectFrom(ATTENDEE_BARCODE).orderBy(ATTENDEE_BARCODE.BARCODE).forEach(b -> {
            barcodeOwners.put(b.getBarcode(), b.getAttendeeId());
            byCode.get(codeById.get(b.getAttendeeId())).barcodes().add(b.getBarcode());
        });
        Map<Long, Map<String, String>> edits = new HashMap<>();
        t.selectFrom(ATTENDEE_EDIT).forEach(e -> edits.computeIfAbsent(e.getAttendeeId(), k -> new HashMap<>())
                .put(e.getField(), e.getFieldValue()));
        Set<String> codesInFile = new HashSet<>();
        rows.forEach(r -> codesInFile.add(r.code()));

        List<ImportedRow> toAdd = new ArrayList<>();
        List<Update> toUpdate = new ArrayList<>();
        int unchanged = 0;
        for (ImportedRow row : rows) {
            ImportedRow r = dropBarcodesHeldElsewhere(row, barcodeOwners, codeById, codesInFile, problems);
            Existing old = byCode.get(r.code());
            if (old == null) {
                toAdd.add(r);
                continue;
            }
            boolean barcodesChanged = !old.barcodes().equals(r.barcodes().stream().sorted().toList());
            if (!barcodesChanged && sameAsStored(old.record(), r)) {
                unchanged++;
                continue;
            }
            toUpdate.add(new Update(old.record().getId(), r, barcodesChanged));
            reportKeptEdits(old.record(), r, edits.getOrDefault(old.record().getId(), Map.of()), problems);
        }
        return new Plan(toAdd, toUpdate, unchanged);
    }

    private static ImportedRow dropBarcodesHeldElsewhere(ImportedRow r, Map<String, Long> owners,
            Map<Long, String> codeById, Set<String> codesInFile, List<ImportProblem> problems) {
        List<String> keep = new ArrayList<>();
        for (String b : r.barcodes()) {
            Long ownerId = owners.get(b);
            String ownerCode = ownerId == null ? null : codeById.get(ownerId);
            // A barcode may move to this row when its current holder is in the file too: the file
            // gives each barcode to one row only, so the holder's own row no longer lists it.
            boolean heldElsewhere = ownerCode != null && !ownerCode.equals(r.code())
                    && !codesInFile.contains(ownerCode);
            if (heldElsewhere) {
                problems.add(new ImportProblem(r.line(), r.code(), "barcode " + b + " already belongs to "
                        + ownerCode + "; it was not attached to this attendee"));
            } else {
                keep.add(b);
            }
        }
        if (keep.size() == r.barcodes().size()) {
            return r;
        }
        return new ImportedRow(r.line(), r.code(), keep, r.firstName(), r.lastName(), r.badgeName(), r.pronouns(),
                r.email(), r.organization(), r.title(), r.type(), r.status(), r.extra());
    }

    private static boolean sameAsStored(AttendeeRecord s, ImportedRow r) {
        return s.getFirstName().equals(r.firstName()) && s.getLastName().equals(r.lastName())
                && Objects.equals(s.getBadgeName(), r.badgeName()) && Objects.equals(s.getPronouns(), r.pronouns())
                && Objects.equals(s.getEmail(), r.email()) && Objects.equals(s.getOrganization(), r.organization())
                && Objects.equals(s.getTitle(), r.title()) && s.getAttendeeType().equals(r.type())
                && s.getStatus().equals(r.status().name())
                && Objects.equals(s.getExtra(), ExtraFields.toJson(r.extra()));
    }

    /** The file changed a field that was corrected on site: the correction stays, and we say so. */
    private static void reportKeptEdits(AttendeeRecord s, ImportedRow r, Map<String, String> edits,
                                        List<ImportProblem> problems) {
        for (var e : edits.entrySet()) {
            AttendeeField f = AttendeeField.byCliName(e.getKey()).orElse(null);
            if (f == null) {
                continue;
            }
            String before = importedValue(s, f);
            String now = importedValue(r, f);
            if (!Objects.equals(before, now)) {
                problems.add(new ImportProblem(r.line(), r.code(), "kept the on-site edit of " + f.cliName()
                        + "; the file's new value was not applied to it"));
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

    private ImportReport apply(DSLContext t, List<ImportedRow> rows, List<ImportProblem> problems,
                               String fileName, byte[] bytes) {
        Plan plan = plan(t, rows, problems);
        ImportReport report = plan.report(problems, false);
        if (plan.toAdd().isEmpty() && plan.toUpdate().isEmpty()) {
            return report;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long version = RosterVersion.next(t);
        for (int i = 0; i < plan.toUpdate().size(); i += CHUNK) {
            List<Update> chunk = plan.toUpdate().subList(i, Math.min(i + CHUNK, plan.toUpdate().size()));
            List<Query> queries = new ArrayList<>();
            for (Update u : chunk) {
                ImportedRow r = u.row();
                queries.add(t.update(ATTENDEE)
                        .set(ATTENDEE.FIRST_NAME, r.firstName()).set(ATTENDEE.LAST_NAME, r.lastName())
                        .set(ATTENDEE.BADGE_NAME, r.badgeName()).set(ATTENDEE.PRONOUNS, r.pronouns())
                        .set(ATTENDEE.EMAIL, r.email()).set(ATTENDEE.ORGANIZATION, r.organization())
                        .set(ATTENDEE.TITLE, r.title()).set(ATTENDEE.ATTENDEE_TYPE, r.type())
                        .set(ATTENDEE.STATUS, r.status().name()).set(ATTENDEE.EXTRA, ExtraFields.toJson(r.extra()))
                        .set(ATTENDEE.ROSTER_VERSION, version).set(ATTENDEE.UPDATED_AT, now)
                        .where(ATTENDEE.ID.eq(u.id())));
                if (u.barcodesChanged()) {
                    queries.add(t.deleteFrom(ATTENDEE_BARCODE).where(ATTENDEE_BARCODE.ATTENDEE_ID.eq(u.id())));
                }
            }
            t.batch(queries).execute();
            insertBarcodes(t, chunk.stream().filter(Update::barcodesChanged)
                    .map(u -> Map.entry(u.id(), u.row().barcodes())).toList());
        }
        for (int i = 0; i < plan.toAdd().size(); i += CHUNK) {
            List<ImportedRow> chunk = plan.toAdd().subList(i, Math.min(i + CHUNK, plan.toAdd().size()));
            var insert = t.insertInto(ATTENDEE, ATTENDEE.CODE, ATTENDEE.FIRST_NAME, ATTENDEE.LAST_NAME,
                    ATTENDEE.BADGE_NAME, ATTENDEE.PRONOUNS, ATTENDEE.EMAIL, ATTENDEE.ORGANIZATION, ATTENDEE.TITLE,
                    ATTENDEE.ATTENDEE_TYPE, ATTENDEE.STATUS, ATTENDEE.EXTRA, ATTENDEE.WALK_IN,
                    ATTENDEE.ROSTER_VERSION, ATTENDEE.CREATED_AT, ATTENDEE.UPDATED_AT);
            for (ImportedRow r : chunk) {
                insert = insert.values(r.code(), r.firstName(), r.lastName(), r.badgeName(), r.pronouns(), r.email(),
                        r.organization(), r.title(), r.type(), r.status().name(), ExtraFields.toJson(r.extra()), false,
                        version, now, now);
            }
            insert.execute();
            Map<String, Long> ids = t.select(ATTENDEE.CODE, ATTENDEE.ID).from(ATTENDEE)
                    .where(ATTENDEE.CODE.in(chunk.stream().map(ImportedRow::code).toList()))
                    .fetchMap(ATTENDEE.CODE, ATTENDEE.ID);
            insertBarcodes(t, chunk.stream().filter(r -> !r.barcodes().isEmpty())
                    .map(r -> Map.entry(ids.get(r.code()), r.barcodes())).toList());
        }
        t.insertInto(IMPORT_RUN, IMPORT_RUN.FILE_NAME, IMPORT_RUN.FILE_SHA256, IMPORT_RUN.IMPORTED_AT,
                        IMPORT_RUN.ADDED, IMPORT_RUN.UPDATED, IMPORT_RUN.UNCHANGED, IMPORT_RUN.PROBLEMS)
                .values(fileName, sha256(bytes), now, report.added(), report.updated(), report.unchanged(),
                        problems.size())
                .execute();
        return report;
    }

    /** Barcodes moving between attendees are released first, so the primary key never sees them twice. */
    private static void insertBarcodes(DSLContext t, List<Map.Entry<Long, List<String>>> owners) {
        List<String> all = owners.stream().flatMap(e -> e.getValue().stream()).toList();
        if (all.isEmpty()) {
            return;
        }
        t.deleteFrom(ATTENDEE_BARCODE).where(ATTENDEE_BARCODE.BARCODE.in(all)).execute();
        var insert = t.insertInto(ATTENDEE_BARCODE, ATTENDEE_BARCODE.BARCODE, ATTENDEE_BARCODE.ATTENDEE_ID);
        for (var e : owners) {
            for (String b : e.getValue()) {
                insert = insert.values(b, e.getKey());
            }
        }
        insert.execute();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
