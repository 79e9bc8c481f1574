package org.arrivals.hub;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.arrivals.store.JdbcDatabase;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.PushResponse;
import org.arrivals.sync.protocol.RosterResponse;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.StationRole;
import org.arrivals.sync.protocol.WireEvent;

/**
 * Everything the hub knows, in its database and nowhere else (so several hubs can share one
 * PostgreSQL), in four parts: the stations and their tokens ({@link StationTokens}), the events of
 * every station with the pull cursor ({@link HubEvents}), the roster with its versions ({@link
 * HubRoster}) and the station edits laid over it ({@link RosterEdits}). Every event and roster
 * row is checked by the sync contract ({@code sync.protocol}) before it is stored.
 */
public final class HubStore implements AutoCloseable {
    /** A station the hub knows, found by its token, with what its token may do. */
    public record Caller(String name, StationRole role) {
        /** May upload the roster and register stations. */
        public boolean admin() {
            return role.administers();
        }
    }

    /** A station as the hub lists it: its role, when it was added and last heard from, revoked or not. */
    public record StationInfo(
            String name, StationRole role, OffsetDateTime created, OffsetDateTime lastSeen, OffsetDateTime revoked) {}

    private final JdbcDatabase db;
    private final StationTokens stations;
    private final HubEvents events;
    private final HubRoster roster;
    private final HubSchedule schedule;
    private final StationReports reports;
    private final Clock clock;
    private final List<java.util.function.LongConsumer> storedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private HubStore(JdbcDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        // Pushes and roster imports through this process queue here rather than in the database's lock queue.
        ReentrantLock writes = new ReentrantLock();
        this.stations = new StationTokens(db.dsl(), clock);
        this.roster = new HubRoster(db.dsl(), clock, writes);
        this.events = new HubEvents(db.dsl(), clock, writes, roster);
        this.schedule = new HubSchedule(db.dsl(), writes);
        this.reports = new StationReports(db.dsl(), clock);
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
        return stations.add(name, admin ? StationRole.ADMIN : StationRole.DESK);
    }

    /** As above, with what the station's token may do. */
    public String addStation(String name, StationRole role) {
        return stations.add(name, role);
    }

    /** Refuses the station's token from now on (also in a hub running in another process). False: no such station. */
    public boolean revokeStation(String name) {
        return stations.revoke(name);
    }

    /** Every station the hub knows, by name. */
    public List<StationInfo> stations() {
        return stations.list().stream()
                .map(s -> new StationInfo(s.name(), s.role(), s.created(), s.lastSeen(), s.revoked()))
                .toList();
    }

    /** A station's last report and when the hub took it. */
    public record Reported(org.arrivals.sync.protocol.StationReport report, OffsetDateTime at) {}

    /** Keeps what a station said of itself when it synced (written only when it changed). */
    public void noteReport(String station, org.arrivals.sync.protocol.StationReport report) {
        reports.note(station, report);
    }

    /** Each station's last report, by name; a station that never sent one is not in it. */
    public java.util.Map<String, Reported> reports() {
        return reports.all();
    }

    /** The station holding {@code token}, unless revoked. Reads the database (see {@link #knownToken}). */
    public Optional<Caller> authenticate(String token) {
        return stations.authenticate(token);
    }

    /** True when this token was seen before as a station's: no database read (the wrong-token limit comes first otherwise). */
    public boolean knownToken(String token) {
        return stations.knownToken(token);
    }

    /** The hub's clock (the contract bounds pushed clocks by it). */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The event's badge key (32 random bytes, Base64), made the first time it is asked for: the hub
     * hands it to stations in their set-up codes, so every station verifies the same badges.
     */
    public byte[] badgeKey() {
        String stored = db.dsl()
                .select(HubTables.SECRET_VALUE)
                .from(HubTables.SECRET)
                .where(HubTables.SECRET_NAME.eq(BADGE_KEY))
                .fetchOne(HubTables.SECRET_VALUE);
        if (stored == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                db.dsl()
                        .insertInto(HubTables.SECRET, HubTables.SECRET_NAME, HubTables.SECRET_VALUE)
                        .values(BADGE_KEY, Base64.getEncoder().encodeToString(key))
                        .execute();
            } catch (org.jooq.exception.IntegrityConstraintViolationException raced) {
                return badgeKey();
            }
            return key;
        }
        return Base64.getDecoder().decode(stored);
    }

    private static final String BADGE_KEY = "badge-key";

    /**
     * Stores a batch, each event once however often it is pushed, and numbers the new ones. The
     * receipt names every event of the batch, since after the commit the hub holds them all.
     *
     * @throws ContractViolation for an event the contract refuses (then nothing is stored)
     */
    public PushResponse push(String pushedBy, List<WireEvent> batch) {
        PushResponse r = events.push(pushedBy, batch);
        if (r.stored() > 0) {
            long newest = events.lastStored();
            for (java.util.function.LongConsumer l : storedListeners) {
                l.accept(newest);
            }
        }
        return r;
    }

    /**
     * Told, after a push through this process commits, the number of the newest event stored (so
     * held long-polls are answered at once). Pushes through another process sharing the database
     * are not told here: {@link #newestEvent} finds them.
     */
    public void onStored(java.util.function.LongConsumer listener) {
        storedListeners.add(listener);
    }

    public void removeStoredListener(java.util.function.LongConsumer listener) {
        storedListeners.remove(listener);
    }

    /** The highest event number the database holds (0: none), stored by this process or another. */
    public long newestEvent() {
        return events.newest();
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

    /** A system property: roster pages read as before (jOOQ records, edits 1,000 codes at a time), the benchmark's baseline. */
    public static final String PREVIOUS_ROSTER_PAGE = HubRoster.PREVIOUS_PAGE;

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

    /** The hub's database, for the organizers' console ({@code hub.console}), which keeps its own tables there. */
    public org.jooq.DSLContext database() {
        return db.dsl();
    }

    @Override
    public void close() {
        db.close();
    }
}
