package org.arrivals.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arrivals.checkin.CheckInResult;

/** How check-in and undo results read on a terminal and as JSON, and their exit codes. */
final class CheckInOutput {
    private CheckInOutput() {}

    static int print(CheckInResult r, String code, boolean json, PrintWriter out) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("result", result(r.outcome()));
            doc.put("code", r.attendee() != null ? r.attendee().code() : code);
            doc.put("name", r.attendee() != null ? r.attendee().displayName() : null);
            if (r.outcome() == CheckInResult.Outcome.REPLACED) {
                doc.put("reason", "replaced");
            }
            if (r.attendee() != null && r.outcome() == CheckInResult.Outcome.BLOCKED) {
                doc.put("status", r.attendee().status().label());
            }
            doc.put("at", r.arrival() != null ? r.arrival().checkedInAt() : null);
            doc.put("station", r.arrival() != null ? r.arrival().stationId() : null);
            doc.put("day", r.day());
            out.println(Json.write(doc));
        } else {
            out.println(sentence(r, code));
        }
        return switch (r.outcome()) {
            case CHECKED_IN, CHECKED_IN_OVERRIDE, UNDONE, PICKED_UP -> 0;
            case ALREADY_CHECKED_IN, NOT_CHECKED_IN, ALREADY_PICKED_UP -> 3;
            case NOT_FOUND, INVALID, REPLACED -> 4;
            case BLOCKED, NOT_ALLOWED, NEEDS_REASON -> 5;
            case IN_THE_FUTURE -> ArrivalsCommand.NOTHING_DONE;
        };
    }

    private static String result(CheckInResult.Outcome o) {
        return switch (o) {
            case CHECKED_IN, CHECKED_IN_OVERRIDE -> "ok";
            case UNDONE -> "undone";
            case ALREADY_CHECKED_IN -> "already";
            case NOT_CHECKED_IN -> "not-checked-in";
            case BLOCKED -> "blocked";
            case NOT_FOUND -> "unknown";
            case INVALID, REPLACED -> "invalid";
            case NOT_ALLOWED -> "not-allowed";
            case NEEDS_REASON -> "needs-reason";
            case PICKED_UP -> "picked-up";
            case ALREADY_PICKED_UP -> "already-picked-up";
            case IN_THE_FUTURE -> "in-the-future";
        };
    }

    private static String sentence(CheckInResult r, String code) {
        return switch (r.outcome()) {
            case CHECKED_IN ->
                r.attendee().displayName() + " (" + r.attendee().code() + ") is checked in"
                        + (r.day() == null ? "" : " for " + r.day()) + ".";
            case CHECKED_IN_OVERRIDE ->
                r.attendee().displayName() + " (" + r.attendee().code() + ") is checked in over a "
                        + r.attendee().status().label() + " registration; the override is recorded.";
            case ALREADY_CHECKED_IN ->
                r.attendee().displayName() + " (" + r.attendee().code()
                        + ") was already checked in" + (r.day() == null ? "" : " on " + r.day()) + " at "
                        + r.arrival().stationId() + " at "
                        + r.arrival().checkedInAt()
                        + ". Nothing was recorded.";
            case BLOCKED ->
                r.attendee().displayName() + " (" + r.attendee().code() + ") has a "
                        + r.attendee().status().label()
                        + " registration. If a staff member admits them, use --override \"reason\".";
            case UNDONE ->
                "The check-in of " + r.attendee().displayName() + " ("
                        + r.attendee().code() + ") is undone.";
            case NOT_CHECKED_IN ->
                r.attendee().displayName() + " (" + r.attendee().code() + ") is not checked in; nothing to undo.";
            case NOT_FOUND -> "No attendee has the code " + code + ".";
            case INVALID -> "This badge code is not valid: it was altered, forged or made for another event.";
            case REPLACED ->
                "This badge was replaced by a reprint: its code no longer checks anyone in. Ask for the new badge"
                        + " (or reprint it with a reason).";
            case NOT_ALLOWED -> "This needs the " + r.needs().id() + "'s authority. Nothing was recorded.";
            case NEEDS_REASON ->
                "Give the reason for checking in over a "
                        + r.attendee().status().label()
                        + " registration with --override \"reason\". Nothing was recorded.";
            case PICKED_UP ->
                r.attendee().displayName() + " (" + r.attendee().code()
                        + ") picked up their badge; this is not counted as an entry.";
            case ALREADY_PICKED_UP ->
                r.attendee().displayName() + " (" + r.attendee().code()
                        + ") already picked up their badge. Nothing was recorded; a lost badge is reprinted with"
                        + " 'arrivals reprint'.";
            case IN_THE_FUTURE ->
                "--at is a time still to come; a check-in at a past time needs a past time. Nothing " + "was recorded.";
        };
    }
}
