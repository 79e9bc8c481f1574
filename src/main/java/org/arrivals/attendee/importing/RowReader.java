package org.arrivals.attendee.importing;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;

/**
 * Turns a file's rows into clean {@link ImportedRow}s and a list of problems by line.
 *
 * <p>Cleaning is deliberately small: trim, Unicode NFC (so "é" typed two ways is one name),
 * whitespace runs in one-line fields folded to a space, and invisible control characters removed
 * (C0 controls and the bidirectional embedding, override and isolate controls, which can make a
 * name display as something else). Names are otherwise kept exactly as written.
 */
final class RowReader {
    /** Longer than any real name and still fits a badge's smallest type; longer values are reported. */
    static final int MAX_NAME = 300;

    static final int MAX_FIELD = 1000;

    static final int MAX_CODE = 200;
    /**
     * The other columns of a row, together (names and values). They are kept as JSON in a column
     * of a million characters, and escaping can make JSON six times longer than its text.
     */
    static final int MAX_EXTRA = 100_000;

    static final String DEFAULT_TYPE = "General Admission";
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private final ColumnMapping mapping;
    private final Map<String, String> knownTypes = new HashMap<>();

    RowReader(ColumnMapping mapping, List<String> eventTypes) {
        this.mapping = mapping;
        for (String t : eventTypes) {
            knownTypes.put(t.toLowerCase(Locale.ROOT), t);
        }
    }

    record Result(
            List<ImportedRow> rows,
            List<ImportProblem> problems,
            List<ImportWarning> warnings,
            Map<String, String> columns) {
        Result(List<ImportedRow> rows, List<ImportProblem> problems) {
            this(rows, problems, List.of(), Map.of());
        }
    }

    /** A row read and checked, with the order it belongs to, before codes are settled file-wide. */
    private record Draft(ImportedRow row, String order) {}

    Result read(TabularFile file) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        Map<String, String> columns = new LinkedHashMap<>(mapping.describe());
        List<String> extraNames = extraColumnNames(file.header());
        List<Draft> drafts = new ArrayList<>();
        boolean[] splitAny = new boolean[1];
        for (TabularFile.Row row : file.rows()) {
            Draft d = convert(row, extraNames, problems, splitAny);
            if (d != null) {
                drafts.add(d);
            }
        }
        if (splitAny[0]) {
            warnings.add(new ImportWarning(
                    ImportWarning.Kind.FULL_NAMES_SPLIT,
                    mapping.headerOf(AttendeeField.FULL_NAME).orElse(null)));
        }
        if (mapping.column(AttendeeField.STATUS).isEmpty()) {
            warnings.add(new ImportWarning(ImportWarning.Kind.NO_STATUS_COLUMN, null));
        }
        drafts = oneCodePerTicket(drafts, warnings, columns);

