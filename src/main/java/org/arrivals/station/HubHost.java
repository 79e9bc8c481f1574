package org.arrivals.station;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.hub.HubServer;
import org.arrivals.hub.HubStore;
import org.arrivals.hub.HubTls;
import org.arrivals.hub.console.Console;
import org.arrivals.hub.console.Organizers;
import org.arrivals.hub.console.Uploads;
import org.arrivals.sync.protocol.SetupCode;
import org.arrivals.sync.protocol.StationRole;

/**
 * The hub's side of the command line: its database (H2 in {@code HOME/hub/} unless a JDBC URL is
 * given, PostgreSQL for instance), registering stations, importing the roster, serving.
 */
public final class HubHost implements AutoCloseable {
    private final HubStore store;
    private final Path home;
    private final Clock clock;
    private final HubUploads uploads;

    private HubHost(HubStore store, Path home, Clock clock) {
        this.store = store;
        this.home = home;
        this.clock = clock;
        this.uploads = new HubUploads(store);
    }

    /** {@code dbUrl} null: the H2 database in {@code home}. Credentials may ride in the URL. */
    public static HubHost open(Path home, String dbUrl, Clock clock) {
        String url = dbUrl == null || dbUrl.isBlank() ? HubStore.h2Url(home) : dbUrl.strip();
        String user = url.startsWith("jdbc:h2:") ? "arrivals" : null;
        return new HubHost(HubStore.open(url, user, null, clock), home, clock);
    }

    /** A new station and its token (printed once, stored only as a hash). */
    public String addStation(String name, boolean admin) {
        return store.addStation(name, admin);
    }

    /** A new station with what its token may do, and its token. */
    public String addStation(String name, StationRole role) {
        return store.addStation(name, role);
    }

