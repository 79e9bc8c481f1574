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
        Map<String, String> extra) {}
