package org.arrivals.attendee.importing;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    record Result(List<ImportedRow> rows, List<ImportProblem> problems) {}

    Result read(TabularFile file) {
        List<ImportedRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Long> firstLineOfCode = new HashMap<>();
        Map<String, String> codeOfBarcode = new HashMap<>();
        List<String> extraNames = extraColumnNames(file.header());
        for (TabularFile.Row row : file.rows()) {
            ImportedRow r = convert(row, extraNames, problems);
            if (r == null) {
                continue;
            }
            Long first = firstLineOfCode.putIfAbsent(r.code(), row.line());
            if (first != null) {
                problems.add(new ImportProblem(
                        row.line(),
                        r.code(),
                        "duplicate code: line " + first + " has the same code and was imported; this row was not"));
                continue;
            }
            String owner = r.barcode() == null ? null : codeOfBarcode.putIfAbsent(r.barcode(), r.code());
            if (owner != null) {
                problems.add(new ImportProblem(
                        row.line(),
                        r.code(),
                        "barcode " + r.barcode() + " also belongs to " + owner
                                + "; it was not attached to this attendee"));
                r = withBarcode(r, null);
            }
            rows.add(r);
        }
        return new Result(rows, problems);
    }

    private ImportedRow convert(TabularFile.Row row, List<String> extraNames, List<ImportProblem> problems) {
        Map<AttendeeField, String> v = new EnumMap<>(AttendeeField.class);
        for (AttendeeField f : AttendeeField.values()) {
            v.put(f, oneLine(get(row, f)));
        }
        String code = v.get(AttendeeField.CODE);
        String position = v.get(AttendeeField.POSITION);
        if (!code.isEmpty() && !position.isEmpty()) {
            code = code + "-" + position;
        }
        String first = v.get(AttendeeField.FIRST);
        String last = v.get(AttendeeField.LAST);
        if (first.isEmpty() && last.isEmpty()) {
            // Without separate parts we do not guess where a name splits: many naming customs
            // do not put the family name last. The whole name becomes the first name.
            String full = v.get(AttendeeField.FULL_NAME);
            first = !full.isEmpty() ? full : v.get(AttendeeField.BADGE_NAME);
        } else if (first.isEmpty()) {
            // A single name filed under "last name" is still that person's only name.
            first = last;
            last = "";
        }
        if (code.isEmpty()) {
            problems.add(new ImportProblem(row.line(), null, "no attendee code; the row was not imported"));
            return null;
        }
        if (first.isEmpty()) {
            problems.add(new ImportProblem(row.line(), code, "no name; the row was not imported"));
            return null;
        }
        Map<String, String> extra = extras(row, extraNames);
        String tooLong = firstTooLong(code, first, last, v);
        if (tooLong == null && extraLength(extra) > MAX_EXTRA) {
            tooLong = "other columns longer than " + MAX_EXTRA + " characters together";
        }
        if (tooLong != null) {
            problems.add(new ImportProblem(row.line(), code, tooLong + "; the row was not imported"));
            return null;
        }
        String statusText = v.get(AttendeeField.STATUS);
        RegistrationStatus status = RegistrationStatus.parse(statusText).orElse(null);
        if (status == null) {
            problems.add(new ImportProblem(
                    row.line(),
                    code,
                    "unknown registration status \"" + statusText
                            + "\"; imported as pending so the desk asks before printing"));
            status = RegistrationStatus.PENDING;
        } else if (status != RegistrationStatus.ATTENDING) {
            problems.add(new ImportProblem(
                    row.line(), code, "registration " + status.label() + "; imported, and the desk will be told"));
        }
        String type = v.get(AttendeeField.TYPE);
        type = type.isEmpty() ? DEFAULT_TYPE : knownTypes.getOrDefault(type.toLowerCase(Locale.ROOT), type);
        String barcode = v.get(AttendeeField.BARCODE);
        return new ImportedRow(
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
                extra);
    }

    private static String firstTooLong(String code, String first, String last, Map<AttendeeField, String> v) {
        if (code.length() > 200) {
            return "attendee code longer than 200 characters";
        }
        if (first.length() > MAX_NAME
                || last.length() > MAX_NAME
                || v.get(AttendeeField.BADGE_NAME).length() > MAX_NAME) {
            return "name longer than " + MAX_NAME + " characters";
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
                return f.cliName() + " longer than " + limit + " characters";
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

    static ImportedRow withBarcode(ImportedRow r, String barcode) {
        return new ImportedRow(
                r.line(),
                r.code(),
                barcode,
                r.firstName(),
                r.lastName(),
                r.badgeName(),
                r.pronouns(),
                r.email(),
                r.organization(),
                r.title(),
                r.type(),
                r.status(),
                r.extra());
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
