package org.arrivals.attendee.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.arrivals.attendee.AttendeeField;

/**
 * A column header reduced to what distinguishes it, so that the same column written by different
 * exporters and locales compares equal: "Attendee #", "Attendee no.", "attendee_number" and
 * "AttendeeNumber" all become {@code attendeenumber}; "N.º de pedido" and "N° de commande" read
 * their number sign as "number" too.
 *
 * <p>Case, accents, spaces and punctuation are dropped; camelCase and snake_case split into words;
 * {@code #}, {@code no.}, {@code nr}, {@code nº}, {@code n°} and {@code número} read as "number".
 */
final class HeaderKey {
    private HeaderKey() {}

    /** Words that stand for "number" in the exporters' headers. */
    private static final Set<String> NUMBER_WORDS = Set.of("number", "no", "nr", "nro", "num", "numero", "nbr");

    /** Prefixes under which an exporter lists the parts of the attendee's name ("Attendee name: First name"). */
    private static final Set<String> NAME_PREFIXES = Set.of(
            "attendeename",
            "name",
            "participantname",
            "ticketholdername",
            "holdername",
            "nombredelasistente",
            "nomduparticipant");

    static String key(String header) {
        return String.join("", words(header));
    }

    /** The header's words, lower case, without accents, with number signs read as "number". */
    static List<String> words(String header) {
        String h = header == null ? "" : header.strip();
        // camelCase: "firstName" is "first Name"; a run of capitals stays one word ("QRCode" -> "QRCode").
        h = h.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
        h = Normalizer.normalize(h, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("#", " number ");
        List<String> raw = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        h.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
            } else if (!w.isEmpty()) {
                raw.add(w.toString());
                w.setLength(0);
            }
        });
        if (!w.isEmpty()) {
            raw.add(w.toString());
        }
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i);
            if (NUMBER_WORDS.contains(t)) {
                out.add("number");
            } else if (t.equals("n") && i + 1 < raw.size() && raw.get(i + 1).equals("o")) {
                out.add("number"); // "N.º" decomposes to "N.o"
                i++;
            } else if (t.equals("n")
                    && i + 1 < raw.size()
                    && (raw.get(i + 1).equals("de") || raw.get(i + 1).equals("du"))) {
                out.add("number"); // "N° de commande": the degree sign is not a letter
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The name part a header such as "Attendee name: Family name" carries, or null when the
     * header is not a part of the attendee's name. "Invoice address name: ..." (the buyer) is not.
     */
    static AttendeeField namePart(String header) {
        int colon = header == null ? -1 : header.indexOf(':');
        if (colon <= 0 || !NAME_PREFIXES.contains(key(header.substring(0, colon)))) {
            return null;
        }
        return switch (key(header.substring(colon + 1))) {
            case "title", "salutation", "prefix" -> AttendeeField.PREFIX;
            case "firstname", "givenname", "forename", "first", "given" -> AttendeeField.FIRST;
            case "middlename", "middle" -> AttendeeField.MIDDLE;
            case "familyname", "lastname", "surname", "last", "family" -> AttendeeField.LAST;
            default -> null;
        };
    }
}
