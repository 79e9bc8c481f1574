package org.arrivals.station;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.export.RosterExport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.badge.BadgeRenderer;
import org.arrivals.badge.BadgeToken;
import org.arrivals.checkin.CheckInLog;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.print.BadgeEvents;
import org.arrivals.print.PrintQueue;
import org.arrivals.print.PrintService;
import org.arrivals.print.Printer;
import org.arrivals.print.SpoolerPrinter;
import org.arrivals.print.ZebraRawPrinter;
import org.arrivals.search.Lookup;
import org.arrivals.store.Store;
import org.arrivals.sync.HubClient;
import org.arrivals.sync.SyncState;
import org.arrivals.sync.SyncWorker;

/**
 * The services of one station for one event, wired once. The CLI and the UI are two faces over
 * exactly these objects.
 */
public final class Station implements AutoCloseable {
    /** The attendee types every event knows; an event's own list adds to these. */
    public static final List<String> STANDARD_TYPES =
            List.of("General Admission", "Speaker", "Staff", "Volunteer", "Press", "Sponsor", "Exhibitor");

    private final Path home;
    private final String eventId;
    private final Store store;
    private final AttendeeStore attendees;
    private final RosterImporter importer;
    private final RosterExport export;
    private final CheckInLog checkIns;
    private final String stationId;
    private final Lookup lookup;
    private final ScanResolver scans;
    private final BadgeToken tokens;
    private final BadgeRenderer badges;
    private final PrintService printing;
    private final String defaultPrinter;
    private final Path configDir;
    private final StationSettings settings;
    private final Clock clock;
    private final SyncState syncState;
    private final org.arrivals.audit.AuditLog audit;
    private SyncWorker sync;

