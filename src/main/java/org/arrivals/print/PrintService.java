package org.arrivals.print;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.Role;
import org.arrivals.badge.BadgeRenderer;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.TemplateLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Badges, as every face asks for them: a person's first badge, a reprint with a reason, retrying
 * and cancelling a job, choosing the station's printer, a test badge. Each request is decided and
 * audited here, written to the persistent queue and answered at once; the {@link PrintWorker}
 * hands it to the printer on its own thread. A job is written before anything is sent, so a
 * printer problem (or a crash) never loses it, and a reprint or a cancel supersedes older waiting
 * jobs of the same person, so exactly one badge comes out when a printer returns.
 */
public final class PrintService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrintService.class);

    /** Who may ask for what. */
    static final Role FIRST_BADGE = Role.ATTENDEE;

    static final Role REPRINT = Role.SUPERVISOR;
    static final Role QUEUE = Role.SUPERVISOR;
    static final Role CHOOSE_PRINTER = Role.SUPERVISOR;

    /**
     * The printer and badge template a badge goes to. {@code printer} is one printer's setting, or
     * several, comma-separated: a pool, where each badge goes to the first printer that is ready.
     */
    public record Target(String printer, String template) {
        public Target {
            printer = printer == null || printer.isBlank() ? null : Printers.setting(Printers.members(printer));
            printer = printer == null || printer.isEmpty() ? null : printer;
            template = template == null || template.isBlank() ? TemplateLoader.BUILT_IN.get(0) : template.strip();
        }

        public boolean hasPrinter() {
            return printer != null;
        }

        /** The printers badges go to, in the order they are tried (one, or a pool's). */
        public List<String> printers() {
            return Printers.members(printer);
        }

        /** True when badges go to several printers. */
        public boolean pool() {
            return printers().size() > 1;
        }
    }

    /** Where the station's choice of printer and template is kept between starts. */
    public interface ChoiceStore {
        void save(Target target);
    }

    private final PrintQueue queue;
    private final AttendeeStore attendees;
    private final BadgeRenderer renderer;
    private final Function<String, Printer> printers;
    private final Path configDir;
    private final BadgeEvents events;
    private final AuditLog audit;
    private final ChoiceStore choices;
    private final List<PrintListener> listeners = new CopyOnWriteArrayList<>();
    private final PrintWorker worker;
    private final org.arrivals.store.BadgeGenerations generations;
    private volatile Target target;

    public PrintService(
            PrintQueue queue,
            AttendeeStore attendees,
            BadgeRenderer renderer,
            Function<String, Printer> printers,
            Path configDir,
            BadgeEvents events,
            AuditLog audit,
            Target initial,
            ChoiceStore choices,
            Clock clock,
            Duration probeEvery) {
        this.queue = queue;
        this.generations = new org.arrivals.store.BadgeGenerations(queue.store());
        this.attendees = attendees;
        this.renderer = renderer;
        this.printers = printers;
        this.configDir = configDir;
        this.events = events;
        this.audit = audit;
        this.target = initial == null ? new Target(null, null) : initial;
        this.choices = choices;
        this.worker = new PrintWorker(
                queue,
                new PrintWorker.Badges() {
                    @Override
                    public PrintWorker.Drawn draw(PrintJob claimed) {
                        return PrintService.this.draw(claimed);
                    }

                    @Override
                    public void handedOver(PrintJob job, PrinterState held) {
                        PrintService.this.handedOver(job, held);
                    }
                },
                printers,
                this::watched,
                clock,
                probeEvery,
                listeners);
    }

    /**
     * Starts the print worker: jobs left waiting print now; one cut off by a crash waits for a
     * person. The kiosk starts it when the station opens; a command that prints starts it by
     * asking for a badge (a command that only reads never sends a waiting badge).
     */
    public void start() {
        worker.start();
    }

    private void wake() {
        worker.start();
        worker.wake();
    }

    public void addListener(PrintListener l) {
        listeners.add(l);
    }

    public void removeListener(PrintListener l) {
        listeners.remove(l);
    }

    /** The station's printer and template now. */
    public Target target() {
        return target;
    }

    /** A badge asked for: the person, or why it cannot be (the role, no such person, no printer, a bad template). */
    private record Request(Attendee person, PrintOutcome refused) {}

    private Request request(Actor actor, Role needed, String code, Target to) {
        if (!actor.may(needed)) {
            return new Request(null, PrintOutcome.of(PrintOutcome.Result.NOT_ALLOWED));
        }
        Optional<Attendee> a = attendees.findByCode(code);
        if (a.isEmpty()) {
            return new Request(null, PrintOutcome.of(PrintOutcome.Result.NOT_FOUND));
        }
        if (!to.hasPrinter()) {
            return new Request(null, PrintOutcome.of(PrintOutcome.Result.NO_PRINTER));
        }
        if (!templateReadable(to.template())) {
            return new Request(null, PrintOutcome.of(PrintOutcome.Result.BAD_TEMPLATE));
        }
        return new Request(a.get(), null);
    }

    /** A person's first badge, at the station's printer. */
    public PrintOutcome print(Actor actor, String code) {
        return print(actor, code, target);
    }

    /**
     * A person's first badge at {@code to}: refused when they already have one (printed, held or
     * waiting; another is a reprint, with a reason). A cancelled job does not count.
     */
    public PrintOutcome print(Actor actor, String code, Target to) {
        Request r = request(actor, FIRST_BADGE, code, to);
        if (r.refused() != null) {
            return r.refused();
        }
        Optional<Attendee> a = Optional.of(r.person());
        PrintJob job;
        synchronized (this) {
            Optional<PrintJob> live = queue.liveBadge(a.get().code());
            if (live.isPresent()) {
                return PrintOutcome.of(PrintOutcome.Result.ALREADY_HAS_BADGE, live.get());
            }
            job = add(a.get().code(), to, null);
        }
        audit.record(actor.auditName(), "print", a.get().code(), "job " + job.id());
        wake();
        return PrintOutcome.of(PrintOutcome.Result.QUEUED, job);
    }

    /** Another badge, with why: counted, audited, and any older waiting badge of theirs will not print. */
    public PrintOutcome reprint(Actor actor, String code, String reason) {
        return reprint(actor, code, reason, target);
    }

    public PrintOutcome reprint(Actor actor, String code, String reason, Target to) {
        if (!actor.may(REPRINT)) {
            return PrintOutcome.of(PrintOutcome.Result.NOT_ALLOWED);
        }
        if (reason == null || reason.isBlank()) {
            return PrintOutcome.of(PrintOutcome.Result.NEEDS_REASON);
        }
        Request r = request(actor, REPRINT, code, to);
        if (r.refused() != null) {
            return r.refused();
        }
        Optional<Attendee> a = Optional.of(r.person());
        PrintJob job;
        int superseded;
        synchronized (this) {
            // the new badge is a new generation from the moment it is asked for: the lost one's QR is refused now
            int generation = generations.next(a.get().code());
            job = add(a.get().code(), to, reason.strip(), generation);
            superseded = queue.supersedeBefore(a.get().code(), job.id());
        }
        audit.record(
                actor.auditName(),
                "reprint",
                a.get().code(),
                reason.strip() + (superseded > 0 ? "; replaces " + superseded + " waiting job(s)" : ""));
        settleSuperseded(a.get().code(), job.id());
        wake();
        return PrintOutcome.of(PrintOutcome.Result.QUEUED, job);
    }

    /**
     * A new job for {@code to}: for a pool, to the first of its printers the worker last saw ready
     * (the worker chooses again when it sends).
     */
    private PrintJob add(String code, Target to, String reprintReason) {
        return add(code, to, reprintReason, generations.current(code));
    }

    private PrintJob add(String code, Target to, String reprintReason, int generation) {
        List<String> members = to.printers();
        if (members.size() == 1) {
            return queue.add(code, members.get(0), null, to.template(), reprintReason, generation);
        }
        String first = members.stream()
                .filter(m -> {
                    PrinterState s = worker.lastState(m);
                    return s == null || s.ready();
                })
                .findFirst()
                .orElse(members.get(0));
        return queue.add(code, first, to.printer(), to.template(), reprintReason, generation);
    }

    /** A waiting or failed job goes to its printer again now (also one cut off by a crash). */
    public PrintOutcome retry(Actor actor, long id) {
        if (!actor.may(QUEUE)) {
            return PrintOutcome.of(PrintOutcome.Result.NOT_ALLOWED);
        }
        Optional<PrintJob> job = queue.find(id);
        if (job.isEmpty()) {
            return PrintOutcome.of(PrintOutcome.Result.NO_SUCH_JOB);
        }
        if (!queue.requeue(id)) {
            return PrintOutcome.of(PrintOutcome.Result.NOT_WAITING, job.get());
        }
        audit.record(
                actor.auditName(), "queue retry", Long.toString(id), job.get().attendeeCode());
        wake();
        return PrintOutcome.of(PrintOutcome.Result.QUEUED, queue.find(id).orElseThrow());
    }

    /** Cancels a job that has not printed, and any older waiting one of the same person. */
    public PrintOutcome cancel(Actor actor, long id) {
        if (!actor.may(QUEUE)) {
            return PrintOutcome.of(PrintOutcome.Result.NOT_ALLOWED);
        }
        Optional<PrintJob> job = queue.find(id);
        if (job.isEmpty()) {
            return PrintOutcome.of(PrintOutcome.Result.NO_SUCH_JOB);
        }
        synchronized (this) {
            if (!queue.cancel(id)) {
                return PrintOutcome.of(PrintOutcome.Result.NOT_WAITING, job.get());
            }
            queue.supersedeBefore(job.get().attendeeCode(), id);
        }
        audit.record(
                actor.auditName(), "queue cancel", Long.toString(id), job.get().attendeeCode());
        PrintJob cancelled = queue.find(id).orElseThrow();
        worker.settled(cancelled);
        settleSuperseded(job.get().attendeeCode(), id);
        return PrintOutcome.of(PrintOutcome.Result.CANCELLED, cancelled);
    }

    private void settleSuperseded(String code, long newerThan) {
        for (PrintJob j : queue.of(code)) {
            if (j.id() < newerThan && j.state() == PrintJob.State.SUPERSEDED) {
                worker.settled(j);
            }
        }
    }

    /**
     * Waits for the worker's first attempt at a queued job (the command line waits; screens listen
     * instead). An outcome that queued nothing is returned as it is.
     */
    public PrintOutcome awaitAttempt(PrintOutcome queued, Duration max) {
        if (queued.result() != PrintOutcome.Result.QUEUED || queued.job() == null) {
            return queued;
        }
        CompletableFuture<PrintJob> f = worker.attempt(queued.job().id());
        // it may have been tried before anyone waited: the queue knows
        PrintJob now = queue.find(queued.job().id()).orElseThrow();
        boolean tried = now.attempts() > queued.job().attempts() && now.state() == PrintJob.State.FAILED;
        if (tried || !now.state().waiting()) {
            return PrintOutcome.after(now);
        }
        try {
            return PrintOutcome.after(f.get(max.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return PrintOutcome.of(
                    PrintOutcome.Result.STILL_QUEUED,
                    queue.find(queued.job().id()).orElseThrow());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PrintOutcome.of(PrintOutcome.Result.STILL_QUEUED, now);
        } catch (ExecutionException | CancellationException e) {
            return PrintOutcome.of(PrintOutcome.Result.STILL_QUEUED, now);
        }
    }

    /** Completes with the job after its next attempt, or when it is cancelled or superseded first. */
    public CompletableFuture<PrintJob> attempt(long jobId) {
        CompletableFuture<PrintJob> f = worker.attempt(jobId);
        queue.find(jobId).filter(j -> !j.state().waiting()).ifPresent(j -> f.complete(j));
        return f;
    }

    /**
     * Uses this printer and template from now on and remembers them for the next start; badges
     * waiting for the old printer go to the new one. Answers with the new printer's state, asked
     * by the worker.
     */
    public CompletableFuture<PrintOutcome> choose(Actor actor, Target to) {
        if (!actor.may(CHOOSE_PRINTER)) {
            return CompletableFuture.completedFuture(PrintOutcome.of(PrintOutcome.Result.NOT_ALLOWED));
        }
        if (!templateReadable(to.template())) {
            return CompletableFuture.completedFuture(PrintOutcome.of(PrintOutcome.Result.BAD_TEMPLATE));
        }
        Target before = target;
        choices.save(to);
        target = to;
        if (before.hasPrinter() && to.hasPrinter() && !before.printer().equals(to.printer())) {
            queue.retarget(before.printer(), to.printer());
        }
        audit.record(
                actor.auditName(),
                "printer",
                to.printer(),
                "template " + to.template() + (before.hasPrinter() ? "; was " + before.printer() : ""));
        wake();
        if (!to.hasPrinter()) {
            return CompletableFuture.completedFuture(
                    new PrintOutcome(PrintOutcome.Result.NO_PRINTER, null, PrinterState.NOT_CHOSEN));
        }
        return worker.probeAny(to.printers())
                .thenApply(s -> new PrintOutcome(
                        s.ready() ? PrintOutcome.Result.HANDED_OVER : PrintOutcome.Result.NOT_PRINTED, null, s));
    }

    /**
     * The station printer's last known state (asked every few seconds by the worker), without
     * asking it now. For a pool: ready while any of its printers is, else the first one's trouble
     * ({@link #printerStates()} names each).
     */
    public PrinterState printerState() {
        Target t = target;
        if (!t.hasPrinter()) {
            return PrinterState.NOT_CHOSEN;
        }
        List<Printers.Found> each = printerStates();
        return each.stream()
                .map(Printers.Found::state)
                .filter(PrinterState::ready)
                .findFirst()
                .orElse(each.get(0).state());
    }

    /** Each of the station's printers (one, or a pool's) with its last known state, in order. */
    public List<Printers.Found> printerStates() {
        Target t = target;
        if (!t.hasPrinter()) {
            return List.of();
        }
        return t.printers().stream()
                .map(p -> {
                    PrinterState s = worker.lastState(p);
                    return new Printers.Found(p, s == null ? PrinterState.READY : s);
                })
                .toList();
    }

    /**
     * Asks a printer how it is now (on the worker's thread: at most about two seconds a printer).
     * For a pool: ready when one of them is, else the first one's trouble.
     */
    public CompletableFuture<PrinterState> probe(String printer) {
        List<String> members = Printers.members(printer);
        if (members.isEmpty()) {
            return CompletableFuture.completedFuture(PrinterState.NOT_CHOSEN);
        }
        worker.start();
        return worker.probeAny(members);
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
            RegistrationStatus.ATTENDING,
            Map.of(),
            false);

    /**
     * Prints a made-up test badge straight to a printer (through the worker): nothing is queued or
     * recorded, since no one arrived; audited, since paper was used.
     */
    public CompletableFuture<PrintOutcome> testBadge(Actor actor, String printer, String template) {
        if (!actor.may(CHOOSE_PRINTER)) {
            return CompletableFuture.completedFuture(PrintOutcome.of(PrintOutcome.Result.NOT_ALLOWED));
        }
        List<String> members = Printers.members(printer);
        if (members.isEmpty()) {
            return CompletableFuture.completedFuture(PrintOutcome.of(PrintOutcome.Result.NO_PRINTER));
        }
        if (!templateReadable(template)) {
            return CompletableFuture.completedFuture(PrintOutcome.of(PrintOutcome.Result.BAD_TEMPLATE));
        }
        BadgeTemplate t = TemplateLoader.named(template, configDir);
        audit.record(actor.auditName(), "test badge", printer, "template " + template);
        worker.start();
        // a pool: one test badge from each of its printers; the answer is the first trouble, if any
        return worker.submit(() -> {
            PrintOutcome answer = null;
            byte[] pdf = renderer.render(t, TEST_PERSON, "");
            for (String m : members) {
                PrintOutcome o;
                try {
                    PrinterState held = printers.apply(m).send(pdf, LabelStock.of(t));
                    LOG.info("Test badge handed to {}", m);
                    o = new PrintOutcome(
                            held.ready() ? PrintOutcome.Result.HANDED_OVER : PrintOutcome.Result.HELD, null, held);
                } catch (PrinterProblem e) {
                    LOG.warn("Test badge not printed on {}: {}", m, e.getMessage());
                    o = new PrintOutcome(PrintOutcome.Result.NOT_PRINTED, null, e.state());
                } catch (IllegalArgumentException e) {
                    LOG.warn("Test badge not printed on {}: {}", m, e.getMessage());
                    o = new PrintOutcome(
                            PrintOutcome.Result.NOT_PRINTED,
                            null,
                            new PrinterState(PrinterState.Condition.NO_SUCH_PRINTER, e.getMessage()));
                }
                if (answer == null || (answer.result() == PrintOutcome.Result.HANDED_OVER && !o.handedOver())) {
                    answer = o;
                }
            }
            return answer;
        });
    }

    /** A badge (or a whole event's badges) drawn to a file rather than a printer. */
    public record BadgeFile(Result result, byte[] pdf, int count, BadgeTemplate template) {
        public enum Result {
            DRAWN,
            NOT_FOUND,
            /** No attending person matches (the type asked for). */
            NOBODY,
            BAD_TEMPLATE,
            NOT_ALLOWED
        }

        static BadgeFile of(Result r) {
            return new BadgeFile(r, null, 0, null);
        }
    }

    /** How the badges of a whole event are ordered, as the badge tables are laid out. */
    public enum Order {
        LAST_NAME,
        ORGANIZATION
    }

    /** One person's badge as it prints, for a file (it holds their name and a valid QR: audited). */
    public BadgeFile badgeFile(Actor actor, String code, String template) {
        if (!actor.may(REPRINT)) {
            return BadgeFile.of(BadgeFile.Result.NOT_ALLOWED);
        }
        Optional<Attendee> a = attendees.findByCode(code);
        if (a.isEmpty()) {
            return BadgeFile.of(BadgeFile.Result.NOT_FOUND);
        }
        if (!templateReadable(template)) {
            return BadgeFile.of(BadgeFile.Result.BAD_TEMPLATE);
        }
        BadgeTemplate t = TemplateLoader.named(template, configDir);
        // the person's current badge: a badge drawn for a file carries the generation a scan accepts
        byte[] pdf = renderer.render(t, a.get(), "", generations.current(a.get().code()));
        audit.record(actor.auditName(), "badge file", a.get().code(), "template " + template);
        return new BadgeFile(BadgeFile.Result.DRAWN, pdf, 1, t);
    }

    /** Every attending person's badge (of one type, or all) in one PDF, for pre-printing: audited. */
    public BadgeFile badgesFile(Actor actor, String type, Order order, String template) {
        if (!actor.may(REPRINT)) {
            return BadgeFile.of(BadgeFile.Result.NOT_ALLOWED);
        }
        if (!templateReadable(template)) {
            return BadgeFile.of(BadgeFile.Result.BAD_TEMPLATE);
        }
        Comparator<Attendee> byName = Comparator.comparing(
                        (Attendee a) -> a.lastName().isEmpty() ? a.firstName() : a.lastName(),
                        String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Attendee::firstName);
        Comparator<Attendee> sort = order == Order.ORGANIZATION
                ? Comparator.comparing(
                                (Attendee a) -> a.organization() == null ? "" : a.organization(),
                                String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(byName)
                : byName;
        List<Attendee> who = attendees.all().stream()
                .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                .filter(a -> type == null || a.type().equalsIgnoreCase(type))
                .sorted(sort)
                .toList();
        if (who.isEmpty()) {
            return BadgeFile.of(BadgeFile.Result.NOBODY);
        }
        BadgeTemplate t = TemplateLoader.named(template, configDir);
        byte[] pdf = renderer.renderAll(t, who, "", new java.util.ArrayList<>(), p -> generations.current(p.code()));
        audit.record(
                actor.auditName(),
                "badges file",
                null,
                who.size() + " badges" + (type == null ? "" : " of type " + type) + "; template " + template);
        return new BadgeFile(BadgeFile.Result.DRAWN, pdf, who.size(), t);
    }

    /** Every job, oldest first. */
    public List<PrintJob> jobs() {
        return queue.all();
    }

    public Optional<PrintJob> job(long id) {
        return queue.find(id);
    }

    /** How many jobs are in each state. */
    public Map<PrintJob.State, Integer> counts() {
        return queue.counts();
    }

    /** True when this person has a badge here: printed, held by a paused queue, or waiting to print. */
    public boolean hasBadge(String code) {
        return queue.liveBadge(code).isPresent();
    }

    /** Of these people, the ones with no badge printed, held or waiting. */
    public Set<String> withoutBadge(Collection<String> codes) {
        return queue.withoutBadge(codes);
    }

    /** The printers the worker keeps an eye on: the station's, and any a waiting job is for. */
    private Set<String> watched() {
        Set<String> out = new LinkedHashSet<>(target.printers());
        for (PrintJob j : queue.due(Instant.MAX)) {
            out.addAll(j.printers());
        }
        return out;
    }

    private boolean templateReadable(String template) {
        try {
            TemplateLoader.named(template, configDir);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("Badge template {} cannot be used: {}", template, e.getMessage());
            return false;
        }
    }

    /** A claimed job's badge, drawn as the person is now (on the worker's thread); null when it cannot be. */
    private PrintWorker.Drawn draw(PrintJob job) {
        Optional<Attendee> a = attendees.findByCode(job.attendeeCode());
        if (a.isEmpty()) {
            LOG.warn("Badge job {}: no attendee has its code any more", job.id());
            return null;
        }
        try {
            BadgeTemplate template = TemplateLoader.named(job.template(), configDir);
            return new PrintWorker.Drawn(
                    renderer.render(template, a.get(), "", queue.generation(job.id())), LabelStock.of(template));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Badge job {} for attendee {} could not be prepared: {}",
                    job.id(),
                    a.get().id(),
                    e.toString());
            return null;
        }
    }

    /** A printer has a job's badge: the check-in log counts it (a first badge, or a reprint with its reason). */
    private void handedOver(PrintJob job, PrinterState held) {
        if (job.reprint()) {
            events.reprinted(job.attendeeCode(), job.reprintReason(), queue.generation(job.id()));
        } else {
            events.printed(job.attendeeCode());
        }
        LOG.info(
                "Badge job {} for attendee {} handed to {}{}",
                job.id(),
                attendees.findByCode(job.attendeeCode()).map(Attendee::id).orElse(-1L),
                job.printer(),
                held.ready() ? "" : " (held: " + held.condition() + ")");
    }

    /**
     * The generation of {@code code}'s current badge: what {@code arrivals badge} draws, and the
     * oldest generation a scan accepts. Each reprint makes the next one when it is asked for.
     */
    public int badgeGeneration(String code) {
        return generations.current(code);
    }

    /** The badge generations (for the scan resolver and sync). */
    public org.arrivals.store.BadgeGenerations generations() {
        return generations;
    }

    @Override
    public void close() {
        worker.close();
    }
}
