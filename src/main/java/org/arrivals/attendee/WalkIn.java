package org.arrivals.attendee;

import java.text.Normalizer;

/** What a volunteer types to register someone who is not on the list. */
public record WalkIn(
        String firstName,
        String lastName,
        String badgeName,
        String pronouns,
        String email,
        String organization,
        String title,
        String type) {

    public WalkIn {
        firstName = clean(firstName);
        lastName = clean(lastName) == null ? "" : clean(lastName);
        badgeName = clean(badgeName);
        pronouns = clean(pronouns);
        email = clean(email);
        organization = clean(organization);
        title = clean(title);
        type = clean(type) == null ? "General Admission" : clean(type);
        if (firstName == null) {
            throw new IllegalArgumentException("A walk-in needs at least a first name (or their only name).");
        }
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }
}
