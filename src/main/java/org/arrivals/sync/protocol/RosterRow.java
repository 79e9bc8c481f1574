package org.arrivals.sync.protocol;

import java.util.Map;

/** One attendee of the roster the organizers imported at the hub. */
public record RosterRow(String code, String barcode, String firstName, String lastName, String badgeName,
                        String pronouns, String email, String organization, String title, String type, String status,
                        Map<String, String> extra) {
}
