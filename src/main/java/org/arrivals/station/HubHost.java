package org.arrivals.station;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportedRow;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.hub.HubServer;
import org.arrivals.hub.HubStore;
import org.arrivals.hub.Tls;
import org.arrivals.sync.protocol.RosterRow;

/**
 * The hub's side of the command line: its database (H2 in {@code HOME/hub/} unless a JDBC URL is
 * given, PostgreSQL for instance), registering stations, importing the roster, serving.
 */
public final class HubHost implements AutoCloseable {
    private final HubStore store;

    private HubHost(HubStore store) {
        this.store = store;
    }

    /** {@code dbUrl} null: the H2 database in {@code home}. Credentials may ride in the URL. */
    public static HubHost open(Path home, String dbUrl, Clock clock) {
        String url = dbUrl == null || dbUrl.isBlank() ? HubStore.h2Url(home) : dbUrl.strip();
        String user = url.startsWith("jdbc:h2:") ? "arrivals" : null;
        return new HubHost(HubStore.open(url, user, null, clock));
    }

    /** A new station and its token (printed once, stored only as a hash). */
    public String addStation(String name, boolean admin) {
        return store.addStation(name, admin);
    }

    public record RosterLoad(int rows, int changed, int problems) {}

    /** Reads a registration export as a station's import does and loads it into the hub's roster. */
    public RosterLoad importRoster(Path file) throws ImportException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), 0, e);
        }
        RosterImporter.Parsed parsed = RosterImporter.parse(
                bytes, file.getFileName().toString(), RosterImporter.Options.defaults(), Station.STANDARD_TYPES);
        List<RosterRow> rows = parsed.rows().stream().map(HubHost::row).toList();
        return new RosterLoad(
                rows.size(), store.importRoster(rows), parsed.problems().size());
    }

    /** What loading a schedule at the hub did: its new version, or the problems by line (nothing loaded). */
    public record ScheduleLoad(
            int sessions, long version, List<org.arrivals.attendee.importing.ImportProblem> problems) {}

    /**
     * Reads a schedule as a station's import does and makes it the hub's, which every station
     * pulls; all or nothing. {@code firstDay}: the date of day 1 for a file that numbers its days.
     */
    public ScheduleLoad importSchedule(Path file, java.time.LocalDate firstDay) throws ImportException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException("Cannot read " + file + ": " + e.getMessage(), 0, e);
        }
        org.arrivals.session.ScheduleFile.Parsed parsed = org.arrivals.session.ScheduleFile.parse(
                bytes, file.getFileName().toString(), firstDay);
        if (!parsed.ok()) {
            return new ScheduleLoad(0, 0, parsed.problems());
        }
        long version = store.importSchedule(
                parsed.sessions().stream().map(org.arrivals.sync.Wire::session).toList());
        return new ScheduleLoad(parsed.sessions().size(), version, List.of());
    }

    private static RosterRow row(ImportedRow r) {
        return new RosterRow(
                r.code(),
                r.barcode(),
                r.firstName(),
                r.lastName(),
                r.badgeName(),
                r.pronouns(),
                r.email(),
                r.organization(),
                r.title(),
                r.type(),
                r.status().name(),
                r.extra());
    }

    private HubServer server;

    /** Starts serving the API; returns the port. {@link #close()} stops it. */
    public synchronized int serve(String bindAddress, int port, int threads) throws IOException {
        return serve(bindAddress, port, threads, null, null);
    }

    /** As above, over HTTPS with the key and certificate in {@code keystore} when it is given. */
    public synchronized int serve(String bindAddress, int port, int threads, Path keystore, char[] password)
            throws IOException {
        SSLContext tls = keystore == null ? null : Tls.context(keystore, password == null ? new char[0] : password);
        server = HubServer.start(
                store, new InetSocketAddress(bindAddress, port), threads, tls, HubServer.Limits.DEFAULT);
        return server.port();
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
