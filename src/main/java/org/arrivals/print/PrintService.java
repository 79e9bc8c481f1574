package org.arrivals.print;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.badge.BadgeRenderer;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.TemplateLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints badges through the persistent queue: a job is written before anything is sent, so a
 * printer problem (or a crash) never loses it; it is handed to the printer at once, and a failure
 * leaves it waiting with a sentence for a person to retry or cancel. A person's first badge is
 * printed once; another needs a reason and is recorded as a reprint.
 */
public final class PrintService {
    private static final Logger LOG = LoggerFactory.getLogger(PrintService.class);

    private final PrintQueue queue;
    private final AttendeeStore attendees;
    private final BadgeRenderer renderer;
    private final Function<String, Printer> printers;
    private final Path configDir;
    private final BadgeEvents events;

    public PrintService(
            PrintQueue queue,
            AttendeeStore attendees,
            BadgeRenderer renderer,
            Function<String, Printer> printers,
            Path configDir,
            BadgeEvents events) {
        this.queue = queue;
        this.attendees = attendees;
        this.renderer = renderer;
        this.printers = printers;
        this.configDir = configDir;
        this.events = events;
    }

    /** What happened to a request to print: the job, and a sentence when it did not print yet. */
    public record Outcome(PrintJob job, String message) {
        public boolean handedOver() {
            return job != null && (job.state() == PrintJob.State.DONE || job.state() == PrintJob.State.SENT);
        }
    }

    public PrintQueue queue() {
        return queue;
    }

    /** The first badge for someone; refused when they already have one (a reprint needs a reason). */
    public synchronized Outcome print(String code, String printer, String template) {
        Attendee a = attendees
                .findByCode(code)
                .orElseThrow(() -> new IllegalArgumentException("No attendee has the code " + code + "."));
        if (queue.hasFirstBadge(a.code())) {
            return new Outcome(
                    null,
                    a.code() + " already has a badge. To print another, reprint it with a reason "
                            + "(lost, damaged, name corrected).");
        }
        // a broken template is refused before anything is queued
        BadgeTemplate t = TemplateLoader.named(template, configDir);
        return dispatch(queue.add(a.code(), printer, template, null), a, t);
    }

    public synchronized Outcome reprint(String code, String printer, String template, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reprint needs a reason: lost, damaged or name corrected.");
        }
        Attendee a = attendees
                .findByCode(code)
                .orElseThrow(() -> new IllegalArgumentException("No attendee has the code " + code + "."));
        BadgeTemplate t = TemplateLoader.named(template, configDir);
        return dispatch(queue.add(a.code(), printer, template, reason.strip()), a, t);
    }

    /** Tries a waiting or failed job again. A job that was handed over is not sent twice. */
    public synchronized Outcome retry(long id) {
        PrintJob job =
                queue.find(id).orElseThrow(() -> new IllegalArgumentException("There is no print job " + id + "."));
        if (job.state() != PrintJob.State.FAILED && job.state() != PrintJob.State.QUEUED) {
            return new Outcome(
                    job,
                    "Job " + id + " is " + job.state().name().toLowerCase(java.util.Locale.ROOT)
                            + "; only waiting or failed jobs are retried.");
        }
        Attendee a = attendees.findByCode(job.attendeeCode()).orElseThrow();
        return dispatch(job, a, TemplateLoader.named(job.template(), configDir));
    }

    /**
     * Retries failed jobs whose wait is over: 2, 4, 8... seconds after each failed attempt, at most
     * five minutes, so a printer that comes back is used again without anyone asking, and a dead
     * one is not hammered. The station calls this now and then in the background.
     */
    public synchronized java.util.List<Outcome> retryDue(java.time.Instant now) {
        java.util.List<Outcome> out = new java.util.ArrayList<>();
        for (PrintJob job : queue.all()) {
            if (job.state() != PrintJob.State.FAILED) {
                continue;
            }
            long waitSeconds = Math.min(300, 1L << Math.min(job.attempts(), 9));
            if (!job.updatedAt().toInstant().plusSeconds(waitSeconds).isAfter(now)) {
                out.add(dispatch(
                        job,
                        attendees.findByCode(job.attendeeCode()).orElseThrow(),
                        TemplateLoader.named(job.template(), configDir)));
            }
        }
        return out;
    }

    public synchronized PrintJob cancel(long id) {
        PrintJob job =
                queue.find(id).orElseThrow(() -> new IllegalArgumentException("There is no print job " + id + "."));
        if (job.state() == PrintJob.State.DONE || job.state() == PrintJob.State.CANCELLED) {
            return job;
        }
        queue.update(id, PrintJob.State.CANCELLED, false, job.error());
        return queue.find(id).orElseThrow();
    }

    /** A made-up person whose badge shows a printer works: Latin, Arabic and Vietnamese on one label. */
    static final Attendee TEST_PERSON = new Attendee(
            0,
            "TEST-BADGE",
            null,
            "Test Badge",
            "اختبار",
            null,
            "they/them",
            null,
            "Arrivals · Thử nghiệm · Prueba",
            null,
            "General Admission",
            org.arrivals.attendee.RegistrationStatus.ATTENDING,
            java.util.Map.of(),
            false);

    /**
     * Prints a test badge on a printer and template, straight to the printer: nothing is queued or
     * recorded, since no one arrived. Returns null when the printer took it, else the sentence.
     */
    public String testBadge(String printer, String template) {
        BadgeTemplate t = TemplateLoader.named(template, configDir);
        try {
            String held = printers.apply(printer).send(renderer.render(t, TEST_PERSON, ""), LabelStock.of(t));
            LOG.info("Test badge handed to {}", printer);
            return held;
        } catch (PrinterProblem e) {
            return e.getMessage();
        }
    }

    private Outcome dispatch(PrintJob job, Attendee a, BadgeTemplate template) {
        Printer printer = printers.apply(job.printer());
        byte[] pdf = renderer.render(template, a, "");
        try {
            String held = printer.send(pdf, LabelStock.of(template));
            queue.update(job.id(), held == null ? PrintJob.State.DONE : PrintJob.State.SENT, true, held);
            if (job.reprintReason() == null) {
                events.printed(a.code());
            } else {
                events.reprinted(a.code(), job.reprintReason());
            }
            LOG.info(
                    "Badge job {} for attendee {} handed to {}{}",
                    job.id(),
                    a.id(),
                    printer.name(),
                    held == null ? "" : " (held: printer paused)");
            return new Outcome(queue.find(job.id()).orElseThrow(), held);
        } catch (PrinterProblem e) {
            queue.update(job.id(), PrintJob.State.FAILED, true, e.getMessage());
            LOG.warn("Badge job {} for attendee {} not printed: {}", job.id(), a.id(), e.getMessage());
            return new Outcome(queue.find(job.id()).orElseThrow(), e.getMessage());
        }
    }

    public Optional<PrintJob> job(long id) {
        return queue.find(id);
    }
}
