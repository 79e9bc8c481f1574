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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.checkin.Outbox;
import org.arrivals.checkin.RemoteEvents;
import org.arrivals.session.Schedule;
import org.arrivals.store.jooq.tables.records.SyncStateRecord;
import org.arrivals.sync.protocol.Problem;
import org.arrivals.sync.protocol.Protocol;
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
    /** The long-poll's wait; zero: none. */
    public static final Duration LONG_POLL = Duration.ofSeconds(25);

    private static final boolean LONG_POLL_ON =
            Boolean.parseBoolean(System.getProperty("arrivals.sync.longPoll", "true"));
    private volatile Duration longPoll = LONG_POLL_ON ? LONG_POLL : Duration.ZERO;
    private volatile boolean pushOnRecord = LONG_POLL_ON;
    private final Object scheduling = new Object();
    private java.util.concurrent.ScheduledFuture<?> next;
    private boolean inSync;
    private boolean again;
    private final Object watch = new Object();
    private long syncs;
    private Thread watcher;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

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

    /** Runs {@code r} when this worker is closed (to stop listening for what it was told of). */
    public void onClose(Runnable r) {
        onClose.add(r);
    }

    /** Told on the sync thread after every attempt; a UI hands it on to its own thread. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }

    /**
     * How long the watcher's long-poll asks the hub to hold it ({@link Duration#ZERO}: no
     * long-poll, only the poll every interval, as before). Set before {@link #start}. The default
     * is {@link #LONG_POLL}, unless the system property {@code arrivals.sync.longPoll} is
     * {@code false}.
     */
    public SyncWorker longPoll(Duration wait) {
        this.longPoll = wait;
        return this;
    }

    /**
     * Whether an event recorded here starts a sync at once ({@link #nudge}); true unless the
     * system property {@code arrivals.sync.longPoll} is {@code false} (today's polling alone, the
     * benchmark's baseline).
     */
    public SyncWorker pushOnRecord(boolean on) {
        this.pushOnRecord = on;
        return this;
    }

    /** An event was recorded here: pushed at once (see {@link #nudge}) unless turned off. */
    public void recorded() {
        if (pushOnRecord) {
            nudge();
        }
    }

    private volatile java.util.function.Supplier<String> printer;

    /**
     * Tells the hub this station's state with every sync: its printer's condition (a {@code
     * PrinterState.Condition}'s name, asked of {@code printer} without asking the printer), its
     * events not yet acknowledged and those set aside. Unset: no report is sent (as before).
     */
    public SyncWorker reportPrinter(java.util.function.Supplier<String> printer) {
        this.printer = printer;
        return this;
    }

    /** The report the next calls carry, when one is asked for. */
    private void report() {
        java.util.function.Supplier<String> p = printer;
        if (p == null || client == null) {
            return;
        }
        try {
            client.report(new org.arrivals.sync.protocol.StationReport(
                    p.get(), outbox.pendingCount(), quarantine == null ? 0 : quarantine.count()));
        } catch (RuntimeException e) {
            LOG.debug("No state report this time", e);
        }
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
        synchronized (scheduling) {
            next = executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
        }
        if (!longPoll.isZero() && !longPoll.isNegative()) {
            watcher = new Thread(this::watch, "arrivals-sync-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /**
     * Something was recorded here, or the hub has news: sync now rather than at the next tick. Only
     * while the hub answers; after a failure the backoff stands, as if nothing had been said.
     */
    public void nudge() {
        synchronized (scheduling) {
            if (executor == null || closed || !online) {
                return;
            }
            if (inSync) {
                again = true; // the sync under way may have read the outbox already: one more after it
                return;
            }
            if (next != null && next.cancel(false)) {
                next = executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
            }
            // else the scheduled sync has just started: it will see what was recorded
        }
    }

    private void loop() {
        synchronized (scheduling) {
            inSync = true;
            again = false;
        }
        long delay;
        boolean ok = false;
        try {
            syncOnce();
            failures = 0;
            ok = true;
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
        synchronized (scheduling) {
            inSync = false;
            if (ok && again) {
                delay = 0;
            }
            if (!closed) {
                try {
                    next = executor.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // closed meanwhile
                }
            }
        }
        if (ok) {
            synchronized (watch) {
                syncs++;
                watch.notifyAll();
            }
        }
    }

    /**
     * The watcher: while the hub answers, holds a long-poll open to it and takes in what it
     * brings at once, so a check-in at another desk is here well within a second. When the
     * long-poll fails, the sync loop is asked to try now and decides, with its own backoff,
     * whether the hub is back; the watcher waits for its next successful sync. A hub that does
     * not hold long-polls (an older one, or one holding too many) leaves this station polling
     * every interval as before.
     */
    private void watch() {
        long seen = -1;
        while (!closed) {
            try {
                synchronized (watch) {
                    while (!closed && (!online || syncs <= seen)) {
                        watch.wait(1000);
                    }
                }
                if (closed) {
                    return;
                }
                long cursor = state.read().getEventCursor();
                HubClient.LongPoll answer;
                try {
                    answer = client.waitForEvents(cursor, PULL_BATCH, longPoll);
                } catch (HubException e) {
                    synchronized (watch) {
                        seen = syncs; // wait for the sync loop to find the hub again
                    }
                    LOG.debug("Long-poll failed: {}", e.getMessage());
                    nudge();
                    continue;
                }
                if (!answer.page().events().isEmpty()) {
                    synchronized (running) {
                        // the sync loop may have pulled these meanwhile; then the page is left to it
                        if (!closed && state.read().getEventCursor() == cursor) {
                            int n = takeIn(answer.page(), cursor);
                            LOG.debug("Long-poll brought {} events", n);
                            publish();
                        }
                    }
                } else if (!answer.held()) {
                    synchronized (watch) {
                        watch.wait(Math.max(1000, interval.toMillis()));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Long-poll failed", e);
                synchronized (watch) {
                    seen = syncs;
                }
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
                report();
                int roster = pullRoster();
                pullSchedule();
                int pushed = pushAll();
                if (pushed > 0) {
                    report();
                }
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

    private volatile boolean bulkBacklog = true;

    /** Runs {@code work} with the database's write delay relaxed ({@code Store.bulkWrite}); everything is on disk after. */
    private <T> T bulk(HubWork<T> work) throws HubException {
        Object result = attendees.bulkWrite(() -> {
            try {
                return work.run();
            } catch (HubException e) {
                return e;
            }
        });
        if (result instanceof HubException e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T t = (T) result;
        return t;
    }

    private interface HubWork<T> {
        T run() throws HubException;
    }

    private int pullEvents() throws HubException {
        long cursor = state.read().getEventCursor();
        PullResponse first = client.pullEvents(cursor, PULL_BATCH);
        if (first.more() && bulkBacklog) {
            // a backlog (back from offline, or new): H2 would write its file after every statement
            return bulk(() -> pullEvents(first, cursor));
        }
        return pullEvents(first, cursor);
    }

    private int pullEvents(PullResponse first, long from) throws HubException {
        int pulled = 0;
        long cursor = from;
        PullResponse page = first;
        while (true) {
            if (page == null) {
                page = client.pullEvents(cursor, PULL_BATCH);
            }
            pulled += takeIn(page, cursor);
            if (page.cursor() > cursor) {
                cursor = page.cursor();
            }
            if (!page.more()) {
                return pulled;
            }
            page = null;
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

    /** Applies a pulled page and moves the cursor past it (after the events are committed). */
    private int takeIn(PullResponse page, long from) {
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
        // Our own events coming back prove the hub holds them, even if a push receipt was lost: they
        // are marked acknowledged in the page's transaction
        int pulled = apply(page.events(), events, ids);
        if (page.cursor() > from) {
            state.eventCursor(page.cursor());
        }
        return pulled;
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
    private int apply(List<WireEvent> page, List<CheckInEvent> events, List<UUID> ids) {
        if (previousApply) {
            int pulled = applyOrOneByOne(page, events);
            outbox.markAcked(ids);
            return pulled;
        }
        try {
            return remote.applyRemote(events, ids);
        } catch (RuntimeException whole) {
            int pulled = oneByOne(page, events);
            outbox.markAcked(ids);
            return pulled;
        }
    }

    private int applyOrOneByOne(List<WireEvent> page, List<CheckInEvent> events) {
        try {
            return remote.applyRemote(events);
        } catch (RuntimeException whole) {
            return oneByOne(page, events);
        }
    }

    private int oneByOne(List<WireEvent> page, List<CheckInEvent> events) {
        LOG.warn("A page of {} pulled events could not be applied at once; applying them one by one", events.size());
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

    /** Roster rows asked for in one pull; a hub older than {@link Protocol#MAX_ROSTER_PAGE} refuses more than 2,000. */
    private volatile int rosterPage = ROSTER_PAGE;

    public static final int ROSTER_PAGE = Protocol.MAX_ROSTER_PAGE;

    /** A roster page, asking an older hub (which takes at most 2,000 rows a page) again with that. */
    private RosterResponse rosterPage(long version) throws HubException {
        try {
            return client.pullRoster(version, rosterPage);
        } catch (HubException e) {
            if (e.status() == 400 && rosterPage > PULL_BATCH) {
                rosterPage = PULL_BATCH;
                LOG.info("The hub takes roster pages of {} rows at most", PULL_BATCH);
                return client.pullRoster(version, rosterPage);
            }
            throw e;
        }
    }

    private int pullRoster() throws HubException {
        long version = state.read().getRosterVersion();
        if (version == 0 && bulkFirstRoster && attendees.count() == 0) {
            return firstRoster();
        }
        int rows = 0;
        while (true) {
            RosterResponse page = rosterPage(version);
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

    private volatile boolean bulkFirstRoster = true;

    /**
     * The pulls as they were before: roster pages of 2,000, each merged and told to the index on
     * its own, answers not gzipped, a backlog of events written with the database's usual write
     * delay. For the benchmark's baseline.
     */
    public SyncWorker previousPulls() {
        rosterPage = PULL_BATCH;
        bulkFirstRoster = false;
        client.acceptGzip(false);
        bulkBacklog = false;
        return this;
    }

    /**
     * A new station's first roster as the previous version pulled it (bulk, but inserted through
     * jOOQ's batch binding). For the benchmark's baseline; the hub's side is {@code
     * -Darrivals.hub.previousRosterPage=true}.
     */
    public SyncWorker previousFirstPull() {
        attendees.insertThroughJooq(true);
        return this;
    }

    private volatile boolean previousApply;

    /**
     * Pulled pages taken in as the previous version did (jOOQ's batch binding; our own events
     * acknowledged in a second transaction after the page's). For the benchmark's baseline.
     */
    public SyncWorker previousApply() {
        previousApply = true;
        remote.previousApply(true);
        return this;
    }

    /** Told the rows taken so far after each page of a new station's roster is committed (tests). */
    private volatile IntConsumer afterRosterPage;

    /** Roster pages of {@code rows} and a hook after each page of a first pull, for tests of a pull cut half-way. */
    SyncWorker rosterPages(int rows, IntConsumer afterPage) {
        this.rosterPage = rows;
        this.afterRosterPage = afterPage;
        return this;
    }

    /** Whether a new station's first roster is loaded in one transaction (true) or page by page as later changes are. */
    public SyncWorker bulkFirstRoster(boolean on) {
        this.bulkFirstRoster = on;
        return this;
    }

    /**
     * A new station's whole roster: the next page is fetched on another thread while this one
     * inserts the last (plain inserts, no merge: nothing is there to match), each page committed
     * with its version, so a pull cut half-way goes on from there, merging, next time. Edits are
     * laid over once, and the search index is told once, at the end, instead of after every page.
     * All of it with H2's write delay relaxed ({@code Store.bulkWrite}), which halves the time.
     */
    private int firstRoster() throws HubException {
        // H2 otherwise writes its file after every statement of every page (Store.bulkWrite)
        return bulk(this::firstRosterPages);
    }

    private int firstRosterPages() throws HubException {
        java.util.concurrent.BlockingQueue<Object> ahead = new java.util.concurrent.ArrayBlockingQueue<>(2);
        Object end = new Object();
        Thread fetcher = new Thread(
                () -> {
                    long v = 0;
                    try {
                        while (true) {
                            RosterResponse page = rosterPage(v);
                            ahead.put(page);
                            v = Math.max(v, page.version());
                            if (!page.more()) {
                                ahead.put(end);
                                return;
                            }
                        }
                    } catch (HubException | RuntimeException e) {
                        ahead.offer(e);
                    } catch (InterruptedException stop) {
                        // the insert failed and stopped listening
                    }
                },
                "arrivals-sync-roster");
        fetcher.setDaemon(true);
        fetcher.start();
        int rows = 0;
        try {
            while (true) {
                Object next = ahead.poll(client.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw new HubException("The hub stopped sending the roster.", 0, null);
                }
                if (next == end) {
                    break;
                }
                if (next instanceof HubException e) {
                    throw e;
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                RosterResponse page = (RosterResponse) next;
                List<org.arrivals.attendee.Attendee> people =
                        page.rows().stream().map(Wire::attendee).toList();
                try {
                    attendees.insertFromHub(people);
                } catch (org.jooq.exception.IntegrityConstraintViolationException held) {
                    // someone got here first (a walk-in pulled or registered meanwhile): merged instead
                    attendees.upsertFromHub(people);
                }
                rows += people.size();
                if (page.version() > state.read().getRosterVersion()) {
                    state.rosterVersion(page.version());
                }
                IntConsumer hook = afterRosterPage;
                if (hook != null) {
                    hook.accept(rows);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted while pulling the roster.", 0, e);
        } finally {
            fetcher.interrupt();
            if (rows > 0) {
                remote.replayAllEdits();
                attendees.fireReloaded();
            }
        }
        return rows;
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
        onClose.forEach(Runnable::run);
        synchronized (watch) {
            watch.notifyAll();
        }
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
        // a page the watcher is taking in is finished; it takes in no other (its long-poll, not
        // interrupted, ends with the hub's answer or its deadline and is dropped)
        synchronized (running) {
            LOG.trace("Sync stopped");
        }
    }
}
