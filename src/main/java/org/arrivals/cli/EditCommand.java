package org.arrivals.cli;

import java.util.EnumMap;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Correct badge fields on site (a misspelt name). Each change is recorded with its old and new "
                + "value, and stays through later imports. An empty value (--badge-name \"\") removes the correction."})
final class EditCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Option(names = "--first", paramLabel = "F")
    String first;

    @Option(names = "--last", paramLabel = "L")
    String last;

    @Option(names = "--badge-name", paramLabel = "B")
    String badgeName;

    @Option(names = "--pronouns", paramLabel = "P")
    String pronouns;

    @Option(names = "--org", paramLabel = "O")
    String org;

    @Option(names = "--title", paramLabel = "T")
    String title;

    @Option(names = "--type", paramLabel = "T")
    String type;

    @Option(names = "--email", paramLabel = "E")
    String email;

    @Override
    int run(Station station) {
        Map<AttendeeField, String> changes = new EnumMap<>(AttendeeField.class);
        put(changes, AttendeeField.FIRST, first);
        put(changes, AttendeeField.LAST, last);
        put(changes, AttendeeField.BADGE_NAME, badgeName);
        put(changes, AttendeeField.PRONOUNS, pronouns);
        put(changes, AttendeeField.ORG, org);
        put(changes, AttendeeField.TITLE, title);
        put(changes, AttendeeField.TYPE, type);
        put(changes, AttendeeField.EMAIL, email);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("Name at least one field to change, for example --badge-name \"Bob\".");
        }
        Attendee a = station.checkIns().edit(code, changes);
        out().println(a.code() + " now reads: " + a.displayName()
                + (a.organization() == null ? "" : ", " + a.organization()));
        return 0;
    }

    private static void put(Map<AttendeeField, String> m, AttendeeField f, String v) {
        if (v != null) {
            m.put(f, v);
        }
    }
}
