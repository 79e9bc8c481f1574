package org.arrivals.attendee;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where a registration stands in the registration system; only ATTENDING people check in unchallenged. */
public enum RegistrationStatus {
    ATTENDING,
    CANCELLED,
    REFUNDED,
    PENDING;

    /**
     * The words registration systems export for each status (Eventbrite "Attending" and "Checked In",
     * Cvent "Accepted", pretix "Paid" and "Canceled"), compared case-insensitively.
     */
    private static final Map<String, RegistrationStatus> WORDS = Map.ofEntries(
            Map.entry("attending", ATTENDING),
            Map.entry("accepted", ATTENDING),
            Map.entry("registered", ATTENDING),
            Map.entry("confirmed", ATTENDING),
            Map.entry("paid", ATTENDING),
            Map.entry("complete", ATTENDING),
            Map.entry("completed", ATTENDING),
            Map.entry("checked in", ATTENDING),
            Map.entry("active", ATTENDING),
            Map.entry("approved", ATTENDING),
            Map.entry("valid", ATTENDING),
            Map.entry("free", ATTENDING),
            Map.entry("cancelled", CANCELLED),
            Map.entry("canceled", CANCELLED),
            Map.entry("not attending", CANCELLED),
            Map.entry("declined", CANCELLED),
            Map.entry("deleted", CANCELLED),
            Map.entry("void", CANCELLED),
            Map.entry("voided", CANCELLED),
            Map.entry("expired", CANCELLED),
            Map.entry("transferred", CANCELLED),
            Map.entry("refunded", REFUNDED),
            Map.entry("partially refunded", REFUNDED),
            Map.entry("pending", PENDING),
            Map.entry("unpaid", PENDING),
            Map.entry("waitlisted", PENDING),
            Map.entry("wait list", PENDING),
            Map.entry("waitlist", PENDING),
            Map.entry("awaiting approval", PENDING),
            Map.entry("in progress", PENDING),
            Map.entry("incomplete", PENDING));

    /** A blank status means attending: plain lists often carry no status column at all. */
    public static Optional<RegistrationStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(ATTENDING);
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        RegistrationStatus s = WORDS.get(key);
        if (s == null) {
            try {
                s = valueOf(key.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notOurs) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
