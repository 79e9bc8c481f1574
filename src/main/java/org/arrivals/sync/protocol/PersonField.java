package org.arrivals.sync.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a person that a walk-in carries and an on-site edit may change, by the key both
 * use in an event's details, with the longest value the roster's columns hold at a station and at
 * the hub. A value longer than that would be refused by the first roster it reached.
 */
public enum PersonField {
    FIRST("first", WireField.FIRST_NAME, 1000, Chars.TEXT),
    LAST("last", WireField.LAST_NAME, 1000, Chars.TEXT),
    BADGE_NAME("badgeName", WireField.BADGE_NAME, 1000, Chars.TEXT),
    PRONOUNS("pronouns", WireField.PRONOUNS, 200, Chars.TEXT),
    EMAIL("email", WireField.EMAIL, 1000, Chars.TEXT),
    ORG("org", WireField.ORGANIZATION, 1000, Chars.TEXT),
    TITLE("title", WireField.TITLE, 1000, Chars.TEXT),
    TYPE("type", WireField.TYPE, 200, Chars.LINE);

    /** The longest value of any of them (and of an on-site correction at a station). */
    public static final int MAX_LENGTH = 1000;

    private final String key;
    private final WireField rosterField;
    private final int maxLength;
    private final Chars chars;

    PersonField(String key, WireField rosterField, int maxLength, Chars chars) {
        this.key = key;
        this.rosterField = rosterField;
        this.maxLength = maxLength;
        this.chars = chars;
    }

    /** The key in a walk-in's details, and the {@code field} an edit names. */
    public String key() {
        return key;
    }

    /** The same field in a roster row. */
    public WireField rosterField() {
        return rosterField;
    }

    public int maxLength() {
        return maxLength;
    }

    public Chars chars() {
        return chars;
    }

    public static Optional<PersonField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