        List<ImportedRow> rows = new ArrayList<>();
        Map<String, Long> firstLineOfCode = new HashMap<>();
        Map<String, String> codeOfBarcode = new HashMap<>();
        for (Draft d : drafts) {
            ImportedRow r = d.row();
            Long first = firstLineOfCode.putIfAbsent(r.code(), r.line());
            if (first != null) {
                problems.add(ImportProblem.of(r.line(), r.code(), ImportProblem.Kind.DUPLICATE_CODE, first));
                continue;
            }
            String owner = r.barcode() == null ? null : codeOfBarcode.putIfAbsent(r.barcode(), r.code());
            if (owner != null) {
                problems.add(
                        ImportProblem.of(r.line(), r.code(), ImportProblem.Kind.BARCODE_SHARED, r.barcode(), owner));
                r = r.withBarcode(null);
            }
            rows.add(r);
        }
        // Problems found while reading rows and while settling codes, in the order of the file.
        problems.sort(Comparator.comparingLong(ImportProblem::line));
        return new Result(rows, problems, warnings, columns);
    }

    /**
     * When the code comes from an order code that repeats for different people (pretix's check-in
     * list has no position id), each ticket gets a code of its own: the per-ticket column (the
     * ticket's secret or barcode) when every row has a distinct one, else the order code and the
     * person's place in the order (FOO-1, FOO-2). The same person twice in one order keeps one
     * place, so the second row is still reported as a duplicate.
     */
    private List<Draft> oneCodePerTicket(
            List<Draft> drafts, List<ImportWarning> warnings, Map<String, String> columns) {
        if (mapping.column(AttendeeField.CODE).isPresent()
                || mapping.column(AttendeeField.ORDER).isEmpty()) {
            return drafts;
        }
        // The code is the order's (joined with the position when there is one).
        putCodeFirst(columns, mapping.headerOf(AttendeeField.ORDER).orElseThrow());
        if (mapping.column(AttendeeField.POSITION).isPresent()) {
            return drafts;
        }
        Map<String, Map<String, Integer>> placesByOrder = new LinkedHashMap<>();
        boolean shared = false;
        for (Draft d : drafts) {
            Map<String, Integer> places = placesByOrder.computeIfAbsent(d.order(), k -> new LinkedHashMap<>());
            places.putIfAbsent(person(d.row()), places.size() + 1);
            shared |= places.size() > 1;
        }
        if (!shared) {
            return drafts;
        }
        List<Draft> out = new ArrayList<>(drafts.size());
        Optional<String> ticketColumn = mapping.headerOf(AttendeeField.BARCODE);
        if (ticketColumn.isPresent() && barcodesNameOneTicketEach(drafts)) {
            for (Draft d : drafts) {
                out.add(new Draft(d.row().withCode(d.row().barcode()), d.order()));
            }
            warnings.add(new ImportWarning(ImportWarning.Kind.TICKET_CODES_FROM_COLUMN, ticketColumn.get()));
            putCodeFirst(columns, ticketColumn.get());
        } else {
            for (Draft d : drafts) {
                int place = placesByOrder.get(d.order()).get(person(d.row()));
                out.add(new Draft(d.row().withCode(d.order() + "-" + place), d.order()));
            }
            String orderColumn = mapping.headerOf(AttendeeField.ORDER).orElseThrow();
            warnings.add(new ImportWarning(ImportWarning.Kind.TICKET_CODES_NUMBERED, orderColumn));
        }
        return out;
    }

    /** Says which header the codes came from, first in the field-to-header listing as the code always is. */
    private static void putCodeFirst(Map<String, String> columns, String header) {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put(AttendeeField.CODE.cliName(), header);
        columns.remove(AttendeeField.CODE.cliName());
        ordered.putAll(columns);
        columns.clear();
        columns.putAll(ordered);
    }

    /** Every row has a barcode short enough to be a code, and no barcode is shared by two people. */
    private static boolean barcodesNameOneTicketEach(List<Draft> drafts) {
        Map<String, String> holder = new HashMap<>();
        for (Draft d : drafts) {
            String b = d.row().barcode();
            if (b == null || b.length() > MAX_CODE) {
                return false;
            }
            String who = d.order() + "\t" + person(d.row());
            String before = holder.putIfAbsent(b, who);
            if (before != null && !before.equals(who)) {
                return false;
            }
        }
        return true;
    }

    /** Who a row is, for telling two tickets of one order apart from the same ticket listed twice. */
    private static String person(ImportedRow r) {
        return (r.firstName() + "\t" + r.lastName() + "\t" + (r.email() == null ? "" : r.email()))
                .toLowerCase(Locale.ROOT);
    }

    private Draft convert(
            TabularFile.Row row, List<String> extraNames, List<ImportProblem> problems, boolean[] splitAny) {
        Map<AttendeeField, String> v = new EnumMap<>(AttendeeField.class);
        for (AttendeeField f : AttendeeField.values()) {
            v.put(f, oneLine(get(row, f)));
        }
        String order = v.get(AttendeeField.ORDER);
        String code = mapping.column(AttendeeField.CODE).isPresent() ? v.get(AttendeeField.CODE) : order;
        String position = v.get(AttendeeField.POSITION);
        if (!code.isEmpty() && !position.isEmpty()) {
            code = code + "-" + position;
        }
        String first = v.get(AttendeeField.FIRST);
        String last = v.get(AttendeeField.LAST);
        if (first.isEmpty() && last.isEmpty()) {
            String full = v.get(AttendeeField.FULL_NAME);
            if (!full.isEmpty()) {
                // Split by the rules the badge prints by, so the badge shows the name as written.
                NameSplitter.Split split = NameSplitter.split(full);
                first = split.given();
                last = split.family();
                splitAny[0] |= !last.isEmpty();
            } else {
                first = v.get(AttendeeField.BADGE_NAME);
            }
        } else if (first.isEmpty()) {
            // A single name filed under "last name" is still that person's only name.
            first = last;
            last = "";
        }
        if (code.isEmpty()) {
            problems.add(ImportProblem.of(row.line(), null, ImportProblem.Kind.NO_CODE));
            return null;
        }
        if (first.isEmpty()) {
            problems.add(ImportProblem.of(row.line(), code, ImportProblem.Kind.NO_NAME));
            return null;
        }
        Map<String, String> extra = extras(row, extraNames);
        List<Object> tooLong = firstTooLong(code, first, last, v);
        if (tooLong == null && extraLength(extra) > MAX_EXTRA) {
            tooLong = List.of("other", MAX_EXTRA);
        }
        if (tooLong != null) {
            problems.add(ImportProblem.of(row.line(), code, ImportProblem.Kind.TOO_LONG, tooLong.toArray()));
            return null;
        }
        String statusText = v.get(AttendeeField.STATUS);
        RegistrationStatus status = StatusWords.parse(statusText).orElse(null);
        if (status == null) {
            problems.add(ImportProblem.of(row.line(), code, ImportProblem.Kind.UNKNOWN_STATUS, statusText));
            status = RegistrationStatus.PENDING;
        } else if (status != RegistrationStatus.ATTENDING) {
            problems.add(ImportProblem.of(row.line(), code, ImportProblem.Kind.BLOCKED_STATUS, status.label()));
        }
        String type = v.get(AttendeeField.TYPE);
        type = type.isEmpty() ? DEFAULT_TYPE : knownTypes.getOrDefault(type.toLowerCase(Locale.ROOT), type);
        String barcode = v.get(AttendeeField.BARCODE);
        return new Draft(
                new ImportedRow(
                        row.line(),
                        code,
                        emptyToNull(barcode),
                        first,
                        last,
                        emptyToNull(v.get(AttendeeField.BADGE_NAME)),
                        emptyToNull(v.get(AttendeeField.PRONOUNS)),
                        emptyToNull(v.get(AttendeeField.EMAIL)),
                        emptyToNull(v.get(AttendeeField.ORG)),
                        emptyToNull(v.get(AttendeeField.TITLE)),
                        type,
                        status,
                        extra),
                order);
    }

    /** The first value too long for its column, as (what, limit), or null. */
    private static List<Object> firstTooLong(String code, String first, String last, Map<AttendeeField, String> v) {
        if (code.length() > MAX_CODE) {
            return List.of(AttendeeField.CODE.cliName(), MAX_CODE);
        }
        if (first.length() > MAX_NAME
                || last.length() > MAX_NAME
                || v.get(AttendeeField.BADGE_NAME).length() > MAX_NAME) {
            return List.of(AttendeeField.FULL_NAME.cliName(), MAX_NAME);
        }
        for (AttendeeField f : List.of(
                AttendeeField.PRONOUNS,
                AttendeeField.EMAIL,
                AttendeeField.ORG,
                AttendeeField.TITLE,
                AttendeeField.TYPE,
                AttendeeField.BARCODE)) {
            int limit = f == AttendeeField.PRONOUNS || f == AttendeeField.TYPE ? 200 : MAX_FIELD;
            if (v.get(f).length() > limit) {
                return List.of(f.cliName(), limit);
            }
        }
        return null;
    }

    private static long extraLength(Map<String, String> extra) {
        long n = 0;
        for (Map.Entry<String, String> e : extra.entrySet()) {
            n += e.getKey().length() + e.getValue().length();
        }
        return n;
    }

    private Map<String, String> extras(TabularFile.Row row, List<String> extraNames) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int c = 0; c < extraNames.size(); c++) {
            String name = extraNames.get(c);
            if (name == null || mapping.isMapped(c)) {
                continue;
            }
            String value = clean(row.cell(c));
            if (!value.isEmpty()) {
                extra.put(name, value);
            }
        }
        return extra;
    }

    /** Column names for the extra fields; blank headers are dropped and repeated ones numbered. */
    private static List<String> extraColumnNames(List<String> header) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String h : header) {
            String name = oneLine(h);
            if (name.isEmpty()) {
                names.add(null);
                continue;
            }
            int n = seen.merge(name, 1, Integer::sum);
            names.add(n == 1 ? name : name + " (" + n + ")");
        }
        return names;
    }

    private String get(TabularFile.Row row, AttendeeField field) {
        return mapping.column(field).map(row::cell).orElse("");
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Multi-line values (notes, addresses) keep their line breaks; invisible controls go. */
    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = NFC.isNormalized(raw) ? raw : NFC.normalize(raw);
        int i = 0;
        while (i < s.length() && !isInvisibleControl(s.charAt(i))) {
            i++;
        }
        if (i < s.length()) {
            StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\t' || !isInvisibleControl(c)) {
                    b.append(c);
                }
            }
            s = b.toString();
        }
        return s.strip();
    }

    /** One-line fields (names, codes, email) fold every whitespace run, line breaks included, to one space. */
    static String oneLine(String raw) {
        String s = clean(raw);
        if (!needsFolding(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    b.append(' ');
                }
                inSpace = true;
            } else {
                b.append(c);
                inSpace = false;
            }
        }
        return b.toString();
    }

    private static boolean needsFolding(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || (i > 0 && s.charAt(i - 1) == ' '))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Every character tested here is in the Basic Multilingual Plane, so a char is enough. */
    private static boolean isInvisibleControl(int cp) {
        return cp < 0x20
                || cp == 0x7F
                || (cp >= 0x80 && cp < 0xA0)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF;
    }
}
