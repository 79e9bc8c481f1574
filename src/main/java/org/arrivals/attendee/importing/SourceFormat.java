package org.arrivals.attendee.importing;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arrivals.attendee.AttendeeField;

/**
 * The registration system a file came from, recognized by the headers only that system writes.
 * Most columns are found by the shared alias table in {@link ColumnMapping}; a format only names
 * the columns whose meaning differs from the shared table (Indico's "Title" is a salutation and
 * its "Position" the job title; Hi.Events' "Public ID" is the attendee's code).
 *
 * <p>kiosk-config/README.md lists each format's columns and where their names come from.
 */
public enum SourceFormat {
    /** Eventbrite's attendee summary and custom reports, in the US, UK, Canadian, Australian, Spanish and French locales. */
    EVENTBRITE(
            "eventbrite",
            2,
            null,
            List.of(
                    "Attendee #",
                    "Order #",
                    "Barcode #",
                    "Attendee Status",
                    "Order Type",
                    "Eventbrite Fees",
                    "Eventbrite Payment Processing",
                    "N.º de asistente",
                    "N.º de pedido",
                    "N.º de código de barras",
                    "Estado del asistente",
                    "Tipo de pedido",
                    "N° de participant",
                    "N° de commande",
                    "N° de code-barres",
                    "Statut du participant",
                    "Type de commande"),
            Map.of()),
    /** pretix's check-in list and its order data export (one row per position). */
    PRETIX(
            "pretix",
            2,
            "Order code",
            List.of(
                    "Order code",
                    "Position ID",
                    "Secret",
                    "Ticket secret",
                    "Attendee name",
                    "Automatically checked in",
                    "Requires special attention",
                    "Pseudonymization ID",
                    "Voucher code",
                    "Attendee email",
                    "Invoice address name"),
            Map.of()),
    CVENT(
            "cvent",
            2,
            "Confirmation Number",
            List.of(
                    "Confirmation Number",
                    "Registration Type",
                    "Registration Status",
                    "Email Address",
                    "Company Name",
                    "Registration Date"),
            Map.of()),
    TITO(
            "tito",
            2,
            null,
            List.of(
                    "Ticket Reference",
                    "Order Reference",
                    "Ticket Full Name",
                    "Ticket First Name",
                    "Ticket Last Name",
                    "Ticket Email",
                    "Ticket Company Name",
                    "Unique Ticket URL"),
            Map.of()),
    HI_EVENTS(
            "hievents",
            2,
            null,
            List.of("Public ID", "Short ID", "Is Checked In", "Checked In At", "Product ID", "Product Name"),
            Map.of(AttendeeField.CODE, List.of("Public ID", "ID"))),
    LUMA(
            "luma",
            2,
            null,
            List.of(
                    "api_id",
                    "guest_id",
                    "approval_status",
                    "qr_code_url",
                    "ticket_name",
                    "ticket_type_id",
                    "checked_in_at",
                    "custom_source"),
            Map.of()),
    /** Indico's registrant export (the registrations list's CSV or Excel download). */
    INDICO(
            "indico",
            2,
            null,
            List.of("Registration date", "Registration state", "Check-in date", "Checked in", "Affiliation"),
            Map.of(
                    AttendeeField.CODE, List.of("ID"),
                    AttendeeField.PREFIX, List.of("Title"),
                    AttendeeField.TITLE, List.of("Position", "Job title"))),
    /** kiosk-config/import-template.csv. */
    TEMPLATE(
            "template",
            3,
            "code",
            List.of("code", "first_name", "last_name", "badge_name", "organization", "pronouns"),
            Map.of()),
    /** Anything else: the shared alias table alone. */
    OTHER("other", Integer.MAX_VALUE, null, List.of(), Map.of());

    private final String id;
    private final int enough;
    private final String required;
    private final Set<String> markers = new HashSet<>();
    private final Map<AttendeeField, List<String>> overrides = new EnumMap<>(AttendeeField.class);

    SourceFormat(
            String id, int enough, String required, List<String> markers, Map<AttendeeField, List<String>> overrides) {
        this.id = id;
        this.enough = enough;
        this.required = required == null ? null : HeaderKey.key(required);
        markers.forEach(m -> this.markers.add(HeaderKey.key(m)));
        overrides.forEach((f, headers) ->
                this.overrides.put(f, headers.stream().map(HeaderKey::key).toList()));
    }

    /** The name the CLI's JSON and the staff screen use: "eventbrite", "pretix", ... */
    public String id() {
        return id;
    }

    /** Header keys (see {@link HeaderKey}) this format reads for a field instead of the shared ones, or null. */
    List<String> overrides(AttendeeField field) {
        return overrides.get(field);
    }

    /** The format whose own headers the file has most of; {@link #OTHER} when none has enough. */
    static SourceFormat detect(List<String> header) {
        Set<String> keys = new HashSet<>();
        header.forEach(h -> keys.add(HeaderKey.key(h)));
        SourceFormat best = OTHER;
        int bestScore = 0;
        for (SourceFormat f : values()) {
            if (f == OTHER || (f.required != null && !keys.contains(f.required))) {
                continue;
            }
            int score = 0;
            for (String m : f.markers) {
                if (keys.contains(m)) {
                    score++;
                }
            }
            if (score >= f.enough && score > bestScore) {
                best = f;
                bestScore = score;
            }
        }
        return best;
    }
}
