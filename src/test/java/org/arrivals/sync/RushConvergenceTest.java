package org.arrivals.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.sync.protocol.WireEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scripted morning rush: several stations, each with its own data folder and background sync,
 * check people in (some twice at different desks, some undone) while the hub dies a third of the
 * way in and comes back at two thirds. Afterwards every station and the hub hold the same events,
 * event for event, and agree on who arrived. Against an H2 hub and a real PostgreSQL hub.
 *
 * <p>Size: {@code -Darrivals.rush.checkins} (default 3,000), {@code -Darrivals.rush.stations} (3).
 */
class RushConvergenceTest {
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path dir;

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static synchronized TestHub postgresHub() throws Exception {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        String name = "rush" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new TestHub(postgres.getJdbcUrl("postgres", name), null);
    }

    @ParameterizedTest(name = "{0} hub")
    @ValueSource(strings = {"h2", "postgres"})
    void aMorningRushWithTheHubGoingDownConvergesEventForEvent(String database) throws Exception {
        int checkIns = Integer.getInteger("arrivals.rush.checkins", 3000);
        int stationCount = Integer.getInteger("arrivals.rush.stations", 3);
        try (TestHub hub = database.equals("h2") ? TestHub.h2(dir.resolve("hub")) : postgresHub()) {
            hub.importDemoRoster(11, checkIns + checkIns / 2);
            List<TestStation> stations = new ArrayList<>();
            try {
                for (int i = 0; i < stationCount; i++) {
                    String id = "desk-" + (i + 1);
                    stations.add(new TestStation(dir.resolve(id), id, Clock.systemUTC(), hub.uri(), hub.token(id)));
                }
                for (TestStation s : stations) {
                    s.syncOnce();
                }
                List<String> attending = stations.get(0).station.attendees().all().stream()
                        .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                        .map(Attendee::code)
                        .sorted()
                        .collect(Collectors.toCollection(ArrayList::new));
                Collections.shuffle(attending, new Random(7));
                List<List<String[]>> scripts = script(attending, checkIns, stationCount, new Random(42));

                stations.forEach(s -> s.sync.start());
                AtomicInteger done = new AtomicInteger();
                AtomicInteger recorded = new AtomicInteger();
                ExecutorService desks = Executors.newFixedThreadPool(stationCount);
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < stationCount; i++) {
                    TestStation s = stations.get(i);
                    List<String[]> steps = scripts.get(i);
                    running.add(desks.submit(() -> {
                        for (String[] step : steps) {
                            CheckInResult r = step[0].equals("in")
                                    ? s.station.log().checkIn(step[1], null)
                                    : s.station.log().undo(step[1]);
                            if (r.recorded()) {
                                recorded.incrementAndGet();
                            }
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                int total = scripts.stream().mapToInt(List::size).sum();
                SyncTest.awaitTrue(() -> done.get() >= total / 3);
                hub.kill();
                SyncTest.awaitTrue(() -> done.get() >= 2 * total / 3);
                assertThat(stations)
                        .as("with the hub down, events wait in the outboxes")
                        .anySatisfy(s ->
                                assertThat(s.station.outbox().pendingCount()).isPositive());
                hub.restart();
                for (Future<?> f : running) {
                    f.get();
                }
                desks.shutdown();

                SyncTest.awaitTrue(() -> stations.stream()
                        .allMatch(s -> s.sync.status().pending() == 0
                                && s.station.arrivals().allEvents().size() == recorded.get()));
                for (TestStation s : stations) {
                    s.sync.close();
                }

                List<WireEvent> atHub = hub.allEvents();
                Set<UUID> hubIds = atHub.stream().map(WireEvent::id).collect(Collectors.toSet());
                assertThat(atHub).as("nothing duplicated at the hub").hasSize(hubIds.size());
                assertThat(hubIds).as("nothing lost").hasSize(recorded.get());
                Map<String, String> first = stations.get(0).arrivals();
                for (TestStation s : stations) {
                    assertThat(s.eventIds()).as("events at " + s.id).isEqualTo(hubIds);
                    assertThat(s.sync.status().online()).isTrue();
                    assertThat(s.arrivals()).as("arrivals at " + s.id).isEqualTo(first);
                }
                int arrivedByHub = foldArrivals(atHub);
                for (TestStation s : stations) {
                    assertThat(s.station.arrivals().checkedInCount())
                            .as("count at " + s.id)
                            .isEqualTo(arrivedByHub);
                }
                assertThat(arrivedByHub).isPositive();
            } finally {
                stations.forEach(TestStation::close);
            }
        }
    }

    /**
     * Two hub processes on one PostgreSQL database (as behind a load balancer): half the stations
     * talk to one, half to the other, all at once. Pushes through either hub are numbered in one
     * order, so no puller's cursor skips an event committed late through the other hub.
     */
    @org.junit.jupiter.api.Test
    void twoHubsOnOneDatabaseServeOneEvent() throws Exception {
        int checkIns = Integer.getInteger("arrivals.rush.checkins", 3000) / 3;
        try (TestHub first = postgresHub()) {
            TestHub second = new TestHub(first.jdbcUrl, first.user);
            List<TestStation> stations = new ArrayList<>();
            try {
                first.importDemoRoster(13, checkIns + checkIns / 2);
                for (int i = 0; i < 4; i++) {
                    String id = "desk-" + (i + 1);
                    TestHub via = i % 2 == 0 ? first : second;
                    stations.add(new TestStation(dir.resolve(id), id, Clock.systemUTC(), via.uri(), first.token(id)));
                }
                for (TestStation s : stations) {
                    s.syncOnce();
                }
                List<String> attending = stations.get(1).station.attendees().all().stream()
                        .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                        .map(Attendee::code)
                        .sorted()
                        .collect(Collectors.toCollection(ArrayList::new));
                Collections.shuffle(attending, new Random(3));
                List<List<String[]>> scripts = script(attending, checkIns, stations.size(), new Random(5));
                stations.forEach(s -> s.sync.start());
                AtomicInteger recorded = new AtomicInteger();
                ExecutorService desks = Executors.newFixedThreadPool(stations.size());
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < stations.size(); i++) {
                    TestStation s = stations.get(i);
                    List<String[]> steps = scripts.get(i);
                    running.add(desks.submit(() -> {
                        for (String[] step : steps) {
                            CheckInResult r = step[0].equals("in")
                                    ? s.station.log().checkIn(step[1], null)
                                    : s.station.log().undo(step[1]);
                            if (r.recorded()) {
                                recorded.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                desks.shutdown();
                SyncTest.awaitTrue(() -> stations.stream()
                        .allMatch(s -> s.sync.status().pending() == 0
                                && s.station.arrivals().allEvents().size() == recorded.get()));
                stations.forEach(s -> s.sync.close());

                Set<UUID> hubIds = first.allEvents().stream().map(WireEvent::id).collect(Collectors.toSet());
                assertThat(hubIds).hasSize(recorded.get());
                assertThat(second.store.eventCount()).isEqualTo(recorded.get());
                for (TestStation s : stations) {
                    assertThat(s.eventIds()).as("events at " + s.id).isEqualTo(hubIds);
                    assertThat(s.arrivals())
                            .as("arrivals at " + s.id)
                            .isEqualTo(stations.get(0).arrivals());
                }
            } finally {
                stations.forEach(TestStation::close);
                second.close();
            }
        }
    }

    /**
     * Per station, a list of ("in" | "undo", code). Most check-ins are new people; one in twelve
     * scans someone another desk may already have; one in thirty undoes a check-in of this desk.
     */
    private static List<List<String[]>> script(List<String> attending, int checkIns, int stations, Random random) {
        List<List<String[]>> scripts = new ArrayList<>();
        List<List<String>> mine = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            scripts.add(new ArrayList<>());
            mine.add(new ArrayList<>());
        }
        int next = 0;
        Set<String> used = new HashSet<>();
        for (int i = 0; i < checkIns; i++) {
            int desk = i % stations;
            String code;
            if (random.nextInt(12) == 0 && !used.isEmpty()) {
                code = attending.get(random.nextInt(next));
            } else {
                code = attending.get(next++ % attending.size());
            }
            used.add(code);
            scripts.get(desk).add(new String[] {"in", code});
            mine.get(desk).add(code);
            if (random.nextInt(30) == 0) {
                List<String> own = mine.get(desk);
                scripts.get(desk).add(new String[] {"undo", own.get(random.nextInt(own.size()))});
            }
        }
        return scripts;
    }

    private static int foldArrivals(List<WireEvent> events) {
        Map<String, List<CheckInEvent>> byCode = new HashMap<>();
        for (WireEvent w : events) {
            CheckInEvent e = Wire.toEvent(w).orElseThrow();
            byCode.computeIfAbsent(e.attendeeCode(), k -> new ArrayList<>()).add(e);
        }
        return (int) byCode.entrySet().stream()
                .filter(e -> Arrival.of(e.getKey(), e.getValue()).checkedIn())
                .count();
    }
}
