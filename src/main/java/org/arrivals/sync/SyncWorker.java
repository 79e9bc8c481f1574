package org.arrivals.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.checkin.Outbox;
import org.arrivals.checkin.RemoteEvents;
import org.arrivals.session.Schedule;
import org.arrivals.store.jooq.tables.records.SyncStateRecord;
import org.arrivals.sync.protocol.Problem;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.PushResponse;
import org.arrivals.sync.protocol.RosterResponse;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.ScheduleContract;
import org.arrivals.sync.protocol.ScheduleResponse;
import org.arrivals.sync.protocol.ScheduleSession;
import org.arrivals.sync.protocol.WireEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a station and the hub in step, on its own daemon thread, never the UI's: pulls roster
 * changes, pushes the outbox (events the hub has not acknowledged), pulls every event stored
 * since the last cursor. Every few seconds while the hub answers; when it does not, the wait
 * doubles up to a minute (with jitter, so a room of stations does not return in step).
 *
 * <p>An event leaves the outbox only when the hub says it holds it: a push receipt naming it, or
 * the event coming back in a pull. A receipt lost on the way means the batch is pushed again, and
 * the hub stores each event once.
 */
public final class SyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);
    public static final int PUSH_BATCH = 1000;
    public static final int PULL_BATCH = 2000;

    /** What one sync did. */
    public record Report(int pushed, int pulled, int rosterRows, int pending) {}

    private final Outbox outbox;
    private final RemoteEvents remote;
    private final AttendeeStore attendees;
    private final SyncState state;
    private final HubClient client;
    private final Quarantine quarantine;
    private final Clock clock;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Schedule schedule;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object running = new Object();
    private volatile SyncStatus status;
    private volatile boolean online;
    private ScheduledExecutorService executor;
    private volatile boolean closed;
    private int failures;

    /** {@code client} null: no hub is configured; the station works alone and says so. */
    public SyncWorker(
            Outbox outbox,
            RemoteEvents remote,
            AttendeeStore attendees,
            SyncState state,
            HubClient client,
            Clock clock,
            Duration interval,
            Duration maxBackoff) {
        this(outbox, remote, attendees, state, client, null, clock, interval, maxBackoff, null);
    }

    /**
     * As above, setting aside in {@code quarantine} what cannot be applied or was refused (null:
     * skipped with a warning), and keeping the station's {@code schedule} as the hub's (null: no
     * schedule is pulled).
     */
    public SyncWorker(
            Outbox outbox,
            RemoteEvents remote,
            AttendeeStore attendees,
            SyncState state,
            HubClient client,
            Quarantine quarantine,
            Clock clock,
            Duration interval,
            Duration maxBackoff,
            Schedule schedule) {
        this.quarantine = quarantine;
        this.schedule = schedule;
        this.outbox = outbox;
        this.remote = remote;
        this.attendees = attendees;
        this.state = state;
        this.client = client;
        this.clock = clock;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.status = snapshot(null);
    }

    public boolean configured() {
        return client != null;
    }

    /** Asks the hub's health check now (no sync). */
    public boolean probe() {
        return client != null && client.healthy();
    }

    /** The last known state; cheap, safe from any thread. */
    public SyncStatus status() {
        return status;
    }

    /** Told on the sync thread after every attempt; a UI hands it on to its own thread. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }

    /** Starts syncing in the background. Does nothing when no hub is configured. */
    public synchronized void start() {
        if (client == null || executor != null) {
            return;
        }
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "arrivals-sync");
            t.setDaemon(true);
            return t;
        });
        e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = e;
        executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
    }

    private void loop() {
        long delay;
        try {
            syncOnce();
            failures = 0;
            delay = interval.toMillis();
        } catch (HubException | RuntimeException e) {
            failures++;
            long backoff = interval.toMillis() << Math.min(failures, 10);
            delay = Math.min(maxBackoff.toMillis(), backoff);
            delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
            if (e instanceof RuntimeException) {
                LOG.warn("Sync failed", e);
            }
        }
        if (!closed) {
            try {
                executor.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // closed meanwhile
            }
        }
    }

    /**
     * One full exchange: roster, push, pull. Returns when the outbox is empty or the hub stopped
     * answering (then it throws, and whatever was acknowledged stays acknowledged).
     */
    public Report syncOnce() throws HubException {
        if (client == null) {
            throw new HubException("No hub is configured: set hub.url and hub.token in station.properties.", 400, null);
        }
        synchronized (running) {
            try {
                int roster = pullRoster();
                pullSchedule();
                int pushed = pushAll();
                int pulled = pullEvents();
                OffsetDateTime now = OffsetDateTime.now(clock);
                state.succeeded(now);
                online = true;
                publish();
                Report r = new Report(pushed, pulled, roster, status.pending());
                if (pushed + pulled + roster > 0) {
                    LOG.info(
                            "Synced with the hub: {} pushed, {} pulled, {} roster rows, {} pending",
                            pushed,
                            pulled,
                            roster,
                            r.pending());
                }
                return r;
            } catch (HubException e) {
                online = false;
                state.failed(e.getMessage());
                publish();
                if (failures == 0) {
                    LOG.info("Hub not reachable: {}", e.getMessage());
                }
                throw e;
            }
        }
    }

    private int pushAll() throws HubException {
        int pushed = 0;
        while (true) {
            List<CheckInEvent> batch = outbox.pending(PUSH_BATCH);
            if (batch.isEmpty()) {
                return pushed;
            }
            List<WireEvent> wire = Wire.of(batch);
            PushResponse receipt;
            try {
                receipt = client.push(wire);
            } catch (HubException e) {
                // one event the hub will never take (refused by the contract, or not this station's to
                // push) would stop the whole outbox: it is set aside, and the rest goes on
                int item = e.item();
                if (quarantine != null
                        && (e.status() == 400 || e.status() == 403)
                        && item >= 1
                        && item <= wire.size()) {
                    WireEvent refused = wire.get(item - 1);
                    quarantine.pushed(refused, e.getMessage());
                    LOG.warn("Event {} set aside: the hub refused it ({})", refused.id(), e.getMessage());
                    publish();
                    continue;
                }
                throw e;
            }
            Set<UUID> sent = new HashSet<>();
            batch.forEach(e -> sent.add(e.id()));
            List<UUID> acked = receipt.acked() == null
                    ? List.of()
                    : receipt.acked().stream().filter(sent::contains).toList();
            int cleared = outbox.markAcked(acked);
            pushed += cleared;
            publish();
            if (cleared == 0) {
                throw new HubException(
                        "The hub acknowledged none of a batch of " + batch.size() + " events.", 500, null);
            }
        }
    }

    private int pullEvents() throws HubException {
        int pulled = 0;
        long cursor = state.read().getEventCursor();
        while (true) {
            PullResponse page = client.pullEvents(cursor, PULL_BATCH);
            List<CheckInEvent> events = new ArrayList<>(page.events().size());
            List<UUID> ids = new ArrayList<>(page.events().size());
            for (WireEvent w : page.events()) {
                if (w.id() != null) {
                    ids.add(w.id());
                }
                // what the contract refuses (a kind from a newer station, a field an older hub let through,
                // a clock far ahead of this station's) is set aside, never half applied; the rest of the
                // page is taken in
                Optional<Problem> problem = Wire.check(w, clock.instant());
                if (problem.isPresent()) {
                    setAside(w, problem.get().toString());
                    continue;
                }
                Optional<CheckInEvent> event = Wire.toEvent(w);
                if (event.isEmpty()) {
                    setAside(w, "kind " + w.kind() + " NOT_ALLOWED");
                    continue;
                }
                events.add(event.get());
            }
            pulled += apply(page.events(), events);
            // Our own events coming back prove the hub holds them, even if a push receipt was lost.
            outbox.markAcked(ids);
            if (page.cursor() > cursor) {
                cursor = page.cursor();
                state.eventCursor(cursor);
            }
            if (!page.more()) {
                return pulled;
            }
        }
    }

    /**
     * The hub's schedule, when it changed since the last pull: it replaces this station's whole
     * (a schedule the contract refuses is left out, and the station keeps the one it has).
     */
    private void pullSchedule() throws HubException {
        if (schedule == null) {
            return;
        }
        long version = state.read().getScheduleVersion();
        ScheduleResponse r = client.pullSchedule(version);
        if (!r.changed() || r.version() <= version) {
            return;
        }
        List<ScheduleSession> rows = r.sessions() == null ? List.of() : r.sessions();
        Optional<Problem> problem = ScheduleContract.check(rows);
        if (problem.isPresent()) {
            LOG.warn("Left out the hub's schedule version {}: {}", r.version(), problem.get());
        } else {
            schedule.replace(
                    rows.stream().map(Wire::session).toList(),
                    new Schedule.Source("hub schedule " + r.version(), "", OffsetDateTime.now(clock)));
            LOG.info("Took the hub's schedule version {}: {} sessions", r.version(), rows.size());
        }
        state.scheduleVersion(r.version());
    }

    private void setAside(WireEvent w, String problem) {
        LOG.warn("Set aside event {} from the hub: {}", w.id(), problem);
        if (quarantine != null) {
            quarantine.pulled(w, problem);
        }
    }

    /**
     * Applies a page; when the page as a whole cannot be applied (an event the store refuses), each
     * event is applied alone and the ones that fail are set aside.
     */
    private int apply(List<WireEvent> page, List<CheckInEvent> events) {
        try {
            return remote.applyRemote(events);
        } catch (RuntimeException whole) {
            LOG.warn(
                    "A page of {} pulled events could not be applied at once; applying them one by one", events.size());
            int n = 0;
            for (CheckInEvent e : events) {
                try {
                    n += remote.applyRemote(List.of(e));
                } catch (RuntimeException one) {
                    page.stream()
                            .filter(w -> e.id().equals(w.id()))
                            .findFirst()
                            .ifPresent(w ->
                                    setAside(w, "not applied: " + one.getClass().getSimpleName()));
                }
            }
            return n;
        }
    }

    private int pullRoster() throws HubException {
        int rows = 0;
        long version = state.read().getRosterVersion();
        while (true) {
            RosterResponse page = client.pullRoster(version, PULL_BATCH);
            if (!page.rows().isEmpty()) {
                List<String> codes = page.rows().stream().map(RosterRow::code).toList();
                attendees.upsertFromHub(page.rows().stream().map(Wire::attendee).toList());
                remote.replayEdits(codes);
                attendees.fireChangedCodes(codes);
                rows += page.rows().size();
            }
            if (page.version() > version) {
                version = page.version();
                state.rosterVersion(version);
            }
            if (!page.more()) {
                return rows;
            }
        }
    }

    private void publish() {
        status = snapshot(online ? null : state.read().getLastError());
        SyncStatus s = status;
        for (Consumer<SyncStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("A sync status listener failed", e);
            }
        }
    }

    private SyncStatus snapshot(String error) {
        SyncStateRecord r = state.read();
        return new SyncStatus(
                client != null,
                online,
                outbox.pendingCount(),
                r.getLastSyncAt(),
                error != null ? error : r.getLastError(),
                r.getEventCursor(),
                r.getRosterVersion(),
                quarantine == null ? 0 : quarantine.count());
    }

    /**
     * Stops the background thread after the sync in progress, if any, ends (each hub call has a
     * deadline). Not interrupted: an interrupt inside an H2 file write would close the database.
     */
    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e != null) {
            e.shutdown();
            try {
                e.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
