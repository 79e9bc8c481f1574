package org.arrivals.sync;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrivals.attendee.export.ArrivalStates;
import org.arrivals.station.Station;

/** One station with its own data folder, configured for a hub the way an organizer would. */
public final class TestStation implements AutoCloseable {
    public final String id;
    public final Station station;
    public final SyncWorker sync;
    /** The station's hub token. */
    public final String token;

    public TestStation(Path home, String id, Clock clock, URI hub, String token) throws IOException {
        this(home, id, clock, hub, token, Duration.ofSeconds(5));
    }

    public TestStation(Path home, String id, Clock clock, URI hub, String token, Duration callTimeout)
            throws IOException {
        this(home, id, clock, hub, token, callTimeout, Duration.ofMillis(100), Duration.ofMillis(800));
    }

    /** As above, with the background sync's pause between syncs and its longest backoff. */
    public TestStation(
            Path home,
            String id,
            Clock clock,
            URI hub,
            String token,
            Duration callTimeout,
            Duration interval,
            Duration maxBackoff)
            throws IOException {
        this.id = id;
        this.token = token;
        Files.createDirectories(home);
        Properties p = new Properties();
        p.setProperty("station.id", id);
        p.setProperty("hub.url", hub.toString());
        p.setProperty("hub.token", token);
        try (Writer w = Files.newBufferedWriter(home.resolve("station.properties"), StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        this.station = Station.open(home, "default", null, clock);
        this.sync = station.syncWith(null, null, callTimeout, interval, maxBackoff);
    }

    public SyncWorker.Report syncOnce() throws HubException {
        return sync.syncOnce();
    }

    public Set<UUID> eventIds() {
        return station.arrivals().allEvents().stream().map(e -> e.id()).collect(Collectors.toSet());
    }

    /** Who is in, where and since when: the projection, comparable across stations. */
    public Map<String, String> arrivals() {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ArrivalStates.State> e :
                station.arrivals().byCode().entrySet()) {
            ArrivalStates.State s = e.getValue();
            out.put(e.getKey(), s.checkedIn() ? "in at " + s.station() + " " + s.at().toInstant() : "out");
        }
        return out;
    }

    @Override
    public void close() {
        sync.close();
        station.close();
    }
}
