package org.arrivals.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.hub.HubServer;
import org.arrivals.hub.HubStore;
import org.arrivals.station.Station;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;

/** A real hub on loopback, behind a {@link FaultyProxy}; it can be killed and started again on the same database. */
public final class TestHub implements AutoCloseable {
    public final String jdbcUrl;
    public final String user;
    public HubStore store;
    public HubServer server;
    public final FaultyProxy proxy;

    public TestHub(String jdbcUrl, String user) throws IOException {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        start();
        this.proxy = new FaultyProxy(server.port());
    }

    public static TestHub h2(Path dir) throws IOException {
        return new TestHub(
                "jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=30000",
                "arrivals");
    }

    private void start() throws IOException {
        store = HubStore.open(jdbcUrl, user, null, Clock.systemUTC());
        server = HubServer.start(store, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    }

    /** What stations dial: the proxy. */
    public URI uri() {
        return proxy.uri();
    }

    /** The hub itself, without the proxy. */
    public URI direct() {
        return server.uri();
    }

    public String token(String station) {
        return store.addStation(station, false);
    }

    /** The hub process dies: connections are cut, the database is closed. */
    public void kill() {
        server.close();
        store.close();
        server = null;
    }

    public void restart() throws IOException {
        start();
        proxy.target(server.port());
    }

    public boolean running() {
        return server != null;
    }

    /** The demo roster of {@code size} people, imported at the hub. */
    public void importDemoRoster(long seed, int size) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, seed, size);
        }
        RosterImporter.Parsed parsed = RosterImporter.parse(
                buf.toByteArray(), "roster.csv", RosterImporter.Options.defaults(), Station.STANDARD_TYPES);
        List<RosterRow> rows = parsed.rows().stream()
                .map(r -> new RosterRow(
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
                        r.extra()))
                .toList();
        store.importRoster(rows);
    }

    /** Every event the hub holds, by pulling as a station would. */
    public List<WireEvent> allEvents() {
        List<WireEvent> out = new ArrayList<>();
        long cursor = 0;
        while (true) {
            var page = store.pull(cursor, 2000);
            out.addAll(page.events());
            cursor = page.cursor();
            if (!page.more()) {
                return out;
            }
        }
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        if (server != null) {
            kill();
        }
    }
}
