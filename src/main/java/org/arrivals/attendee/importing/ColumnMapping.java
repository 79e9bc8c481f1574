package org.arrivals.attendee.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrivals.attendee.AttendeeField;

/**
 * Which column of a file fills which attendee field.
 *
 * <p>Headers are compared by {@link HeaderKey} (without case, accents, punctuation, with snake_case,
 * camelCase and every spelling of "number" made equal), against one table of the headers the
 * exporters write (Eventbrite in its English, Spanish and French locales, pretix, Cvent, Tito,
 * Hi.Events, Luma, Indico and our plain template). Aliases are listed in order of preference:
 * pretix exports both the order's "Email" and the "Attendee email", and the attendee's own wins.
 * The parts of a name listed under a prefix ("Attendee name: First name") are recognized by the
 * prefix, so "Attendee name: Title" is a salutation, never a job title. A {@link SourceFormat}
 * recognized from the header names the few columns whose meaning differs between exporters.
 */
public final class ColumnMapping {
    private static final Map<AttendeeField, List<String>> ALIASES = new EnumMap<>(AttendeeField.class);

    /** Recognized and shown, but their values stay with the attendee as extra fields too. */
    private static final Set<AttendeeField> KEPT_AS_EXTRA =
            EnumSet.of(AttendeeField.ORDER, AttendeeField.PREFIX, AttendeeField.MIDDLE);

    static {
        alias(
                AttendeeField.CODE,
                "code",
                "attendee code",
                "attendee #",
                "attendee id",
                "ticket reference",
                "ticket number",
                "ticket id",
                "registrant id",
                "registration id",
                "registration number",
                "registration code",
                "confirmation number",
                "api_id",
                "guest_id",
                "N.º de asistente",
                "ID de asistente",
                "N° de participant",
                "ID du participant",
                "ticket code",
                "id");
        alias(AttendeeField.POSITION, "position id");
        alias(
                AttendeeField.ORDER,
                "order code",
                "order #",
                "order id",
                "order reference",
                "N.º de pedido",
                "ID de pedido",
                "N° de commande",
                "ID de commande");
        alias(
                AttendeeField.BARCODE,
                "barcode",
                "barcode #",
                "ticket secret",
                "secret",
                "qr code",
                "qr_code_url",
                "check-in url",
                "ticket key",
                "ticket barcode",
                "N.º de código de barras",
                "código de barras",
                "N° de code-barres",
                "code-barres");
        alias(
                AttendeeField.FIRST,
                "first",
                "first name",
                "given name",
                "forename",
                "ticket first name",
                "prénom",
                "nombre");
        alias(
                AttendeeField.LAST,
                "last",
                "last name",
                "surname",
                "family name",
                "ticket last name",
                "nom",
                "nom de famille",
                "apellido",
                "apellidos");
        alias(
                AttendeeField.FULL_NAME,
                "name",
                "full name",
                "attendee name",
                "ticket full name",
                "registrant name",
                "guest name",
                "nombre completo",
                "nom complet");
        alias(AttendeeField.PREFIX, "prefix", "salutation", "honorific", "name title");
        alias(AttendeeField.MIDDLE, "middle name", "middle");
        alias(AttendeeField.BADGE_NAME, "badge name", "name on badge", "preferred name", "nickname");
        alias(AttendeeField.PRONOUNS, "pronouns", "pronoun", "personal pronouns", "pronombres", "pronoms");
        alias(
                AttendeeField.EMAIL,
                "attendee email",
                "ticket email",
                "email",
                "email address",
                "correo electrónico",
                "correo",
                "courriel",
                "adresse e-mail",
                "adresse électronique");
        alias(
                AttendeeField.ORG,
                "org",
                "organization",
                "organisation",
                "company",
                "company name",
                "ticket company name",
                "company / organization",
                "affiliation",
                "employer",
                "agency",
                "organización",
                "empresa",
                "entreprise",
                "société");
        alias(AttendeeField.TITLE, "title", "job title", "position title", "puesto", "cargo", "fonction", "poste");
        alias(
                AttendeeField.TYPE,
                "type",
                "attendee type",
                "ticket type",
                "registration type",
                "product",
                "product name",
                "ticket name",
                "ticket",
                "category",
                "admission type",
                "tipo",
                "tipo de entrada",
                "type de billet",
                "billet");
        alias(
                AttendeeField.STATUS,
                "status",
                "attendee status",
                "registration status",
                "registration state",
                "approval_status",
                "order status",
                "estado",
                "estado del asistente",
                "statut",
                "statut du participant");
    }

