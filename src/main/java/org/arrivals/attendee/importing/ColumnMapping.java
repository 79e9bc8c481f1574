package org.arrivals.attendee.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.arrivals.attendee.AttendeeField;

/**
 * Which column of a file fills which attendee field.
 *
 * <p>Recognizes the headers of Eventbrite, Cvent and pretix exports and of our plain template
 * (see {@code kiosk-config/import-template.csv}). Headers are compared without case, accents,
 * spaces or punctuation, and {@code #} reads as "number", so "Attendee #" and "attendee_number"
 * are the same header. Aliases are listed in order of preference: pretix exports both the order's
 * "Email" and the "Attendee email", and the attendee's own wins.
 */
public final class ColumnMapping {
    private static final Map<AttendeeField, List<String>> ALIASES = new EnumMap<>(AttendeeField.class);

    static {
        alias(
                AttendeeField.CODE,
                "code",
                "attendee code",
                "attendee #",
                "attendee number",
                "attendee id",
                "confirmation number",
                "confirmation #",
                "confirmation no",
                "registration id",
                "registration number",
                "registration code",
                "order code",
                "ticket code",
                "id");
        alias(AttendeeField.POSITION, "position id");
        alias(
                AttendeeField.BARCODE,
                "barcode",
                "barcode #",
                "barcode number",
                "ticket secret",
                "secret",
                "qr code",
                "ticket barcode");
        alias(
                AttendeeField.FIRST,
                "first",
                "first name",
                "first_name",
                "given name",
                "attendee name given name",
                "forename",
                "prenom",
                "nombre");
        alias(
                AttendeeField.LAST,
                "last",
                "last name",
                "last_name",
                "surname",
                "family name",
                "attendee name family name",
                "nom",
                "nom de famille",
                "apellido",
                "apellidos");
        alias(AttendeeField.FULL_NAME, "name", "full name", "attendee name", "nombre completo", "nom complet");
        alias(AttendeeField.BADGE_NAME, "badge name", "badgename", "name on badge", "preferred name", "nickname");
        alias(AttendeeField.PRONOUNS, "pronouns", "pronoun", "personal pronouns");
        alias(
                AttendeeField.EMAIL,
                "attendee email",
                "email",
                "email address",
                "e-mail",
                "correo electronico",
                "courriel");
        alias(
                AttendeeField.ORG,
                "org",
                "organization",
                "organisation",
                "company",
                "company name",
                "company / organization",
                "employer",
                "agency",
                "organizacion");
        alias(AttendeeField.TITLE, "title", "job title", "position title", "puesto");
        alias(
                AttendeeField.TYPE,
                "type",
                "attendee type",
                "ticket type",
                "registration type",
                "product",
                "ticket",
                "category",
                "admission type",
                "tipo");
        alias(AttendeeField.STATUS, "status", "attendee status", "registration status", "order status", "estado");
    }

    private static void alias(AttendeeField field, String... headers) {
        List<String> keys = new ArrayList<>();
        for (String h : headers) {
            keys.add(key(h));
        }
        ALIASES.put(field, List.copyOf(keys));
    }

    private final Map<AttendeeField, Integer> columns;
    private final List<String> header;

    private ColumnMapping(List<String> header, Map<AttendeeField, Integer> columns) {
        this.header = List.copyOf(header);
        this.columns = columns;
    }

    /** Header text reduced to what distinguishes it: "Attendee #" becomes "attendeenumber". */
    static String key(String header) {
        String h = Normalizer.normalize(header.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("#", "number");
        StringBuilder b = new StringBuilder(h.length());
        h.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /**
     * Recognizes the header, then applies the explicit {@code field -> header} choices on top.
     *
     * @throws ImportException when an explicit header is not in the file, or no code or name column is found
     */
    public static ColumnMapping resolve(List<String> header, Map<AttendeeField, String> explicit, String description)
            throws ImportException {
        Map<AttendeeField, Integer> columns = new EnumMap<>(AttendeeField.class);
        List<String> keys = header.stream().map(ColumnMapping::key).toList();
        for (var entry : ALIASES.entrySet()) {
            int best = Integer.MAX_VALUE;
            int bestColumn = -1;
            for (int c = 0; c < keys.size(); c++) {
                int rank = entry.getValue().indexOf(keys.get(c));
                if (rank >= 0 && rank < best) {
                    best = rank;
                    bestColumn = c;
                }
            }
            if (bestColumn >= 0) {
                columns.put(entry.getKey(), bestColumn);
            }
        }
        for (var choice : explicit.entrySet()) {
            int c = findHeader(header, choice.getValue());
            if (c < 0) {
                throw new ImportException(
                        description + " has no column named \"" + choice.getValue() + "\" (asked for by --map "
                                + choice.getKey().cliName() + "=...). Its columns are: " + String.join(", ", header),
                        1);
            }
            columns.put(choice.getKey(), c);
        }
        // A column claimed for one field explicitly is not also guessed for another.
        for (var choice : explicit.keySet()) {
            int c = columns.get(choice);
            columns.entrySet().removeIf(e -> e.getValue() == c && !explicit.containsKey(e.getKey()));
        }
        ColumnMapping mapping = new ColumnMapping(header, columns);
        if (!columns.containsKey(AttendeeField.CODE)) {
            throw new ImportException(
                    description + " has no attendee code column. Name it with --map code=\"Header\". "
                            + "Its columns are: " + String.join(", ", header),
                    1);
        }
        if (!columns.containsKey(AttendeeField.FIRST)
                && !columns.containsKey(AttendeeField.LAST)
                && !columns.containsKey(AttendeeField.FULL_NAME)
                && !columns.containsKey(AttendeeField.BADGE_NAME)) {
            throw new ImportException(
                    description + " has no name column. Name it with --map first=\"Header\",last=\"Header\". "
                            + "Its columns are: " + String.join(", ", header),
                    1);
        }
        return mapping;
    }

    private static int findHeader(List<String> header, String wanted) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().equals(wanted.strip())) {
                return c;
            }
        }
        String k = key(wanted);
        for (int c = 0; c < header.size(); c++) {
            if (key(header.get(c)).equals(k)) {
                return c;
            }
        }
        return -1;
    }

    public Optional<Integer> column(AttendeeField field) {
        return Optional.ofNullable(columns.get(field));
    }

    public boolean isMapped(int column) {
        return columns.containsValue(column);
    }

    public List<String> header() {
        return header;
    }

    /** Field name to header, for showing a person what was recognized. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        for (AttendeeField f : AttendeeField.values()) {
            Integer c = columns.get(f);
            if (c != null) {
                d.put(f.cliName(), header.get(c));
            }
        }
        return d;
    }

    /** Parses {@code field=Header,field=Header} from the command line. */
    public static Map<AttendeeField, String> parseExplicit(List<String> pairs) {
        Map<AttendeeField, String> explicit = new EnumMap<>(AttendeeField.class);
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--map takes field=Header, got \"" + pair + "\"");
            }
            String name = pair.substring(0, eq);
            AttendeeField field = AttendeeField.byCliName(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--map: unknown field \"" + name + "\". Fields: " + AttendeeField.cliNames()));
            explicit.put(field, pair.substring(eq + 1));
        }
        return explicit;
    }
}
