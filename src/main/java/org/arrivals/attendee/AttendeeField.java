package org.arrivals.attendee;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The roster fields an import can fill, by the names {@code --map field=Header} uses. */
public enum AttendeeField {
    CODE("code"),
    BARCODE("barcode"),
    FIRST("first"),
    LAST("last"),
    /** A whole name in one column, used only when the file has no first-name column. */
    FULL_NAME("name"),
    BADGE_NAME("badgeName"),
    PRONOUNS("pronouns"),
    EMAIL("email"),
    ORG("org"),
    TITLE("title"),
    TYPE("type"),
    STATUS("status"),
    /** pretix numbers each position of an order; the code is then ORDER-POSITION. */
    POSITION("position"),
    /**
     * The order a ticket belongs to. It is the code only when the file has no per-attendee code;
     * an order of several tickets then gives each ticket its own code (see the import notes).
     * Kept with the attendee as an extra field too.
     */
    ORDER("order"),
    /** A title or salutation before the name (Dr, Mx); kept as an extra field, not printed. */
    PREFIX("prefix"),
    /** A middle name; kept as an extra field: the badge uses the given and family names. */
    MIDDLE("middle");

    private final String cliName;

    AttendeeField(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<AttendeeField> byCliName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.cliName.toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    public static String cliNames() {
        return Arrays.stream(values()).map(AttendeeField::cliName).collect(Collectors.joining(", "));
    }
}
