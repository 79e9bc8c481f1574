package org.arrivals.hub;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-polls ({@code GET /events?after=C&wait=S}) that found nothing newer than their cursor, held
 * without a thread until an event past it is stored or their deadline comes. Each is answered
 * exactly once: woken (its answer pulls the new events), at its deadline (an empty page), or
 * replaced by a newer long-poll of the same station (an empty page too). At most {@link #MAX}
 * are held, one per station; beyond that a long-poll is answered at once, as a plain pull.
 *
 * <p>Pushes through this process wake the waiters as they commit ({@link #stored}); pushes
 * through another hub process sharing the database are noticed by a check of the newest stored
 * number every {@code sweep} while anyone waits.
 */
final class EventWaiters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventWaiters.class);
    /** The most long-polls held at once (one per station). */
    static final int MAX = 1000;

    private static final class Waiter {
        final long after;
        final Runnable woken;
        final Runnable expired;
        volatile ScheduledFuture<?> deadline;

        Waiter(long after, Runnable woken, Runnable expired) {
            this.after = after;
            this.woken = woken;
            this.expired = expired;
        }

        void cancelDeadline() {
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
        }
    }

    private final Map<String, Waiter> byStation = new ConcurrentHashMap<>();
    private final AtomicLong newest = new AtomicLong();
    private final LongSupplier newestInStore;
    private final ScheduledThreadPoolExecutor timer;

    /** {@code newestInStore}: the highest event number the database holds (read at each sweep while anyone waits). */
    EventWaiters(LongSupplier newestInStore, Duration sweep) {
        this.newestInStore = newestInStore;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hub-long-poll");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long every = Math.max(10, sweep.toMillis());
        timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Holds a long-poll of {@code station} waiting for an event after {@code after}: {@code woken}
     * runs when one is stored, {@code expired} after {@code wait} if none was. Exactly one of them
     * runs, once. False (nothing held, nothing will run) when {@link #MAX} long-polls are held.
     */
    boolean hold(String station, long after, Duration wait, Runnable woken, Runnable expired) {
        if (byStation.size() >= MAX && !byStation.containsKey(station)) {
            return false;
        }
        Waiter w = new Waiter(after, woken, expired);
        Waiter replaced = byStation.put(station, w);
        if (replaced != null) {
            // a station holds one long-poll: its newer one (after a dropped connection) takes the place
            replaced.cancelDeadline();
            run(replaced.expired);
        }
        try {
            w.deadline = timer.schedule(
                    () -> {
                        if (byStation.remove(station, w)) {
                            run(w.expired);
                        }
                    },
                    wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            if (byStation.remove(station, w)) {
                run(w.expired);
            }
            return true;
        }
        // an event stored between the caller's empty read and now has already passed the wake-up
        if (newest.get() > after) {
            wake(station, w);
        }
        return true;
    }

    /** Events up to number {@code seq} are committed: every waiter behind it is answered. */
    void stored(long seq) {
        newest.accumulateAndGet(seq, Math::max);
        byStation.forEach((station, w) -> {
            if (w.after < seq) {
                wake(station, w);
            }
        });
    }

    /** How many long-polls are held now. */
    int held() {
        return byStation.size();
    }

    private void wake(String station, Waiter w) {
        if (byStation.remove(station, w)) {
            w.cancelDeadline();
            run(w.woken);
        }
    }

    private void sweep() {
        if (byStation.isEmpty()) {
            return;
        }
        try {
            stored(newestInStore.getAsLong());
        } catch (RuntimeException e) {
            LOG.debug("Newest event number not read", e);
        }
    }

    private static void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("A held long-poll could not be answered", e);
        }
    }

    /** Stops the timer; held long-polls are left to the server's stop, which cuts their connections. */
    @Override
    public void close() {
        timer.shutdownNow();
        byStation.clear();
    }
}