    private Station(
            Path home,
            String eventId,
            StationSettings settings,
            byte[] eventKey,
            Store store,
            Clock clock,
            Path configDir) {
        this.home = home;
        this.eventId = eventId;
        this.stationId = settings.id();
        this.store = store;
        this.attendees = new AttendeeStore(store, clock);
        this.importer = new RosterImporter(store, attendees, clock, STANDARD_TYPES);
        this.checkIns = new CheckInLog(store, attendees, stationId, clock);
        this.export = new RosterExport(attendees, checkIns);
        this.tokens = new BadgeToken(eventKey);
        this.badges = new BadgeRenderer(tokens);
        this.defaultPrinter = settings.printer();
        this.configDir = configDir;
        this.settings = settings;
        this.clock = clock;
        this.syncState = new SyncState(store);
        this.audit = new org.arrivals.audit.AuditLog(store, stationId, clock);
        this.printing = new PrintService(
                new PrintQueue(store, clock), attendees, badges, Station::printer, configDir, new BadgeEvents() {
                    @Override
                    public void printed(String code) {
                        checkIns.badgePrinted(code);
                    }

                    @Override
                    public void reprinted(String code, String reason) {
                        checkIns.badgeReprinted(code, reason);
                    }
                });
        this.scans = new ScanResolver(attendees, tokens, settings.scannerPrefix(), settings.scannerSuffix());
        this.lookup = new Lookup(attendees::all, checkIns::arrivedCodes);
        attendees.addListener(lookup);
        checkIns.addListener(a -> lookup.setArrived(a.attendeeCode(), a.checkedIn()));
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
        try {
            Station station = new Station(home, eventId, settings, EventKey.loadOrCreate(dir), store, clock, configDir);
            station.sealHubToken();
            station.recordPendingAudit();
            return station;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public static Station open(Path home, String eventId, Clock clock) {
        return open(home, eventId, null, clock);
    }

    /**
     * Removes an event's data from this station for good (the event must be closed): its folder
     * (database, key-check, event key) and the station's log files. Each file is overwritten with
     * zeros before it is deleted; on flash disks that is not a guarantee, but the database was
     * encrypted and its key-check file (the salt of its key) is gone. Returns the files removed.
     */
    public static int wipe(Path home, String eventId) {
        EventId.check(eventId);
        int removed = Wipe.tree(DataHome.eventDirectory(home, eventId));
        removed += Wipe.tree(home.resolve("logs"));
        org.slf4j.LoggerFactory.getLogger(Station.class)
                .info("Event {} wiped from this station ({} files)", eventId, removed);
        return removed;
    }

    /**
     * Encrypts an event database written before Arrivals encrypted its data, under {@code key}.
     * Returns false when there was nothing to encrypt.
     */
    public static boolean encrypt(Path home, String eventId, StationKey key) {
        EventId.check(eventId);
        return Store.encrypt(DataHome.eventDirectory(home, eventId), key.storeKey());
    }

    /**
     * Shrinks a closed event database to its live data (see {@code Store.compact}): its size in
     * bytes before and after. H2 writes the compacted copy beside the file and swaps it in, so a
     * crash during compaction leaves the old file whole.
     */
    public static long[] compact(Path home, String eventId, StationKey key) {
        EventId.check(eventId);
        long[] sizes = Store.compact(DataHome.eventDirectory(home, eventId), key.storeKey());
        org.slf4j.LoggerFactory.getLogger(Station.class)
                .info("Event {} compacted: {} -> {} bytes", eventId, sizes[0], sizes[1]);
        return sizes;
    }

    /** Name search over the roster, kept current; build happens on first use. */
    public Lookup lookup() {
        return lookup;
    }

    public ScanResolver scans() {
        return scans;
    }

    public BadgeToken tokens() {
        return tokens;
    }

    /** Badge printing through the persistent queue. */
    public PrintService printing() {
        return printing;
    }

    /** The station's printer from station.properties, or null when none is configured. */
    public String defaultPrinter() {
        return defaultPrinter == null || defaultPrinter.isBlank() ? null : defaultPrinter;
    }

    private static final java.util.Map<String, Printer> PRINTERS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A printer by its setting: {@code zebra://HOST:PORT} for a raw Zebra, else a spooler queue's
     * name. Kept once made, so a queue is looked up in the spooler once, not per badge.
     */
    public static Printer printer(String setting) {
        return PRINTERS.computeIfAbsent(setting, Station::makePrinter);
    }

    private static Printer makePrinter(String setting) {
        if (setting.startsWith("zebra://")) {
            String hostPort = setting.substring("zebra://".length());
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? ZebraRawPrinter.PORT : Integer.parseInt(hostPort.substring(colon + 1));
            return new ZebraRawPrinter("The Zebra printer at " + hostPort, host, port);
        }
        return new SpoolerPrinter(setting);
    }

    /** Badges drawn with this event's key, so their QR codes check in here. */
    public BadgeRenderer badges() {
        return badges;
    }

    public String stationId() {
        return stationId;
    }

    /** How often the background sync runs while the hub answers. */
    public static final java.time.Duration SYNC_INTERVAL = java.time.Duration.ofSeconds(3);

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

    /** Staff actions taken while no event database could be written (HOME/audit.pending), for the next open. */
    static final String PENDING_AUDIT = "audit.pending";

    /**
     * Notes a command-line action for the audit log when the event's database cannot take it now
     * (a kiosk has it open): one line in HOME/audit.pending, written into the log of the next event
     * this station opens. No personal data goes there: actions, roles and times only.
     */
    public static void auditLater(Path home, String action, String detail) {
        String line = java.time.Instant.now() + "\t" + action.replaceAll("[\\t\\n]", " ") + "\t"
                + (detail == null ? "" : detail.replaceAll("[\\t\\n]", " ")) + "\n";
        try {
            Files.createDirectories(home);
            Files.writeString(
                    home.resolve(PENDING_AUDIT),
                    line,
                    java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "Cannot note the action for the audit log in " + home + ": " + e.getMessage(), e);
        }
    }

    private void recordPendingAudit() {
        Path pending = home.resolve(PENDING_AUDIT);
        if (!Files.exists(pending)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pending, java.nio.charset.StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length >= 2 && !f[1].isBlank()) {
                    audit.record(
                            org.arrivals.audit.AuditLog.CLI,
                            f[1],
                            null,
                            (f.length > 2 && !f[2].isBlank() ? f[2] + "; " : "") + "at " + f[0]);
                }
            }
            Files.delete(pending);
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(Station.class).warn("Cannot read {}: {}", pending, e.getMessage());
        }
    }

    /** True when this station holds the event's (encrypted) database. */
    public static boolean hasEvent(Path home, String eventId) {
        EventId.check(eventId);
        return org.arrivals.store.StoreKey.isEncrypted(DataHome.eventDirectory(home, eventId));
    }

    /**
     * Checks the station key against an existing event without opening its database (a kiosk may
     * have it open); throws with a sentence when the key is wrong.
     */
    public static void verifyKey(Path home, String eventId, StationKey key) {
        EventId.check(eventId);
        key.storeKey().verify(DataHome.eventDirectory(home, eventId));
    }

    /** The key in station.properties that says the hub token was moved into an event's database. */
    static final String SEALED = "hub.token.sealed";

    /**
     * Moves a hub token written in station.properties (by hand, or by the kiosk set-up) into the
     * event's encrypted database, and takes it out of the file: a token in clear would let whoever
     * took the laptop pull the whole list from the hub.
     */
    private void sealHubToken() {
        java.util.Properties file = StationFile.read(home);
        String clear = file.getProperty("hub.token", "").strip();
        if (clear.isEmpty()) {
            String holder = file.getProperty(SEALED, "").strip();
            if (!settings.hubUrl().isBlank()
                    && (syncState.hubToken() == null || syncState.hubToken().isBlank())) {
                org.slf4j.LoggerFactory.getLogger(Station.class)
                        .warn(
                                "Event {} has no hub token{}. Write hub.token "
                                        + "in station.properties again (arrivals hub add-station gives a new one) for it to sync.",
                                eventId,
                                holder.isEmpty()
                                        ? ""
                                        : ": the token was moved into event " + holder
                                                + "'s database when that event opened (or that event was wiped since)");
            }
            return;
        }
        syncState.hubToken(clear);
        java.util.Map<String, String> change = new java.util.HashMap<>();
        change.put("hub.token", null);
        change.put(SEALED, eventId);
        StationFile.set(home, change);
        org.slf4j.LoggerFactory.getLogger(Station.class)
                .info("The hub token moved from station.properties into event {}'s encrypted database", eventId);
    }

    /** A sync worker with the hub URL and token given here in place of the configured ones (blank: configured). */
    public SyncWorker syncWith(String hubUrl, String hubToken) {
        return syncWith(
                hubUrl, hubToken, java.time.Duration.ofSeconds(10), SYNC_INTERVAL, java.time.Duration.ofSeconds(60));
    }

    /** As above, with the deadline of each hub call, the pause between syncs, and the longest backoff. */
    public SyncWorker syncWith(
            String hubUrl,
            String hubToken,
            java.time.Duration callTimeout,
            java.time.Duration interval,
            java.time.Duration maxBackoff) {
        String url = hubUrl != null && !hubUrl.isBlank() ? hubUrl.strip() : settings.hubUrl();
        String token = hubToken != null && !hubToken.isBlank()
                ? hubToken.strip()
                : !settings.hubToken().isBlank() ? settings.hubToken() : syncState.hubToken();
        HubClient client = null;
        if (url != null && !url.isBlank()) {
            java.net.URI uri;
            try {
                uri = java.net.URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hub.url " + url + " is not a URL; write it as http://HOST:PORT.");
            }
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("hub.url " + url + " is not a URL; write it as http://HOST:PORT.");
            }
            client = new HubClient(uri, token, callTimeout);
        }
        return new SyncWorker(checkIns, attendees, syncState, client, clock, interval, maxBackoff);
    }