    /**
     * A new station's set-up code: the hub's address ({@code url}; null: https on this machine's
     * first network address, port 8480), the pinned fingerprint of the hub's certificate (its own,
     * made now if need be, or the one in {@code keystore}), the station's name, role and new token,
     * and the event's badge key.
     */
    public String addStationWithSetupCode(String name, StationRole role, String url, Path keystore, char[] password) {
        HubTls tls = tls(keystore, password);
        String address = url == null || url.isBlank()
                ? "https://" + hostForUrl(HubTls.defaultHost()) + ":" + DEFAULT_PORT
                : url.strip();
        java.net.URI uri;
        try {
            uri = java.net.URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url " + address + " is not a URL; write it as https://HOST:PORT.");
        }
        if (uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "--url " + address + " must be https://HOST:PORT: stations reach the" + " hub over TLS.");
        }
        // checked before the station is added, so a bad address adds nothing
        byte[] key = store.badgeKey();
        String token = store.addStation(name, role);
        return new SetupCode(address, tls.fingerprintBytes(), name, role, token, key).write();
    }

    /** The port {@code arrivals hub} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8480;

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The hub's TLS: {@code keystore} when given, else its own (made on first use). */
    HubTls tls(Path keystore, char[] password) {
        return keystore == null
                ? HubTls.ownIn(home.resolve("hub"))
                : HubTls.load(keystore, password == null ? new char[0] : password);
    }

    /** The SHA-256 of the hub's certificate as 32 colon-separated hex pairs (as openssl prints it). */
    public String fingerprint(Path keystore, char[] password) {
        return tls(keystore, password).fingerprint();
    }

    /** Refuses the station's token from now on, also in a hub running in another process. False: no such station. */
    public boolean revoke(String name) {
        return store.revokeStation(name);
    }

    /** A station as {@code arrivals hub stations} lists it. */
    public record Listed(
            String name,
            String role,
            java.time.OffsetDateTime added,
            java.time.OffsetDateTime lastSeen,
            java.time.OffsetDateTime revoked) {}

    /** Every station the hub knows, by name, revoked ones too. */
    public java.util.List<Listed> stations() {
        return store.stations().stream()
                .map(s -> new Listed(s.name(), s.role().id(), s.created(), s.lastSeen(), s.revoked()))
                .toList();
    }

    /** The role named {@code id} ({@code desk}, {@code self-service}, {@code door}, {@code admin}). */
    public static StationRole role(String id) {
        return StationRole.parse(id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "A station's role is desk, self-service, door or admin, not '" + id + "'."));
    }

    public record RosterLoad(int rows, int changed, int problems) {}

    /**
     * Reads a registration export as a station's import does and loads it into the hub's roster
     * (the console's upload uses the same rules, {@link HubUploads}). A row the hub's contract
     * refuses loads nothing and is named by its line.
     */
    public RosterLoad importRoster(Path file) throws ImportException {
        HubUploads.Roster r = uploads.readRoster(read(file), file.getFileName().toString());
        Optional<Uploads.Problem> blocking =
                r.preview().problems().stream().filter(Uploads.Problem::blocks).findFirst();
        if (blocking.isPresent()) {
            Uploads.Problem p = blocking.get();
            throw new ImportException(
                    file.getFileName() + ", line " + p.line() + ": " + p.args().get(0) + " breaks the hub's rule "
                            + p.args().get(1) + "; nothing was loaded.",
                    p.line());
        }
        return new RosterLoad(
                r.rows().size(),
                store.importRoster(r.rows()),
                r.parsed().problems().size());
    }

    /** What loading a schedule at the hub did: its new version, or the problems by line (nothing loaded). */
    public record ScheduleLoad(
            int sessions, long version, List<org.arrivals.attendee.importing.ImportProblem> problems) {}

    /**
     * Reads a schedule as a station's import does and makes it the hub's, which every station
     * pulls; all or nothing. {@code firstDay}: the date of day 1 for a file that numbers its days.
     */
    public ScheduleLoad importSchedule(Path file, java.time.LocalDate firstDay) throws ImportException {
        org.arrivals.session.ScheduleFile.Parsed parsed = org.arrivals.session.ScheduleFile.parse(
                read(file), file.getFileName().toString(), firstDay);
        if (!parsed.ok()) {
            return new ScheduleLoad(0, 0, parsed.problems());
        }
        long version = store.importSchedule(
                parsed.sessions().stream().map(org.arrivals.sync.Wire::session).toList());
        return new ScheduleLoad(parsed.sessions().size(), version, List.of());
    }

    private static byte[] read(Path file) throws ImportException {
        try {
            org.arrivals.attendee.importing.ImportLimits.checkSize(
                    Files.size(file), file.getFileName().toString());
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), 0, e);
        }
    }

    /**
     * The largest file the console's upload takes (the imports' own limit unless lowered): set
     * before {@link #serveTls}.
     */
    public void uploadLimit(long bytes) {
        uploads.maxBytes(bytes);
    }

    private HubServer server;

    /** Starts serving the API; returns the port. {@link #close()} stops it. */
    public synchronized int serve(String bindAddress, int port, int threads) throws IOException {
        return serve(bindAddress, port, threads, null, null);
    }

    /**
     * As above, over HTTPS with the key and certificate in {@code keystore} when it is given, else
     * over plain HTTP, which is served on a loopback address only.
     */
    public synchronized int serve(String bindAddress, int port, int threads, Path keystore, char[] password)
            throws IOException {
        SSLContext tls = keystore == null
                ? null
                : HubTls.load(keystore, password == null ? new char[0] : password)
                        .context();
        server = HubServer.start(
                store, new InetSocketAddress(bindAddress, port), threads, tls, HubServer.Limits.DEFAULT);
        server.serveOtherPaths(console(keystore, password));
        return server.port();
    }

    /** Serves HTTPS with the hub's own certificate (made on first start) or {@code keystore}'s. */
    public synchronized int serveTls(String bindAddress, int port, int threads, Path keystore, char[] password)
            throws IOException {
        return serveTls(bindAddress, port, threads, keystore, password, HubServer.Limits.DEFAULT);
    }

    public synchronized int serveTls(
            String bindAddress, int port, int threads, Path keystore, char[] password, HubServer.Limits limits)
            throws IOException {
        server = HubServer.start(
                store,
                new InetSocketAddress(bindAddress, port),
                threads,
                tls(keystore, password).context(),
                limits);
        server.serveOtherPaths(console(keystore, password));
        return server.port();
    }

    /** The organizers' console, whose set-up codes pin this hub's certificate (its own, or {@code keystore}'s). */
    private Console console(Path keystore, char[] password) {
        char[] kept = password == null ? null : password.clone();
        return new Console(
                store,
                (name, role, url) -> addStationWithSetupCode(name, role, url, keystore, kept),
                uploads,
                clock,
                ZoneId.systemDefault());
    }

    /** A new organizer of the console (or a new password for one): the password, shown once. */
    public OrganizerAdded addOrganizer(String name) {
        Organizers.Added added = Console.addOrganizer(store, name, clock);
        return new OrganizerAdded(added.name(), added.password(), added.created());
    }

    /** An organizer added (or given a new password), with the password to show once. */
    public record OrganizerAdded(String name, String password, boolean created) {}

    /**
     * A one-time sign-in link to the console, valid 10 minutes: {@code url} (null: https on this
     * machine's network address, port 8480) and {@code /link/} and the link's token.
     */
    public String consoleLink(String url) {
        String address = url == null || url.isBlank()
                ? "https://" + hostForUrl(HubTls.defaultHost()) + ":" + DEFAULT_PORT
                : url.strip();
        if (!Console.validHttpsUrl(address)) {
            throw new IllegalArgumentException("--url " + address + " must be https://HOST:PORT.");
        }
        String base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        return base + "/link/" + Console.newLink(store, clock);
    }

    /** The running server (for tests), or null. */
    public synchronized HubServer server() {
        return server;
    }

    public HubStore store() {
        return store;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        store.close();
    }
}
