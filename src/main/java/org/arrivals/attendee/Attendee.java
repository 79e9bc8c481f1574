package org.arrivals.attendee;

import java.util.Map;

/**
 * One registered person as the station shows them: imported values with on-site edits applied.
 * {@code lastName} is empty for people with a single name; {@code barcode} is null when the
 * registration system gave none.
 */
public record Attendee(
        long id,
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
        Map<String, String> extra,
        boolean walkIn) {

    public Attendee {
        extra = Map.copyOf(extra);
    }

    /** The name to print large: the badge name when given, else first and last. */
    public String displayName() {
        if (badgeName != null && !badgeName.isBlank()) {
            return badgeName;
        }
        return lastName.isEmpty() ? firstName : firstName + " " + lastName;
    }
}
