package org.arrivals.station;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportLimits;
import org.arrivals.attendee.importing.ImportProblem;
import org.arrivals.attendee.importing.ImportedRow;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.attendee.importing.TabularFile;
import org.arrivals.hub.HubStore;
import org.arrivals.hub.console.Uploads;
import org.arrivals.session.ScheduleFile;
import org.arrivals.session.Session;
import org.arrivals.sync.Wire;
import org.arrivals.sync.protocol.RosterContract;
import org.arrivals.sync.protocol.RosterRow;

/**
 * The hub's roster and schedule loads, for {@code arrivals hub import}/{@code import-schedule} and
 * the console's upload alike: a file is read by the stations' own importers ({@link
 * RosterImporter#parse}, {@link ScheduleFile#parse}), checked against the hub's contract, and
 * loaded into the hub's store. One set of rules, one place.
 */
final class HubUploads implements Uploads {
    /** How many of a file's rows a preview shows. */
    static final int FIRST_ROWS = 5;

    private final HubStore store;
    private volatile long maxBytes = ImportLimits.MAX_FILE_BYTES;

    HubUploads(HubStore store) {
        this.store = store;
    }

    /** Lowers (or raises) the largest file taken, up to the imports' own limit. */
    void maxBytes(long bytes) {
        this.maxBytes = Math.min(bytes, ImportLimits.MAX_FILE_BYTES);
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    /** A roster file read and checked: the hub's rows, by line, and what to show. */
    record Roster(RosterImporter.Parsed parsed, List<RosterRow> rows, Preview preview) {}

    Roster readRoster(byte[] bytes, String fileName) throws ImportException {
        ImportLimits.checkSize(bytes.length, fileName);
        RosterImporter.Parsed parsed =
                RosterImporter.parse(bytes, fileName, RosterImporter.Options.defaults(), Station.STANDARD_TYPES);
        List<RosterRow> rows = new ArrayList<>(parsed.rows().size());
        List<Problem> problems = new ArrayList<>();
        for (ImportProblem p : parsed.problems()) {
            problems.add(new Problem(p.line(), p.code(), p.kind().name(), p.args(), false));
        }
        List<List<String>> first = new ArrayList<>();
        for (ImportedRow r : parsed.rows()) {
            RosterRow row = row(r);
            Optional<org.arrivals.sync.protocol.Problem> refused = RosterContract.check(row);
            if (refused.isPresent()) {
                org.arrivals.sync.protocol.Problem c = refused.get();
                problems.add(new Problem(
                        r.line(),
                        r.code(),
                        CONTRACT,
                        List.of(c.path(), c.rule().name(), Long.toString(c.limit())),
                        true));
                continue;
            }
            rows.add(row);
            if (first.size() < FIRST_ROWS) {
                first.add(List.of(
                        Long.toString(r.line()),
                        nz(r.code()),
                        nz(r.firstName()),
                        nz(r.lastName()),
                        nz(r.organization()),
                        nz(r.type()),
                        r.status().name()));
            }
        }
        problems.sort(java.util.Comparator.comparingLong(Problem::line));
        List<String> warnings = parsed.warnings().stream()
                .map(w -> w.column() == null ? w.kind().name() : w.kind().name() + ":" + w.column())
                .toList();
        Preview preview = new Preview(
                Kind.ROSTER,
                null,
                0,
                parsed.columns(),
                List.of("line", "code", "first", "last", "org", "type", "status"),
                first,
                parsed.read(),
                rows.size(),
                problems,
                warnings);
        return new Roster(parsed, rows, preview);
    }

    /** A schedule read and checked: its sessions when it has no problem, and what to show. */
    record Schedule(List<Session> sessions, Preview preview) {}

    Schedule readSchedule(byte[] bytes, String fileName, LocalDate firstDay) throws ImportException {
        ImportLimits.checkSize(bytes.length, fileName);
        ScheduleFile.Parsed parsed = ScheduleFile.parse(bytes, fileName, firstDay);
        TabularFile table = RosterImporter.readTable(bytes, fileName);
        List<Problem> problems = parsed.problems().stream()
                .map(p -> new Problem(
                        p.line(),
                        p.code(),
                        p.kind().name(),
                        p.args(),
                        true,
                        p.reasons().stream()
                                .map(r -> new Uploads.Reason(r.why().name(), r.column(), r.values()))
                                .toList()))
                .toList();
        List<List<String>> first = new ArrayList<>();
        for (Session s : parsed.sessions()) {
            if (first.size() == FIRST_ROWS) {
                break;
            }
            first.add(List.of(
                    s.id(),
                    s.title(),
                    s.room(),
                    s.date().toString(),
                    s.start().toString(),
                    s.end().toString(),
                    s.capacity() > 0 ? Integer.toString(s.capacity()) : ""));
        }
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        ScheduleFile.mapping(table.header()).forEach((k, v) -> mapping.put("s." + k, v));
        Preview preview = new Preview(
                Kind.SCHEDULE,
                null,
                0,
                mapping,
                List.of("s.sessionid", "s.title", "s.room", "s.date", "s.start", "s.end", "s.capacity"),
                first,
                table.rows().size(),
                parsed.sessions().size(),
                problems,
                List.of());
        return new Schedule(parsed.sessions(), preview);
    }

    @Override
    public Preview preview(Kind kind, byte[] bytes, String fileName, LocalDate firstDay) {
        try {
            return kind == Kind.ROSTER
                    ? readRoster(bytes, fileName).preview()
                    : readSchedule(bytes, fileName, firstDay).preview();
        } catch (ImportException e) {
            return Preview.refused(kind, e.getMessage(), e.line());
        }
    }

    @Override
    public Optional<Imported> importFile(Kind kind, byte[] bytes, String fileName, LocalDate firstDay) {
        try {
            if (kind == Kind.ROSTER) {
                Roster r = readRoster(bytes, fileName);
                if (r.preview().blocked()) {
                    return Optional.empty();
                }
                return Optional.of(new Imported(r.rows().size(), store.importRoster(r.rows()), 0));
            }
            Schedule s = readSchedule(bytes, fileName, firstDay);
            if (s.preview().blocked()) {
                return Optional.empty();
            }
            long version = store.importSchedule(
                    s.sessions().stream().map(Wire::session).toList());
            return Optional.of(new Imported(s.sessions().size(), s.sessions().size(), version));
        } catch (ImportException e) {
            return Optional.empty();
        }
    }

    static RosterRow row(ImportedRow r) {
        return new RosterRow(
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
                r.extra());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