    public CheckInLog checkIns() {
        return checkIns;
    }

    /** The append-only log of staff actions at this station. */
    /** The station's clock (tests give a fixed one). */
    public Clock clock() {
        return clock;
    }

    public org.arrivals.audit.AuditLog audit() {
        return audit;
    }

    /** The kiosk-config folder (badge templates), or null for the built-in samples. */
    public Path configDir() {
        return configDir;
    }

    public StationSettings settings() {
        return settings;
    }

    /** Loads the made-up demo event (no real people) through the same import as a real export. */
    public org.arrivals.attendee.importing.ImportReport loadDemo(int attendees, long seed) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.Writer w = new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
            org.arrivals.attendee.demo.DemoEventGenerator.writeCsv(w, seed, attendees);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            return importer.importBytes(bytes.toByteArray(), "demo-event.csv", RosterImporter.Options.defaults());
        } catch (org.arrivals.attendee.importing.ImportException e) {
            throw new IllegalStateException("The demo event could not be imported: " + e.getMessage(), e);
        }
    }

    public Path home() {
        return home;
    }

    public String eventId() {
        return eventId;
    }

    public AttendeeStore attendees() {
        return attendees;
    }

    public RosterImporter importer() {
        return importer;
    }

    public RosterExport export() {
        return export;
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
        store.close();
    }
}
