package org.arrivals.attendee.importing;

import java.util.Map;
import org.arrivals.attendee.RegistrationStatus;

/** One attendee as a file describes them, cleaned and validated, before it meets the store. */
public record ImportedRow(
        long line,
        String code,
        String barcode,
        String firstName,
        String lastName,
        String badgeName,
        String pronouns,
        String email,
        String organization,
        String title,
        String type,
        RegistrationStatus status,
        Map<String, String> extra) {

    /** The same row under another registration code. */
    public ImportedRow withCode(String newCode) {
        return new ImportedRow(
                line,
                newCode,
                barcode,
                firstName,
                lastName,
                badgeName,
                pronouns,
                email,
                organization,
                title,
                type,
                status,
                extra);
    }

    /** The same row with another barcode (null for none). */
    public ImportedRow withBarcode(String newBarcode) {
        return new ImportedRow(
                line,
                code,
                newBarcode,
                firstName,
                lastName,
                badgeName,
                pronouns,
                email,
                organization,
                title,
                type,
                status,
                extra);
    }
}
