package org.arrivals.sync.protocol;

import java.util.Map;

/**
 * One attendee of the hub's roster: imported by the organizers, or a walk-in registered at a
 * station ({@code walkIn}); edits made at stations are laid over the values.
 */
public record RosterRow(
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
        String status,
        Map<String, String> extra,
        boolean walkIn) {

    /** An imported row (not a walk-in). */
    public RosterRow(
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
            String status,
            Map<String, String> extra) {
        this(
                code,
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
                extra,
                false);
    }
}
