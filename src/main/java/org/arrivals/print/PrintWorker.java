package org.arrivals.print;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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
 */
final class PrintWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrintWorker.class);

    /** Hands one claimed job to its printer and records the result; returns the job as it ends. */
    interface Attempt {
        PrintJob run(PrintJob claimed);
    }

    private final PrintQueue queue;
    private final Attempt attempt;
    private final Function<String, Printer> printers;
    private final Supplier<Set<String>> watched;
    private final Clock clock;
    private final Duration probeEvery;
    private final List<PrintListener> listeners;
    private final Deque<Request> requests = new ArrayDeque<>();
    private final Map<Long, CompletableFuture<PrintJob>> attempts = new ConcurrentHashMap<>();
    private final Map<String, PrinterState> states = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    /** When to ask the printers next, on the monotonic clock (the wall clock is the log's, and tests fix it). */
    private long nextProbeNanos = System.nanoTime();

    private record Request(Runnable work, CompletableFuture<?> done) {}

    PrintWorker(
            PrintQueue queue,
            Attempt attempt,
            Function<String, Printer> printers,
            Supplier<Set<String>> watched,
            Clock clock,
            Duration probeEvery,
            List<PrintListener> listeners) {
        this.queue = queue;
        this.attempt = attempt;
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

    /** Completes with the job after its next attempt (or when it is cancelled or superseded first). */
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

    private PrinterState look(String printer) {
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
        while (running) {
            try {
                Request request;
                while ((request = nextRequest()) != null) {
                    request.work().run();
                }
                for (PrintJob job : queue.due(clock.instant())) {
                    if (!running) {
                        break;
                    }
                    send(job);
                    Request asked = nextRequest(); // a person's request waits for one badge at most
                    if (asked != null) {
                        asked.work().run();
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

    private void send(PrintJob job) {
        if (!queue.claim(job.id())) {
            return; // cancelled or superseded since it was read
        }
        PrintJob after = attempt.run(queue.find(job.id()).orElseThrow());
        if (after.state() == PrintJob.State.FAILED && after.problem() != null) {
            remember(after.printer(), PrinterState.of(after.problem()));
        } else if (after.state().handedOver()) {
            remember(
                    after.printer(),
                    after.state() == PrintJob.State.SENT
                            ? PrinterState.of(PrinterState.Condition.PAUSED)
                            : PrinterState.READY);
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
            PrinterState before = states.get(printer);
            PrinterState now = look(printer);
            if (before != null && before.problem() && now.condition().takesJobs()) {
                for (PrintJob j : queue.all()) {
                    if (j.state() == PrintJob.State.FAILED && !j.interrupted() && printer.equals(j.printer())) {
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
        long millis = Math.max(0, (nextProbeNanos - System.nanoTime()) / 1_000_000);
        Instant retry = queue.nextRetry().orElse(null);
        if (retry != null) {
            millis = Math.min(
                    millis, Math.max(0, Duration.between(clock.instant(), retry).toMillis()));
        }
        millis = Math.max(10, millis);
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
                t.join(5000);
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
