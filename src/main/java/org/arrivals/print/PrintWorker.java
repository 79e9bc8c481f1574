package org.arrivals.print;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a station that talks to printers. It hands waiting jobs to their printer in
 * order, tries failed ones again with a growing wait, asks the station's printers how they are
 * every few seconds (and sends what waited as soon as a printer is ready again), and runs the odd
 * printer request a person makes (a test badge, a look at a printer). Nothing else does printer
 * I/O, so a printer that takes two seconds to answer never holds up a check-in or a screen.
 *
 * <p>A job for a pool of printers goes, when it is sent, to the first of them that is ready and
 * not busy with another badge; one that cannot take it (out of labels, paused, unreachable,
 * rejecting) sends it to the next at once, and is skipped by the badges after it until it is
 * ready again. A printer that says when a badge came out ({@link ConfirmingPrinter}, a Brother QL)
 * prints while the worker sends the next badge to another printer; a badge it could not finish
 * goes to another printer at once. A badge goes to one printer at a time, so it comes out once.
 */
final class PrintWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrintWorker.class);

    /** How often the worker looks whether a printing badge has come out. */
    private static final long POLL_MILLIS = 5;

    /** How long a closing worker waits for badges still printing. */
    private static final long DRAIN_MILLIS = 10_000;

    /** What the worker needs of the service: a job's badge, drawn, and where a printed one is recorded. */
    interface Badges {
        /**
         * The badge of a claimed job as the person is now; null when it cannot be drawn (no such
         * person, a broken template), after saying why in the log.
         */
        Drawn draw(PrintJob claimed);

        /** A printer has the badge (printed, or held by a paused queue): count it and log it. */
        void handedOver(PrintJob job, PrinterState held);
    }

    /** A badge ready for a printer. */
    record Drawn(byte[] pdf, LabelStock stock) {}

    /** A badge a printer is printing now. */
    private record InFlight(PrintJob job, ConfirmingPrinter.Pending pending) {}

    private final PrintQueue queue;
    private final Badges badges;
    private final Function<String, Printer> printers;
    private final Supplier<Set<String>> watched;
    private final Clock clock;
    private final Duration probeEvery;
    private final List<PrintListener> listeners;
    private final Deque<Request> requests = new ArrayDeque<>();
    private final Map<Long, CompletableFuture<PrintJob>> attempts = new ConcurrentHashMap<>();
    private final Map<String, PrinterState> states = new ConcurrentHashMap<>();
    /** By printer: the badge it is printing. Only the worker's thread touches it. */
    private final Map<String, InFlight> busy = new LinkedHashMap<>();

    private final Object signal = new Object();
    private boolean woken;
    /** A printer finished a badge since the queue was last read: look at it again before sleeping. */
    private boolean freed;

    private volatile boolean running;
    private Thread thread;
    /** When to ask the printers next, on the monotonic clock (the wall clock is the log's, and tests fix it). */
    private long nextProbeNanos = System.nanoTime();

    private record Request(Runnable work, CompletableFuture<?> done) {}

    PrintWorker(
            PrintQueue queue,
            Badges badges,
            Function<String, Printer> printers,
            Supplier<Set<String>> watched,
            Clock clock,
            Duration probeEvery,
            List<PrintListener> listeners) {
        this.queue = queue;
        this.badges = badges;
        this.printers = printers;
        this.watched = watched;
        this.clock = clock;
        this.probeEvery = probeEvery;
        this.listeners = listeners instanceof CopyOnWriteArrayList ? listeners : new CopyOnWriteArrayList<>(listeners);
    }

    synchronized void start() {
        if (running) {
            return;
        }
        int cut = queue.markInterrupted();
        if (cut > 0) {
            LOG.warn(
                    "{} badge job(s) were cut off while being printed; they wait for a person to retry or cancel", cut);
        }
        running = true;
        thread = new Thread(this::loop, "arrivals-print");
        thread.setDaemon(true);
        thread.start();
    }

    boolean running() {
        return running;
    }

    /** Something changed (a job was queued, a printer chosen): look at the queue now. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Printer I/O a person asked for, run on this thread between badges. */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IllegalStateException("The print worker is not running."));
            return f;
        }
        synchronized (signal) {
            requests.add(new Request(
                    () -> {
                        try {
                            f.complete(work.call());
                        } catch (Exception | Error e) {
                            f.completeExceptionally(e);
                        }
                    },
                    f));
            woken = true;
            signal.notifyAll();
        }
        return f;
    }

    /**
     * Completes with the job after its next attempt (or when it is cancelled or superseded first).
     * An attempt that sends a badge on to another printer of its pool is not an end: the job is
     * answered when a printer has it, or when none could take it.
     */
    CompletableFuture<PrintJob> attempt(long jobId) {
        return attempts.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    }

    /** Tells whoever waits on this job that it ended without an attempt (cancelled, superseded). */
    void settled(PrintJob job) {
        CompletableFuture<PrintJob> f = attempts.remove(job.id());
        if (f != null) {
            f.complete(job);
        }
        listeners.forEach(l -> l.jobChanged(job));
    }

    /** The last known state of a printer, or null when it was never asked. */
    PrinterState lastState(String printer) {
        return printer == null ? null : states.get(printer);
    }

    /** Asks a printer now, on this thread, and remembers the answer. */
    CompletableFuture<PrinterState> probe(String printer) {
        return submit(() -> look(printer));
    }

    /** Asks these printers now, in order: ready when one of them is, else the first one's trouble. */
    CompletableFuture<PrinterState> probeAny(List<String> printers) {
        return submit(() -> {
            PrinterState first = null;
            for (String p : printers) {
                PrinterState s = look(p);
                if (s.ready()) {
                    return s;
                }
                first = first == null ? s : first;
            }
            return first;
        });
    }

    private PrinterState look(String printer) {
        if (busy.containsKey(printer)) {
            // printing one of ours: asking would open a second connection it does not take
            PrinterState s = states.get(printer);
            return s == null ? PrinterState.READY : s;
        }
        PrinterState now;
        try {
            now = printers.apply(printer).state();
        } catch (RuntimeException e) {
            now = new PrinterState(PrinterState.Condition.PRINTER_ERROR, e.toString());
        }
        remember(printer, now);
        return now;
    }

    private void remember(String printer, PrinterState now) {
        PrinterState before = states.put(printer, now);
        if (before == null || before.condition() != now.condition()) {
            if (now.problem()) {
                LOG.info("Printer {} is now {}", printer, now.condition());
            } else if (before != null) {
                LOG.info("Printer {} is ready again", printer);
            }
            listeners.forEach(l -> l.printerChanged(printer, now));
        }
    }

    private void loop() {
        long stopBy = Long.MAX_VALUE;
        while (running || !busy.isEmpty()) {
            try {
                if (!running) {
                    // closing: let badges that are printing finish, for a while
                    if (stopBy == Long.MAX_VALUE) {
                        stopBy = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
                    }
                    pollBusy();
                    if (System.nanoTime() - stopBy > 0) {
                        abandonBusy();
                        break;
                    }
                    pause(Duration.ofMillis(POLL_MILLIS));
                    continue;
                }
                Request request;
                while ((request = nextRequest()) != null) {
                    request.work().run();
                }
                pollBusy();
                freed = false; // the queue is read now
                for (PrintJob job : queue.due(clock.instant())) {
                    if (!running) {
                        break;
                    }
                    dispatch(job);
                    Request asked = nextRequest(); // a person's request waits for one badge at most
                    if (asked != null) {
                        asked.work().run();
                    }
                    pollBusy();
                    if (freed) {
                        break; // a printer is free, or a badge came back: read the queue again, oldest first
                    }
                }
                if (System.nanoTime() - nextProbeNanos >= 0) {
                    probeWatched();
                    nextProbeNanos = System.nanoTime() + probeEvery.toNanos();
                }
                sleepUntilNeeded();
            } catch (RuntimeException e) {
                // a database hiccup must not end printing for the day
                LOG.warn("Print worker: {}", e.toString(), e);
                pause(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * The printers to try for a job now, in order: of the ones not busy with another badge, those
     * ready (or never asked) first, in the pool's order, then the others. Empty when the job should
     * wait: every printer is busy, or the ready ones are busy and the rest known to be in trouble.
     */
    private List<String> candidates(PrintJob job) {
        List<String> members = job.printers();
        List<String> ready = new ArrayList<>();
        List<String> troubled = new ArrayList<>();
        boolean anyBusy = false;
        for (String m : members) {
            if (busy.containsKey(m)) {
                anyBusy = true;
                continue;
            }
            PrinterState s = states.get(m);
            boolean pool = members.size() > 1;
            if (s == null || s.ready() || (!pool && s.condition().takesJobs())) {
                ready.add(m);
            } else {
                troubled.add(m);
            }
        }
        if (ready.isEmpty() && anyBusy) {
            return List.of(); // a printer that is printing will be free in a moment
        }
        ready.addAll(troubled);
        return ready;
    }

    private void dispatch(PrintJob job) {
        List<String> order = candidates(job);
        if (order.isEmpty()) {
            return;
        }
        if (!queue.claim(job.id(), order.get(0))) {
            return; // cancelled or superseded since it was read
        }
        PrintJob claimed = queue.find(job.id()).orElseThrow();
        Drawn badge = badges.draw(claimed);
        if (badge == null) {
            queue.finish(job.id(), PrintJob.State.FAILED, PrinterState.Condition.PRINTER_ERROR);
            ended(queue.find(job.id()).orElseThrow());
            return;
        }
        boolean pool = job.printers().size() > 1;
        PrinterProblem last = null;
        for (int i = 0; i < order.size(); i++) {
            String member = order.get(i);
            if (i > 0) {
                queue.assign(job.id(), member);
                LOG.info("Badge job {} goes to {} instead", job.id(), member);
            }
            PrintJob sending = queue.find(job.id()).orElseThrow();
            try {
                Printer printer = printers.apply(member);
                if (printer instanceof ConfirmingPrinter confirming) {
                    busy.put(member, new InFlight(sending, confirming.start(badge.pdf(), badge.stock())));
                    remember(member, PrinterState.READY);
                    return; // the printer says later whether it came out
                }
                PrinterState held = pool
                        ? printer.sendUnlessHeld(badge.pdf(), badge.stock())
                        : printer.send(badge.pdf(), badge.stock());
                handedOver(sending, held);
                return;
            } catch (PrinterProblem e) {
                last = e;
                remember(member, e.state());
                LOG.warn("Badge job {} not printed on {}: {}", job.id(), member, e.getMessage());
                if (e.mayHavePrinted()) {
                    queue.finish(job.id(), PrintJob.State.FAILED, PrinterState.Condition.UNCONFIRMED);
                    ended(queue.find(job.id()).orElseThrow());
                    return;
                }
            } catch (RuntimeException e) {
                last = new PrinterProblem(PrinterState.Condition.PRINTER_ERROR, e.toString(), e);
                remember(member, last.state());
                LOG.warn("Badge job {} not printed on {}: {}", job.id(), member, e.toString());
            }
        }
        notPrinted(job, last);
    }

    /** No printer tried took the badge: it waits for a busy one, or (failed) for its retry. */
    private void notPrinted(PrintJob job, PrinterProblem last) {
        queue.finish(job.id(), PrintJob.State.FAILED, last.state().condition());
        boolean aPrinterIsBusy = job.printers().stream().anyMatch(busy::containsKey);
        if (aPrinterIsBusy && queue.requeue(job.id())) {
            // another printer of its pool is printing: the badge goes there as soon as it is free
            listeners.forEach(l -> l.jobChanged(queue.find(job.id()).orElseThrow()));
            return;
        }
        ended(queue.find(job.id()).orElseThrow());
    }

    private void handedOver(PrintJob sending, PrinterState held) {
        // counted first: whoever finds the job done finds its badge in the check-in log
        badges.handedOver(sending, held);
        queue.finish(sending.id(), held.ready() ? PrintJob.State.DONE : PrintJob.State.SENT, null);
        PrintJob after = queue.find(sending.id()).orElseThrow();
        remember(
                after.printer(),
                after.state() == PrintJob.State.SENT
                        ? PrinterState.of(PrinterState.Condition.PAUSED)
                        : PrinterState.READY);
        ended(after);
    }

    /** Looks whether the badges being printed have come out; one that did not goes to another printer. */
    private void pollBusy() {
        Iterator<Map.Entry<String, InFlight>> it = busy.entrySet().iterator();
        List<PrintJob> again = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, InFlight> e = it.next();
            InFlight f = e.getValue();
            try {
                PrinterState done = f.pending().poll();
                if (done == null) {
                    continue;
                }
                it.remove();
                freed = true;
                handedOver(f.job(), done);
            } catch (PrinterProblem p) {
                it.remove();
                freed = true;
                remember(e.getKey(), p.state());
                LOG.warn("Badge job {} did not come out of {}: {}", f.job().id(), e.getKey(), p.getMessage());
                if (p.mayHavePrinted()) {
                    queue.finish(f.job().id(), PrintJob.State.FAILED, PrinterState.Condition.UNCONFIRMED);
                    ended(queue.find(f.job().id()).orElseThrow());
                } else {
                    queue.finish(f.job().id(), PrintJob.State.FAILED, p.state().condition());
                    again.add(queue.find(f.job().id()).orElseThrow());
                }
            } catch (RuntimeException x) {
                it.remove();
                freed = true;
                LOG.warn("Badge job {} on {}: {}", f.job().id(), e.getKey(), x.toString(), x);
                f.pending().abandon();
                queue.finish(f.job().id(), PrintJob.State.FAILED, PrinterState.Condition.UNCONFIRMED);
                ended(queue.find(f.job().id()).orElseThrow());
            }
        }
        for (PrintJob failed : again) {
            // nothing came out: another printer of its pool takes it now (it is the oldest waiting)
            boolean elsewhere = failed.printers().stream()
                    .anyMatch(m -> !m.equals(failed.printer())
                            && (busy.containsKey(m)
                                    || states.get(m) == null
                                    || states.get(m).ready()));
            if (elsewhere && queue.requeue(failed.id())) {
                LOG.info("Badge job {} goes to another printer", failed.id());
                listeners.forEach(l -> l.jobChanged(queue.find(failed.id()).orElseThrow()));
            } else {
                ended(failed);
            }
        }
    }

    private void abandonBusy() {
        for (InFlight f : busy.values()) {
            f.pending().abandon(); // left SENDING: the next start marks it for a person
        }
        busy.clear();
    }

    /** The job ended this round (printed, held, failed): tell whoever waits. */
    private void ended(PrintJob after) {
        if (after.state() == PrintJob.State.FAILED && after.problem() != null && !after.interrupted()) {
            remember(after.printer(), PrinterState.of(after.problem()));
        }
        CompletableFuture<PrintJob> f = attempts.remove(after.id());
        if (f != null) {
            f.complete(after);
        }
        listeners.forEach(l -> l.jobChanged(after));
    }

    /**
     * Asks each printer the station uses how it is. One that was in trouble and is ready now gets
     * its failed jobs at once, instead of at the end of their wait.
     */
    private void probeWatched() {
        for (String printer : watched.get()) {
            if (busy.containsKey(printer)) {
                continue;
            }
            PrinterState before = states.get(printer);
            PrinterState now = look(printer);
            if (before != null && before.problem() && now.condition().takesJobs()) {
                for (PrintJob j : queue.all()) {
                    if (j.state() == PrintJob.State.FAILED
                            && !j.interrupted()
                            && j.printers().contains(printer)) {
                        queue.requeue(j.id());
                    }
                }
            }
        }
    }

    private Request nextRequest() {
        synchronized (signal) {
            return requests.poll();
        }
    }

    private void sleepUntilNeeded() {
        if (freed) {
            freed = false; // a printer is free: the next badge goes now
            return;
        }
        long millis = Math.max(0, (nextProbeNanos - System.nanoTime()) / 1_000_000);
        Instant retry = queue.nextRetry().orElse(null);
        if (retry != null) {
            millis = Math.min(
                    millis, Math.max(0, Duration.between(clock.instant(), retry).toMillis()));
        }
        millis = busy.isEmpty() ? Math.max(10, millis) : POLL_MILLIS;
        synchronized (signal) {
            if (!woken && requests.isEmpty() && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private void pause(Duration d) {
        synchronized (signal) {
            try {
                signal.wait(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wake();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(DRAIN_MILLIS + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (signal) {
            requests.forEach(r -> r.done().cancel(false)); // nothing is left waiting forever
            requests.clear();
        }
        attempts.values().forEach(f -> f.cancel(false));
        attempts.clear();
    }
}
