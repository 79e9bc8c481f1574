package org.arrivals.attendee;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registered person as the station shows them: imported values with on-site edits applied.
 * {@code lastName} is empty for people with a single name; {@code barcode} is null when the
 * registration system gave none. {@code extra} keeps the order of the columns in the imported file.
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
        // In the source file's column order (the export keeps it), and unchangeable.
        extra = extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * The name to print large: the badge name when given, else first and last. Chinese, Japanese
     * and Korean names written in their own script put the family name first, with no space
     * (王小明, 김민준), as their bearers write them.
     */
    public String displayName() {
        if (badgeName != null && !badgeName.isBlank()) {
            return badgeName;
        }
        return legalName();
    }

    /** The name as registered (first and last, family name first in CJK scripts), whatever the badge says. */
    public String legalName() {
        if (lastName.isEmpty()) {
            return firstName;
        }
        return isEastAsian(firstName) && isEastAsian(lastName) ? lastName + firstName : firstName + " " + lastName;
    }

    /**
     * The name a volunteer checks against an ID: the badge name and, when it differs, the
     * registered name ("Chema — José María Cruz-García del Valle").
     */
    public String nameForDesk() {
        String legal = legalName();
        return displayName().equals(legal) ? legal : displayName() + " — " + legal;
    }

    /** The current value of a field a person may correct on site; null where there is none. */
    public String editableValue(AttendeeField f) {
        return switch (f) {
            case FIRST -> firstName;
            case LAST -> lastName.isEmpty() ? null : lastName;
            case BADGE_NAME -> badgeName;
            case PRONOUNS -> pronouns;
            case EMAIL -> email;
            case ORG -> organization;
            case TITLE -> title;
            case TYPE -> type;
            default -> throw new IllegalArgumentException(f.cliName() + " cannot be edited on site.");
        };
    }

    private static boolean isEastAsian(String s) {
        return !s.isEmpty()
                && s.codePoints().allMatch(cp -> {
                    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
                    return sc == Character.UnicodeScript.HAN
                            || sc == Character.UnicodeScript.HANGUL
                            || sc == Character.UnicodeScript.HIRAGANA
                            || sc == Character.UnicodeScript.KATAKANA;
                });
    }
}
