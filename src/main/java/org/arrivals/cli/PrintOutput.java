package org.arrivals.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintService;

/** How print results and the queue read on a terminal and as JSON. Exit 0: handed over; 6: not printed. */
final class PrintOutput {
    static final int NOT_PRINTED = 6;

    private PrintOutput() {}

    static int print(PrintService.Outcome o, boolean json, PrintWriter out) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (o.job() != null) {
                doc.putAll(job(o.job()));
            }
            doc.put("message", o.message());
            out.println(Json.write(doc));
        } else if (o.job() == null) {
            out.println(o.message());
        } else {
            out.println("Job " + o.job().id() + ": "
                    + switch (o.job().state()) {
                        case DONE -> "the badge is with the printer.";
                        case SENT -> o.message();
                        case FAILED -> "not printed. " + o.message();
                        default -> o.job().state().name().toLowerCase(java.util.Locale.ROOT) + ".";
                    });
        }
        return o.handedOver() ? 0 : NOT_PRINTED;
    }

    static Map<String, Object> job(PrintJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("code", j.attendeeCode());
        m.put("printer", j.printer());
        m.put("state", j.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("attempts", j.attempts());
        m.put("error", j.error());
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
                    "%5d  %-14s %-24s %-9s %d tries%s%n",
                    j.id(),
                    j.attendeeCode(),
                    j.printer(),
                    j.state().name().toLowerCase(java.util.Locale.ROOT),
                    j.attempts(),
                    j.error() == null ? "" : "  " + j.error());
        }
    }
}
