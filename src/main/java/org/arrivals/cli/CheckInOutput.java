package org.arrivals.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arrivals.checkin.CheckInResult;

/** How check-in and undo results read on a terminal, and their exit codes. */
final class CheckInOutput {
    private CheckInOutput() {
    }

    static int print(CheckInResult r, String code, boolean json, PrintWriter out) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("code", code);
            doc.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (r.attendee() != null) {
                doc.put("status", r.attendee().status().label());
            }
            if (r.arrival() != null) {
                doc.put("checkedIn", r.arrival().checkedIn());
                doc.put("checkedInAt", r.arrival().checkedInAt());
                doc.put("station", r.arrival().stationId());
            }
            out.println(Json.write(doc));
        } else {
            out.println(sentence(r, code));
        }
        return switch (r.outcome()) {
            case CHECKED_IN, CHECKED_IN_OVERRIDE, UNDONE -> 0;
            case ALREADY_CHECKED_IN, NOT_CHECKED_IN -> 3;
            case BLOCKED -> 4;
            case NOT_FOUND -> 5;
        };
    }

    private static String sentence(CheckInResult r, String code) {
        return switch (r.outcome()) {
            case CHECKED_IN -> r.attendee().displayName() + " (" + code + ") is checked in.";
            case CHECKED_IN_OVERRIDE -> r.attendee().displayName() + " (" + code + ") is checked in over a "
                    + r.attendee().status().label() + " registration; the override is recorded.";
            case ALREADY_CHECKED_IN -> r.attendee().displayName() + " (" + code + ") was already checked in at "
                    + r.arrival().stationId() + " at " + r.arrival().checkedInAt() + ". Nothing was recorded.";
            case BLOCKED -> r.attendee().displayName() + " (" + code + ") has a " + r.attendee().status().label()
                    + " registration. Use --override if a staff member has decided to admit them.";
            case UNDONE -> "The check-in of " + r.attendee().displayName() + " (" + code + ") is undone.";
            case NOT_CHECKED_IN -> r.attendee().displayName() + " (" + code + ") is not checked in; nothing to undo.";
            case NOT_FOUND -> "No attendee has the code " + code + ".";
        };
    }
}
