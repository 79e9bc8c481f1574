package org.arrivals.badge;

import org.arrivals.attendee.Attendee;

/**
 * Fills a text element's placeholders: {name} (the badge name, else first and last), {first},
 * {last}, {org}, {title}, {pronouns}, {type}, {track} (an extra field of the import), {event}.
 * A missing value is empty: the element then prints nothing.
 */
final class Placeholders {
    private Placeholders() {}

    static String fill(String template, Attendee a, String eventName) {
        return template.replace("{name}", a.displayName())
                .replace("{first}", a.badgeName() != null && !a.badgeName().isBlank() ? a.badgeName() : a.firstName())
                .replace("{last}", a.badgeName() != null && !a.badgeName().isBlank() ? "" : a.lastName())
                .replace("{org}", nz(a.organization()))
                .replace("{title}", nz(a.title()))
                .replace("{pronouns}", nz(a.pronouns()))
                .replace("{type}", nz(a.type()))
                .replace("{track}", nz(a.extra().getOrDefault("track", a.extra().get("Track"))))
                .replace("{event}", nz(eventName))
                .strip();
    }

    /**
     * The same text with the name's middle names as initials, for a name too long for its box:
     * "María de los Ángeles Gutiérrez" becomes "María d. l. Á. Gutiérrez". Family names stay whole.
     * Null when the text has no {name} or the name has no middle names.
     */
    static String withShortName(String template, Attendee a, String eventName) {
        if (!template.contains("{name}")
                || (a.badgeName() != null && !a.badgeName().isBlank())) {
            return null;
        }
        String[] given = a.firstName().strip().split("\\s+");
        if (given.length < 2) {
            return null;
        }
        StringBuilder b = new StringBuilder(given[0]);
        for (int i = 1; i < given.length; i++) {
            b.append(' ').append(given[i], 0, given[i].offsetByCodePoints(0, 1)).append('.');
        }
        String shortName = a.lastName().isEmpty() ? b.toString() : b + " " + a.lastName();
        return fill(template.replace("{name}", shortName.replace("{", "")), a, eventName);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