    private static void alias(AttendeeField field, String... headers) {
        List<String> keys = new ArrayList<>();
        for (String h : headers) {
            keys.add(HeaderKey.key(h));
        }
        ALIASES.put(field, List.copyOf(keys));
    }

    private final Map<AttendeeField, Integer> columns;
    private final List<String> header;
    private final SourceFormat format;

    private ColumnMapping(List<String> header, Map<AttendeeField, Integer> columns, SourceFormat format) {
        this.header = List.copyOf(header);
        this.columns = columns;
        this.format = format;
    }

    /** Header text reduced to what distinguishes it: "Attendee #" and "Attendee no." become "attendeenumber". */
    static String key(String header) {
        return HeaderKey.key(header);
    }

    /**
     * Recognizes the header, then applies the explicit {@code field -> header} choices on top.
     *
     * @throws ImportException when an explicit header is not in the file, or no code or name column is found
     */
    public static ColumnMapping resolve(List<String> header, Map<AttendeeField, String> explicit, String description)
            throws ImportException {
        SourceFormat format = SourceFormat.detect(header);
        Map<AttendeeField, Integer> columns = recognize(header, format);
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
        ColumnMapping mapping = new ColumnMapping(header, columns, format);
        if (!columns.containsKey(AttendeeField.CODE) && !columns.containsKey(AttendeeField.ORDER)) {
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

    /**
     * For each field, the column whose header is earliest in that field's list of aliases (the
     * first such column on a tie); a column fills one field only, the first field to claim it in
     * {@link AttendeeField} order. Name parts under a prefix come before any alias.
     */
    private static Map<AttendeeField, Integer> recognize(List<String> header, SourceFormat format) {
        List<String> keys = header.stream().map(HeaderKey::key).toList();
        Map<AttendeeField, Integer> columns = new EnumMap<>(AttendeeField.class);
        boolean[] taken = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            AttendeeField part = HeaderKey.namePart(header.get(c));
            if (part != null && !columns.containsKey(part)) {
                columns.put(part, c);
                taken[c] = true;
            }
        }
        for (AttendeeField field : AttendeeField.values()) {
            if (columns.containsKey(field)) {
                continue;
            }
            List<String> aliases = format.overrides(field);
            if (aliases == null) {
                aliases = ALIASES.getOrDefault(field, List.of());
            }
            int best = Integer.MAX_VALUE;
            int bestColumn = -1;
            for (int c = 0; c < keys.size(); c++) {
                int rank = aliases.indexOf(keys.get(c));
                if (!taken[c] && rank >= 0 && rank < best) {
                    best = rank;
                    bestColumn = c;
                }
            }
            if (bestColumn >= 0) {
                columns.put(field, bestColumn);
                taken[bestColumn] = true;
            }
        }
        return columns;
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

    /** The header of the column that fills a field, if any. */
    public Optional<String> headerOf(AttendeeField field) {
        return column(field).map(header::get);
    }

    /** A column whose value becomes a field of its own, and so is not also kept as an extra field. */
    public boolean isMapped(int column) {
        for (var e : columns.entrySet()) {
            if (e.getValue() == column && !KEPT_AS_EXTRA.contains(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    public List<String> header() {
        return header;
    }

    /** The registration system the header looks like; {@link SourceFormat#OTHER} when none. */
    public SourceFormat format() {
        return format;
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
