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
import java.util.List;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.hub.HubServer;
import org.arrivals.hub.HubStore;
import org.arrivals.station.Station;
import org.arrivals.sync.protocol.RosterRow;

/** A real hub on loopback, behind a {@link FaultyProxy}; it can be killed and started again on the same database. */
final class TestHub implements AutoCloseable {
    final String jdbcUrl;
    final String user;
    HubStore store;
    HubServer server;
    final FaultyProxy proxy;

    TestHub(String jdbcUrl, String user) throws IOException {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        start();
        this.proxy = new FaultyProxy(server.port());
    }

    static TestHub h2(Path dir) throws IOException {
        return new TestHub("jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=30000",
                "arrivals");
    }

    private void start() throws IOException {
        store = HubStore.open(jdbcUrl, user, null, Clock.systemUTC());
        server = HubServer.start(store, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    }

    /** What stations dial: the proxy. */
    URI uri() {
        return proxy.uri();
    }

    /** The hub itself, without the proxy. */
    URI direct() {
        return server.uri();
    }

    String token(String station) {
        return store.addStation(station, false);
    }

    /** The hub process dies: connections are cut, the database is closed. */
    void kill() {
        server.close();
        store.close();
        server = null;
    }

    void restart() throws IOException {
        start();
        proxy.target(server.port());
    }

    boolean running() {
        return server != null;
    }

    /** The demo roster of {@code size} people, imported at the hub. */
    void importDemoRoster(long seed, int size) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, seed, size);
        }
        RosterImporter.Parsed parsed = RosterImporter.parse(buf.toByteArray(), "roster.csv",
                RosterImporter.Options.defaults(), Station.STANDARD_TYPES);
        List<RosterRow> rows = parsed.rows().stream().map(r -> new RosterRow(r.code(), r.barcode(), r.firstName(),
                r.lastName(), r.badgeName(), r.pronouns(), r.email(), r.organization(), r.title(), r.type(),
                r.status().name(), r.extra())).toList();
        store.importRoster(rows);
    }

    /** Every event the hub holds, by pulling as a station would. */
    List<org.arrivals.sync.protocol.WireEvent> allEvents() {
        List<org.arrivals.sync.protocol.WireEvent> out = new java.util.ArrayList<>();
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
