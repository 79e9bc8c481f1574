package org.arrivals.cli;

import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = {
            "Correct badge fields on site (a misspelt name). Each change is recorded with its old and new "
                    + "value, and stays through later imports. An empty value (--badge-name \"\") removes the correction."
        })
final class EditCommand extends StationCommand {
    @Parameters(paramLabel = "CODE")
    String code;

    @Mixin
    PersonFields person;

    @Override
    int run(Station station) {
        Map<AttendeeField, String> changes = person.changes();
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("Name at least one field to change, for example --badge-name \"Bob\".");
        }
        var r = station.checkIns().edit(CLI, code, changes);
        switch (r.outcome()) {
            case NOT_FOUND -> {
                err().println("arrivals edit: no attendee has the code " + code + ".");
                return 4;
            }
            case NOT_EDITABLE -> throw new IllegalArgumentException(r.field().cliName() + " cannot be edited on site.");
            case NOT_ALLOWED -> throw new IllegalStateException("Editing needs a volunteer's authority.");
            default -> {}
        }
        Attendee a = r.attendee();
        out().println(a.code() + " now reads: " + a.displayName()
                + (a.organization() == null ? "" : ", " + a.organization()));
        return 0;
    }
}
