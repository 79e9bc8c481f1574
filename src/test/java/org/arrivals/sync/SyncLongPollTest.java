package org.arrivals.sync;

import static org.arrivals.sync.SyncTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.hub.HubServer;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.WireEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check-ins reach other online desks through the long-poll, not the poll timer: every station
 * here polls once an hour, so only a push sent as the event is recorded and a long-poll the hub
 * answers as it stores it can carry a check-in from one desk to another.
 */
class SyncLongPollTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;

    TestHub hub;
    TestStation a;
    TestStation b;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.h2(dir.resolve("hub"));
        hub.importDemoRoster(3, 60);
        a = station("desk-a");
        b = station("desk-b");
    }

    /** A station syncing once an hour, with a short backoff (so a restarted hub is found again quickly). */
    private TestStation station(String id) throws Exception {
        return new TestStation(
                dir.resolve(id),
                id,
                Clock.systemUTC(),
                hub.uri(),
                hub.token(id),
                Duration.ofSeconds(10),
                HOUR,
                Duration.ofMillis(300));
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        hub.close();
    }

    private List<String> attending(int n) {
        return a.station.attendees().all().stream()
                .filter(p -> p.status() == RegistrationStatus.ATTENDING)
                .map(Attendee::code)
                .sorted()
                .limit(n)
                .toList();
    }

    /** Both stations ran their first sync and the hub holds a long-poll of each. */
    private void bothOnlineAndWaiting() throws InterruptedException {
        a.sync.start();
        b.sync.start();
        awaitTrue(() -> a.sync.status().online() && b.sync.status().online());
        awaitTrue(() -> hub.server.heldLongPolls() == 2);
    }

    @Test
    void aCheckInAtOneDeskReachesAnotherWhilePollingOnceAnHour() throws Exception {
        bothOnlineAndWaiting();
        String code = attending(1).get(0);
        assertThat(b.station.log().arrival(code).checkedIn()).isFalse();

        a.station.log().checkIn(code, null);

        awaitTrue(() -> b.station.log().arrival(code).checkedIn());
        assertThat(b.station.log().arrival(code).stationId()).isEqualTo("desk-a");
        // pushed as it was recorded: nothing waits in A's outbox though its next tick is an hour away
        awaitTrue(() -> a.sync.status().pending() == 0);
        // and B is waiting again for the next one
        awaitTrue(() -> hub.server.heldLongPolls() == 2);
        String second = attending(2).get(1);
        b.station.log().checkIn(second, null);
        awaitTrue(() -> a.station.log().arrival(second).checkedIn());
    }

    @Test
    void aHubRestartedDuringLongPollsLosesAndDuplicatesNothing() throws Exception {
        bothOnlineAndWaiting();
        List<String> codes = attending(12);
        a.station.log().checkIn(codes.get(0), null);
        awaitTrue(() -> b.station.log().arrival(codes.get(0)).checkedIn());
        awaitTrue(() -> hub.server.heldLongPolls() == 2);

        hub.kill(); // both long-polls are cut
        for (String c : codes.subList(1, 6)) {
            a.station.log().checkIn(c, null); // while the hub is away
        }
        awaitTrue(() -> !a.sync.status().online());
        hub.restart();

        // back online by the backoff (the poll interval is an hour); what waited is sent, and pulled at B
        awaitTrue(() -> a.sync.status().online() && a.sync.status().pending() == 0);
        awaitTrue(() -> codes.subList(0, 6).stream()
                .allMatch(c -> b.station.log().arrival(c).checkedIn()));
        // and the long-polls are held again: later check-ins still arrive at once
        awaitTrue(() -> hub.server.heldLongPolls() == 2);
        for (String c : codes.subList(6, 12)) {
            a.station.log().checkIn(c, null);
        }
        awaitTrue(() -> codes.stream().allMatch(c -> b.station.log().arrival(c).checkedIn()));

        List<WireEvent> atHub = hub.allEvents();
        Set<UUID> hubIds = atHub.stream().map(WireEvent::id).collect(Collectors.toSet());
        assertThat(atHub).hasSize(12);
        assertThat(hubIds).hasSize(12);
        List<CheckInEvent> atB = b.station.arrivals().allEvents();
        assertThat(atB).hasSize(12);
        assertThat(atB.stream().map(CheckInEvent::id).collect(Collectors.toSet()))
                .isEqualTo(hubIds);
        assertThat(a.eventIds()).isEqualTo(hubIds);
        assertThat(b.arrivals()).isEqualTo(a.arrivals());
    }

    @Test
    void aStationWithLongPollOffStillSyncsByItsTimer() throws Exception {
        try (TestStation poller = new TestStation(
                dir.resolve("poller"),
                "desk-p",
                Clock.systemUTC(),
                hub.uri(),
                hub.token("desk-p"),
                Duration.ofSeconds(10),
                Duration.ofMillis(100),
                Duration.ofMillis(300))) {
            poller.sync.longPoll(Duration.ZERO).start();
            a.sync.start();
            awaitTrue(() -> a.sync.status().online() && poller.sync.status().online());
            String code = attending(1).get(0);
            a.station.log().checkIn(code, null);
            awaitTrue(() -> poller.station.log().arrival(code).checkedIn());
            assertThat(hub.server.heldLongPolls()).isLessThanOrEqualTo(1); // only A's
        }
    }

    private HttpResponse<String> get(URI base, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLongPollNeedsAValidTokenAndAnOldStylePullIsAnsweredAtOnce() throws Exception {
        String token = hub.token("desk-c");
        assertThat(get(hub.direct(), Protocol.EVENTS + "?after=0&wait=20", null).statusCode())
                .isEqualTo(401);
        assertThat(get(hub.direct(), Protocol.EVENTS + "?after=0&wait=20", "not-a-token")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get(hub.direct(), Protocol.EVENTS + "?after=0&wait=-1", token)
                        .statusCode())
                .isEqualTo(400);
        assertThat(hub.server.heldLongPolls()).isZero();
        // a station that does not ask to wait gets its page at once, without the long-poll header
        HttpResponse<String> old = get(hub.direct(), Protocol.EVENTS + "?after=0", token);
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.headers().firstValue(Protocol.LONG_POLL_HEADER)).isEmpty();
        assertThat(Protocol.JSON.readValue(old.body(), PullResponse.class).events())
                .isEmpty();
    }

    @Test
    void aHeldLongPollOfARevokedStationGetsNothingMore() throws Exception {
        String token = hub.token("desk-c");
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(
                HttpRequest.newBuilder(URI.create(hub.direct() + Protocol.EVENTS + "?after=0&wait=25"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        awaitTrue(() -> hub.server.heldLongPolls() == 1);
        hub.store.revokeStation("desk-c");
        a.sync.start();
        awaitTrue(() -> a.sync.status().online());
        a.station.log().checkIn(attending(1).get(0), null); // wakes the held call

        HttpResponse<String> answer = held.get();
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(attending(1).get(0));
    }

    /**
     * A held call is answered before the hub's idle timeout could cut it: with a 3-second idle
     * timeout, a long-poll asking for 25 s gets an empty page (the header says how long the hub
     * holds), not a cut connection.
     */
    @Test
    void aLongPollIsAnsweredBeforeTheIdleTimeoutCutsIt() throws Exception {
        try (HubServer strict = HubServer.start(
                hub.store,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                2,
                null,
                HubServer.Limits.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)))) {
            String token = hub.token("desk-c");
            HttpResponse<String> r = get(strict.uri(), Protocol.EVENTS + "?after=0&wait=25", token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue(Protocol.LONG_POLL_HEADER)).contains("2");
            PullResponse page = Protocol.JSON.readValue(r.body(), PullResponse.class);
            assertThat(page.events()).isEmpty();
            assertThat(page.cursor()).isZero();
            // the same connection is still good for the next call
            assertThat(get(strict.uri(), Protocol.EVENTS + "?after=0", token).statusCode())
                    .isEqualTo(200);
        }
    }
}
