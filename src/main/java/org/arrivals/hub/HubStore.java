package org.arrivals.hub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.arrivals.store.JdbcDatabase;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.PushResponse;
import org.arrivals.sync.protocol.RosterResponse;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;

/**
 * Everything the hub knows, in its database and nowhere else (so several hubs can share one
 * PostgreSQL), in four parts: the stations and their tokens ({@link StationTokens}), the events of
 * every station with the pull cursor ({@link HubEvents}), the roster with its versions ({@link
 * HubRoster}) and the station edits laid over it ({@link RosterEdits}). Every event and roster
 * row is checked by the sync contract ({@code sync.protocol}) before it is stored.
 */
public final class HubStore implements AutoCloseable {
    /** A station the hub knows, found by its token. */
    public record Caller(String name, boolean admin) {}

    private final JdbcDatabase db;
    private final StationTokens stations;
    private final HubEvents events;
    private final HubRoster roster;
    private final HubSchedule schedule;

    private HubStore(JdbcDatabase db, Clock clock) {
        this.db = db;
        // Pushes and roster imports through this process queue here rather than in the database's lock queue.
        ReentrantLock writes = new ReentrantLock();
        this.stations = new StationTokens(db.dsl(), clock);
        this.roster = new HubRoster(db.dsl(), clock, writes);
        this.events = new HubEvents(db.dsl(), clock, writes, roster);
        this.schedule = new HubSchedule(db.dsl(), writes);
    }

    public static HubStore open(String jdbcUrl, String user, String password, Clock clock) {
        return new HubStore(JdbcDatabase.open(jdbcUrl, user, password, "db/hub", 16), clock);
    }

    /**
     * The default H2 database in a hub's data folder. {@code AUTO_SERVER} lets a second process
     * (such as {@code arrivals hub add-station}) open it while the hub runs.
     */
    public static String h2Url(Path home) {
        return "jdbc:h2:file:" + home.resolve("hub").resolve("hub").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=30000";
    }

    public boolean healthy() {
        return db.healthy();
    }

    /** Registers a station and returns its new token: 32 random bytes, shown once; only its hash is kept. */
    public String addStation(String name, boolean admin) {
        return stations.add(name, admin);
    }

    /** The station holding {@code token}; hashes are compared in constant time. */
    public Optional<Caller> authenticate(String token) {
        return stations.authenticate(token);
    }

    /**
     * Stores a batch, each event once however often it is pushed, and numbers the new ones. The
     * receipt names every event of the batch, since after the commit the hub holds them all.
     *
     * @throws ContractViolation for an event the contract refuses (then nothing is stored)
     */
    public PushResponse push(String pushedBy, List<WireEvent> batch) {
        return events.push(pushedBy, batch);
    }

    /** Events stored after {@code after}, in the order they were stored. */
    public PullResponse pull(long after, int limit) {
        return events.pull(after, limit);
    }

    public int eventCount() {
        return events.count();
    }

    /**
     * Loads roster rows (an export the organizers imported at the hub): new codes are added and
     * changed rows updated, each with its own new roster version. Returns how many rows changed.
     *
     * @throws ContractViolation for a row the contract refuses (then nothing is loaded)
     */
    public int importRoster(List<RosterRow> rows) {
        return roster.importRoster(rows);
    }

    /** Roster rows changed after {@code after}, oldest change first, with station edits laid over them. */
    public RosterResponse roster(long after, int limit) {
        return roster.page(after, limit);
    }

    /**
     * Replaces the event's schedule (every station pulls it) and returns its new version.
     *
     * @throws ContractViolation for a session the contract refuses (then nothing changes)
     */
    public long importSchedule(List<org.arrivals.sync.protocol.ScheduleSession> sessions) {
        return schedule.replace(sessions);
    }

    /** The schedule when its version is newer than {@code after}; else only its version. */
    public org.arrivals.sync.protocol.ScheduleResponse schedule(long after) {
        return schedule.after(after);
    }

    @Override
    public void close() {
        db.close();
    }
}
