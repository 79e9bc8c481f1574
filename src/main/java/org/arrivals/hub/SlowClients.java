package org.arrivals.hub;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;

/**
 * Closes a connection that has not sent a request's headers within the deadline: after it opened,
 * or after its last answer (a keep-alive connection waiting for its next request). Jetty reads
 * headers without holding a thread, but each waiting connection still holds a socket; its idle
 * timeout alone would keep one alive that sends a byte now and then. A request being served (a
 * sync the hub holds open on purpose included) is never cut by this: only the connector's idle
 * timeout, which a held request must answer within, applies to it.
 */
final class SlowClients implements Connection.Listener, AutoCloseable {
    private static final class State {
        final AtomicInteger active = new AtomicInteger();
        volatile long since;

        State(long now) {
            this.since = now;
        }
    }

    private final Map<Connection, State> open = new ConcurrentHashMap<>();
    private final long deadlineNanos;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService sweeper;

    SlowClients(Duration headerDeadline) {
        this.deadlineNanos = headerDeadline.toNanos();
        this.nanoTime = System::nanoTime;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-slow-clients");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, Math.min(1000, headerDeadline.toMillis() / 10));
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection c) {
        if (!(c instanceof SslConnection)) { // the HTTP connection inside a TLS one is tracked instead
            open.put(c, new State(nanoTime.getAsLong()));
        }
    }

    @Override
    public void onClosed(Connection c) {
        open.remove(c);
    }

    /** A request's headers arrived on {@code c}; run what this returns when its answer is done. */
    Runnable started(Connection c) {
        State s = c == null ? null : open.get(c);
        if (s == null) {
            return () -> {};
        }
        s.active.incrementAndGet();
        return () -> {
            s.since = nanoTime.getAsLong();
            s.active.decrementAndGet();
        };
    }

    /** How many connections are open now (for tests). */
    int openConnections() {
        return open.size();
    }

    private void sweep() {
        long now = nanoTime.getAsLong();
        open.forEach((c, s) -> {
            if (s.active.get() == 0 && now - s.since > deadlineNanos) {
                open.remove(c);
                c.close();
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
