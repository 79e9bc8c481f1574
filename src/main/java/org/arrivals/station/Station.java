package org.arrivals.station;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.RosterService;
import org.arrivals.attendee.export.RosterExport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.PendingAudit;
import org.arrivals.badge.BadgeRenderer;
import org.arrivals.badge.BadgeToken;
import org.arrivals.certificate.CertificateService;
import org.arrivals.certificate.CertificateToken;
import org.arrivals.checkin.ArrivalQueries;
import org.arrivals.checkin.ArrivalStats;
import org.arrivals.checkin.CheckInLog;
import org.arrivals.checkin.CheckInService;
import org.arrivals.checkin.Outbox;
import org.arrivals.checkin.RemoteEvents;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.delegation.DelegationService;
import org.arrivals.print.BadgeEvents;
import org.arrivals.print.PrintQueue;
import org.arrivals.print.PrintService;
import org.arrivals.print.Printers;
import org.arrivals.search.Lookup;
import org.arrivals.session.Schedule;
import org.arrivals.session.SessionPresence;
import org.arrivals.session.SessionQueries;
import org.arrivals.session.SessionService;
import org.arrivals.startup.Timeline;
import org.arrivals.store.Store;
import org.arrivals.sync.HubClient;
import org.arrivals.sync.SyncState;
import org.arrivals.sync.SyncWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of one station for one event, wired once: this class makes them and closes them,
 * and decides nothing. The desk, self-service and staff screens, and the command line, are faces
 * over exactly these services ({@link #checkIns()}, {@link #printing()}, {@link #roster()},
 * {@link #lookup()}, {@link #settings()}...); the stores and logs below them are for the services
 * and the tests.
 */
public final class Station implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Station.class);

    /** The attendee types every event knows; an event's own list adds to these. */
    public static final List<String> STANDARD_TYPES =
            List.of("General Admission", "Speaker", "Staff", "Volunteer", "Press", "Sponsor", "Exhibitor");

    /** How often the background sync runs while the hub answers. */
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(3);

    /** How often the print worker asks the station's printers how they are. */
    public static final Duration PRINTER_PROBE = Duration.ofSeconds(3);

    private final Path home;
    private final String eventId;
    private final Store store;
    private final AttendeeStore attendees;
    private final RosterImporter importer;
    private final CheckInLog log;
    private final ArrivalQueries arrivals;
    private final Outbox outbox;
    private final RemoteEvents remote;
    private final String stationId;
    private final Lookup lookup;
    private final BadgeToken tokens;
    private final BadgeRenderer badges;
    private final PrintService printing;
    private final CheckInService checkIns;
    private final RosterService roster;
    private final KioskService kiosk;
    private final StationSetup setup;
    private final Path configDir;
    private final StationSettings settings;
    private final Clock clock;
    private final SyncState syncState;
    private final AuditLog audit;
    private final EventSettings event;
    private final Schedule schedule;
    private final SessionService sessions;
    private final DelegationService delegations;
    private final CertificateService certificates;
    private final org.arrivals.sync.Quarantine quarantine;
    private SyncWorker sync;
    /** How this station was opened, so it can open again (after joining a hub) without asking anyone. */
    private StationKey key;

    private String stationOverride;

    private Station(
            Path home,
            String eventId,
            StationSettings settings,
            EventKey.Keys eventKey,
            Store store,
            Clock clock,
            Path configDir) {
        this.home = home;
        this.eventId = eventId;
        this.stationId = settings.id();
        this.store = store;
        this.settings = settings;
        this.configDir = configDir;
        this.clock = clock;
        this.event = EventSettings.load(home);
        this.attendees = new AttendeeStore(store, clock);
        this.importer = new RosterImporter(store, attendees, clock, STANDARD_TYPES);
        this.log = new CheckInLog(store, attendees, stationId, clock, event.zone());
        this.schedule = new Schedule(store);
        this.arrivals = new ArrivalQueries(store, schedule::days);
        // where people are in the session rooms: kept in step with every event, here or pulled
        log.addProjection(new SessionPresence());
        this.outbox = new Outbox(store, clock);
        this.remote = new RemoteEvents(log, store, attendees, clock);
        this.tokens = new BadgeToken(eventKey.current(), eventKey.alsoAccepted());
        this.badges = new BadgeRenderer(tokens);
        this.syncState = new SyncState(store);
        this.quarantine = new org.arrivals.sync.Quarantine(store, clock);
        this.audit = new AuditLog(store, stationId, clock);
        this.printing = new PrintService(
                new PrintQueue(store, clock),
                attendees,
                badges,
                Printers::forSetting,
                configDir,
                new BadgeEvents() {
                    @Override
                    public void printed(String code) {
                        log.badgePrinted(code);
                    }

                    @Override
                    public void reprinted(String code, String reason) {
                        log.badgeReprinted(code, reason);
                    }

                    @Override
                    public void reprinted(String code, String reason, int generation) {
                        log.badgeReprinted(code, reason, generation);
                    }
                },
                audit,
                new PrintService.Target(
                        settings.printer(), StationFile.read(home).getProperty("badge.template", "")),
                target -> StationFile.set(
                        home,
                        Map.of(
                                "printer",
                                target.printer() == null ? "" : target.printer(),
                                "badge.template",
                                target.template())),
                clock,
                PRINTER_PROBE);
        ScanResolver scans = new ScanResolver(
                attendees, tokens, settings.scannerPrefix(), settings.scannerSuffix(), printing.generations()::current);
        // a reprint recorded at another station replaces the badge here too
        remote.onReprint(printing.generations()::raise);
        this.checkIns = new CheckInService(
                log,
                arrivals,
                new ArrivalStats(store, log.calendar(), schedule::days),
                outbox,
                attendees,
                scans,
                printing,
                audit,
                settings.duty());
        this.sessions = new SessionService(log, arrivals, scans, schedule, new SessionQueries(store), audit);
        this.delegations = new DelegationService(attendees, arrivals, checkIns);
        this.certificates = new CertificateService(
                attendees,
                scans,
                sessions,
                new CertificateToken(eventKey.current()),
                audit,
                configDir,
                () -> StationFile.read(home).getProperty("event.name", "").strip(),
                clock);
        this.roster = new RosterService(
                importer, new RosterExport(attendees, arrivals, sessions::exportColumns), audit, clock, stationId);
        this.kiosk = new KioskService(home, audit);
        this.setup = new StationSetup(home, configDir, printing, audit);
        // the desk's search marks who is in today
        // (built from the lean read of what it needs, not every column sorted by name)
        this.lookup = new Lookup(
                attendees::forIndex,
                () -> arrivals.arrivedCodesOn(log.calendar().today()));
        attendees.addListener(lookup);
        log.addListener(a ->
                lookup.setArrived(a.attendeeCode(), a.checkedInOn(log.calendar().today())));
    }

    /**
     * Opens a station's services for one event. {@code stationOverride}, when given, replaces the
     * configured station id for this run (the CLI's {@code --station}).
     */
    public static Station open(Path home, String eventId, String stationOverride, Clock clock) {
        return open(home, eventId, stationOverride, clock, null);
    }

    /** As above, with the kiosk-config folder that holds badge templates (null: the built-in ones); the key from ARRIVALS_KEY. */
    public static Station open(Path home, String eventId, String stationOverride, Clock clock, Path configDir) {
        return open(home, eventId, stationOverride, clock, configDir, StationKey.fromEnvironment());
    }

    /** As above, unlocked with {@code key}: the event's database is encrypted at rest under it. */
    public static Station open(
            Path home, String eventId, String stationOverride, Clock clock, Path configDir, StationKey key) {
        EventId.check(eventId);
        StationSettings settings = StationSettings.load(home);
        if (stationOverride != null && !stationOverride.isBlank()) {
            settings = settings.withId(stationOverride.strip());
        }
        Path dir = DataHome.eventDirectory(home, eventId);
        Store store = Store.open(dir, key.storeKey());
        try (Timeline.Span wiring = Timeline.begin("station services")) {
            // a station that joined a hub is the station the hub named in its set-up code
            SyncState.Joined joined = new SyncState(store).joined();
            if (joined.joined()) {
                if (stationOverride != null
                        && !stationOverride.isBlank()
                        && !stationOverride.strip().equals(joined.station())) {
                    throw new IllegalArgumentException("This station joined its hub as " + joined.station()
                            + ": its events carry that name, and the hub takes no other from its token. Leave out"
                            + " --station, or give --station " + joined.station() + ".");
                }
                settings = settings.withId(joined.station());
            }
            Station station = new Station(home, eventId, settings, EventKey.load(store, dir), store, clock, configDir);
            try (Timeline.Span sealing = Timeline.begin("hub token and audit")) {
                station.sealHubToken();
                PendingAudit.drainInto(home, station.audit);
            }
            station.key = key;
            station.stationOverride = stationOverride;
            if (station.takeSetupCode()) {
                // joined: the hub's name and badge key take effect as the station opens again
                station.close();
                return open(home, eventId, stationOverride, clock, configDir, key);
            }
            return station;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Starts deriving the event's file key from {@code key} on a thread of its own (PBKDF2, the
     * longest step of opening an event), so that {@link #open} finds it done: a start calls this
     * as early as it knows the key, and its other work overlaps the derivation.
     */
    public static void prepareKey(Path home, String eventId, StationKey key) {
        Path dir = DataHome.eventDirectory(home, EventId.check(eventId));
        Thread t = new Thread(() -> key.storeKey().prepare(dir), "arrivals-key");
        t.setDaemon(true);
        t.start();
    }

    public static Station open(Path home, String eventId, Clock clock) {
        return open(home, eventId, null, clock);
    }

    /** Name search over the roster, kept current; the index is built on first use (or {@code warm()}). */
    public Lookup lookup() {
        return lookup;
    }

    /** Check in, override, undo, walk-ins, corrections: the check-in use cases. */
    public CheckInService checkIns() {
        return checkIns;
    }

    /** Badges: first badges, reprints, the queue, the station's printer. */
    public PrintService printing() {
        return printing;
    }

    /** The schedule, session doors, who attended what. */
    public SessionService sessions() {
        return sessions;
    }

    /** Organizations' people, checking a delegation in at once. */
    public DelegationService delegations() {
        return delegations;
    }

    /** Certificates of attendance. */
    public CertificateService certificates() {
        return certificates;
    }

    /** The event's time zone and first day (station.properties). */
    public EventSettings event() {
        return event;
    }

    /** Importing and exporting the list. */
    public RosterService roster() {
        return roster;
    }

    /** The kiosk's own settings (start mode, idle time, language). */
    /** The rules of the first-run wizard (PINs, printer, mode), on this open station. */
    public StationSetup setup() {
        return setup;
    }

    public KioskService kiosk() {
        return kiosk;
    }

    /** Badges drawn with this event's key, so their QR codes check in here (a pure function: previews, files). */
    public BadgeRenderer badges() {
        return badges;
    }

    public BadgeToken tokens() {
        return tokens;
    }

    public String stationId() {
        return stationId;
    }

    /**
     * Sync with the hub of station.properties ({@code hub.url}, {@code hub.token}); not started
     * (a UI calls {@code start()}). Without a hub URL it reports itself as not configured.
     */
    public synchronized SyncWorker sync() {
        if (sync == null) {
            sync = syncWith(null, null);
        }
        return sync;
    }

    /** The key in station.properties that says the hub token was moved into an event's database. */
    static final String SEALED = "hub.token.sealed";

    /**
     * Moves a hub token written in station.properties (by hand, or by the kiosk set-up) into the
     * event's encrypted database, and takes it out of the file: a token in clear would let whoever
     * took the laptop pull the whole list from the hub.
     */
    private void sealHubToken() {
        Properties file = StationFile.read(home);
        String clear = file.getProperty("hub.token", "").strip();
        if (clear.isEmpty()) {
            String holder = file.getProperty(SEALED, "").strip();
            if (!settings.hubUrl().isBlank()
                    && (syncState.hubToken() == null || syncState.hubToken().isBlank())) {
                LOG.warn(
                        "Event {} has no hub token{}. Write hub.token in station.properties again (arrivals hub"
                                + " add-station gives a new one) for it to sync.",
                        eventId,
                        holder.isEmpty()
                                ? ""
                                : ": the token was moved into event " + holder
                                        + "'s database when that event opened (or that event was wiped since)");
            }
            return;
        }
        syncState.hubToken(clear);
        Map<String, String> change = new HashMap<>();
        change.put("hub.token", null);
        change.put(SEALED, eventId);
        StationFile.set(home, change);
        LOG.info("The hub token moved from station.properties into event {}'s encrypted database", eventId);
    }

    /** A sync worker with the hub URL and token given here in place of the configured ones (blank: configured). */
    public SyncWorker syncWith(String hubUrl, String hubToken) {
        return syncWith(hubUrl, hubToken, Duration.ofSeconds(10), SYNC_INTERVAL, LONGEST_BACKOFF);
    }

    /**
     * The longest a station waits between tries while the hub does not answer. The rehearsal showed
     * desks still offline up to a minute after a restarted hub was back (and admitting people twice
     * meanwhile) with 60 s; at 15 s, ten stations ask a dead hub less than once a second.
     */
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(15);

    /** As above, with the deadline of each hub call, the pause between syncs, and the longest backoff. */
    public SyncWorker syncWith(
            String hubUrl, String hubToken, Duration callTimeout, Duration interval, Duration maxBackoff) {
        return syncWith(hubUrl, hubToken, null, callTimeout, interval, maxBackoff);
    }

    /**
     * As above, with the hub's certificate fingerprint to pin in place of the one kept when the
     * station joined (blank: that one, if any). The joined hub's address and token are used unless
     * others are given; {@code hub.url} and {@code hub.token} in station.properties otherwise.
     */
    public SyncWorker syncWith(
            String hubUrl,
            String hubToken,
            String fingerprint,
            Duration callTimeout,
            Duration interval,
            Duration maxBackoff) {
        SyncState.Joined joined = syncState.joined();
        String url = hubUrl != null && !hubUrl.isBlank()
                ? hubUrl.strip()
                : joined.hubUrl() != null && !joined.hubUrl().isBlank() ? joined.hubUrl() : settings.hubUrl();
        String token = hubToken != null && !hubToken.isBlank()
                ? hubToken.strip()
                : !settings.hubToken().isBlank() ? settings.hubToken() : syncState.hubToken();
        String pinned = fingerprint != null && !fingerprint.isBlank() ? fingerprint.strip() : joined.fingerprint();
        HubClient client = null;
        if (url != null && !url.isBlank()) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hub.url " + url + " is not a URL; write it as https://HOST:PORT.");
            }
            client = new HubClient(
                    uri,
                    token,
                    callTimeout,
                    pinned == null || pinned.isBlank() ? null : org.arrivals.sync.PinnedCertificate.of(pinned));
        }
        SyncWorker worker = new SyncWorker(
                outbox, remote, attendees, syncState, client, quarantine, clock, interval, maxBackoff, schedule);
        worker.reportPrinter(() -> printing.printerState().condition().name());
        // what is recorded here goes to the hub at once, not at the next tick
        Runnable nudge = worker::recorded;
        log.addRecordListener(nudge);
        worker.onClose(() -> log.removeRecordListener(nudge));
        return worker;
    }

    private volatile org.arrivals.checkin.SelfCheckIn selfService;

    /** The self-service station's rules: names only, a question only the person knows, the rate limit. */
    public synchronized org.arrivals.checkin.SelfCheckIn selfService() {
        if (selfService == null) {
            selfService = new org.arrivals.checkin.SelfCheckIn(checkIns, lookup, attendees, clock);
        }
        return selfService;
    }

    /** A set-up code the kiosk set-up left in the data folder, taken in at the first open. */
    static final String SETUP_CODE_FILE = "setup.code";

    /**
     * Joins the hub of a set-up code that the kiosk set-up left in {@code HOME/setup.code} (read
     * from a file, never a command line), then removes the file: the code lives on only in the
     * encrypted database. True when the station joined.
     */
    private boolean takeSetupCode() {
        Path file = home.resolve(SETUP_CODE_FILE);
        if (!java.nio.file.Files.exists(file) || syncState.joined().joined()) {
            return false;
        }
        try {
            String code = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
            StationJoin.Joined r = joining().join(org.arrivals.audit.Actor.cli(), code, null);
            if (r.outcome() != StationJoin.Outcome.JOINED) {
                LOG.warn("The set-up code in {} was not taken: {}", file, r.outcome());
                return false;
            }
            java.nio.file.Files.delete(file);
            LOG.info("Joined the hub as {} with the set-up code the kiosk set-up left", r.station());
            return true;
        } catch (java.io.IOException e) {
            LOG.warn("Cannot read the set-up code in {}: {}", file, e.getMessage());
            return false;
        }
    }

    /**
     * Closes this station and opens it again with the same key: after joining a hub (the kiosk's
     * first-run screen) its services take the hub's name for this station and the event's badge
     * key (a {@code --station} given at start gives way to the hub's name). Call off the FX
     * thread; use only the station it returns.
     */
    public Station reopen() {
        String override = syncState.joined().joined() ? null : stationOverride;
        close();
        return open(home, eventId, override, clock, configDir, key);
    }

    /** Joining a hub with a set-up code. */
    public StationJoin joining() {
        return new StationJoin(home, store, syncState, audit);
    }

    /** Events set aside by sync (pulled ones this station cannot apply, its own the hub refused). */
    public org.arrivals.sync.Quarantine quarantine() {
        return quarantine;
    }

    /** The check-in log's commands (for tests; faces use {@link #checkIns()}). */
    public CheckInLog log() {
        return log;
    }

    /** What the check-in log says (for tests and tools; faces use {@link #checkIns()}). */
    public ArrivalQueries arrivals() {
        return arrivals;
    }

    /** The events the hub has not acknowledged yet. */
    public Outbox outbox() {
        return outbox;
    }

    /** How events pulled from the hub enter this station's log. */
    public RemoteEvents remote() {
        return remote;
    }

    /** The event's database (for tests and tools; services own what is in it). */
    public Store store() {
        return store;
    }

    /** The station's clock (tests give a fixed one). */
    public Clock clock() {
        return clock;
    }

    /** The append-only log of staff actions at this station (services write it; faces read and export it). */
    public AuditLog audit() {
        return audit;
    }

    /** The kiosk-config folder (badge templates), or null for the built-in samples. */
    public Path configDir() {
        return configDir;
    }

    public StationSettings settings() {
        return settings;
    }

    public Path home() {
        return home;
    }

    public String eventId() {
        return eventId;
    }

    /** The roster store (for sync and tests; faces use {@link #checkIns()} and {@link #roster()}). */
    public AttendeeStore attendees() {
        return attendees;
    }

    /** The schedule as stored (for sync and tests; faces use {@link #sessions()}). */
    public Schedule schedule() {
        return schedule;
    }

    /** The importer (for tests; faces use {@link #roster()}). */
    public RosterImporter importer() {
        return importer;
    }

    @Override
    public void close() {
        SyncWorker s;
        synchronized (this) {
            s = sync;
        }
        if (s != null) {
            s.close();
        }
        printing.close();
        store.close();
    }
}
