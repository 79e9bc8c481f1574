package org.arrivals.cli;

import java.util.EnumMap;
import java.util.Map;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.WalkIn;
import picocli.CommandLine.Option;

/** The badge fields a volunteer may type: shared by {@code walkin} and {@code edit}. */
final class PersonFields {
    @Option(names = "--first", paramLabel = "F", description = "First name (or their only name).")
    String first;

    @Option(names = "--last", paramLabel = "L", description = "Last name, if they have one.")
    String last;

    @Option(names = "--badge-name", paramLabel = "B", description = "The name to print large, if not first and last.")
    String badgeName;

    @Option(names = "--pronouns", paramLabel = "P")
    String pronouns;

    @Option(names = "--org", paramLabel = "O")
    String org;

    @Option(names = "--title", paramLabel = "T")
    String title;

    @Option(
            names = "--type",
            paramLabel = "T",
            description = "Attendee type (a walk-in defaults to General Admission).")
    String type;

    @Option(names = "--email", paramLabel = "E")
    String email;

    WalkIn walkIn() {
        return new WalkIn(first, last, badgeName, pronouns, email, org, title, type);
    }

    /** The fields given on the command line; an empty value means "remove the correction". */
    Map<AttendeeField, String> changes() {
        Map<AttendeeField, String> m = new EnumMap<>(AttendeeField.class);
        put(m, AttendeeField.FIRST, first);
        put(m, AttendeeField.LAST, last);
        put(m, AttendeeField.BADGE_NAME, badgeName);
        put(m, AttendeeField.PRONOUNS, pronouns);
        put(m, AttendeeField.ORG, org);
        put(m, AttendeeField.TITLE, title);
        put(m, AttendeeField.TYPE, type);
        put(m, AttendeeField.EMAIL, email);
        return m;
    }

    private static void put(Map<AttendeeField, String> m, AttendeeField f, String v) {
        if (v != null) {
            m.put(f, v);
        }
    }
}
