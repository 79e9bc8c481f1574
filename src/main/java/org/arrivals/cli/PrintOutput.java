package org.arrivals.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arrivals.i18n.Texts;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintOutcome;
import org.arrivals.print.PrinterState;

/** How print results and the queue read on a terminal and as JSON. Exit 0: handed over; 6: not printed. */
final class PrintOutput {
    static final int NOT_PRINTED = 6;

    /** How long a command waits for the print worker's first attempt at its badge. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final Texts WORDS = Texts.english();

    private PrintOutput() {}

    static int print(PrintOutcome o, boolean json, PrintWriter out) {
        String message = message(o);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (o.job() != null) {
                doc.putAll(job(o.job()));
            }
            doc.put("message", message);
            out.println(Json.write(doc));
        } else if (o.job() == null) {
            out.println(message);
        } else {
            out.println("Job " + o.job().id() + ": "
                    + (o.result() == PrintOutcome.Result.HANDED_OVER ? "the badge is with the printer." : message));
        }
        return o.handedOver() ? 0 : NOT_PRINTED;
    }

    /** A sentence for anything but a plain success; null when the printer simply has the badge. */
    static String message(PrintOutcome o) {
        String printer = o.job() == null ? null : o.job().printer();
        return switch (o.result()) {
            case HANDED_OVER -> null;
            case HELD, NOT_PRINTED -> WORDS.printer(o.printer(), printer);
            case QUEUED, STILL_QUEUED -> "The badge waits in the print queue; the printer has not taken it yet.";
            case ALREADY_HAS_BADGE ->
                (o.job() == null ? "This person" : o.job().attendeeCode())
                        + " already has a badge. To print another, reprint it with a reason (lost, damaged, name corrected).";
            case NO_PRINTER -> WORDS.t("printer.NOT_CHOSEN");
            case NOT_FOUND -> "No attendee has this code.";
            case NEEDS_REASON -> "A reprint needs a reason: lost, damaged or name corrected.";
            case NOT_ALLOWED -> "This needs a supervisor's authority.";
            case NO_SUCH_JOB -> "There is no such print job.";
            case NOT_WAITING ->
                "Job " + o.job().id() + " is "
                        + o.job().state().name().toLowerCase(Locale.ROOT)
                        + "; only waiting or failed jobs are retried or"
                        + " cancelled.";
            case CANCELLED -> "Job " + o.job().id() + " is cancelled.";
            case BAD_TEMPLATE -> WORDS.t("badge.badTemplate");
        };
    }

    static Map<String, Object> job(PrintJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("code", j.attendeeCode());
        m.put("printer", j.printer());
        m.put("state", j.state().name().toLowerCase(Locale.ROOT));
        m.put("attempts", j.attempts());
        m.put("error", j.problem() == null ? null : WORDS.printer(PrinterState.of(j.problem()), j.printer()));
        if (j.problem() != null) {
            m.put("problem", j.problem().name());
        }
        if (j.reprintReason() != null) {
            m.put("reprintReason", j.reprintReason());
        }
        return m;
    }

    static void queue(List<PrintJob> jobs, boolean json, PrintWriter out) {
        if (json) {
            out.println(Json.write(jobs.stream().map(PrintOutput::job).toList()));
            return;
        }
        if (jobs.isEmpty()) {
            out.println("The print queue is empty.");
        }
        for (PrintJob j : jobs) {
            out.printf(
                    "%5d  %-14s %-24s %-10s %d tries%s%n",
                    j.id(),
                    j.attendeeCode(),
                    j.printer(),
                    j.state().name().toLowerCase(Locale.ROOT),
                    j.attempts(),
                    j.problem() == null ? "" : "  " + WORDS.printer(PrinterState.of(j.problem()), j.printer()));
        }
    }
}
