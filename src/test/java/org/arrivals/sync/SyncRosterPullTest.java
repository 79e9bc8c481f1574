package org.arrivals.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.RosterResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new station's first roster pull: pages of up to 10,000 rows, gzipped, inserted in one
 * transaction, edits laid over once at the end. It must hold exactly what the page-by-page pull
 * of before held, from a real hub on loopback into a real H2 station.
 */
class SyncRosterPullTest {
    private static final int PEOPLE = Integer.getInteger("arrivals.rosterPull.people", 3000);

    @TempDir
    Path dir;

    TestHub hub;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.h2(dir.resolve("hub"));
        hub.importDemoRoster(11, PEOPLE);
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    private TestStation station(String id) throws Exception {
        return new TestStation(
                dir.resolve(id), id, Clock.systemUTC(), hub.uri(), hub.token(id), Duration.ofSeconds(30));
    }

    private static Map<String, String> roster(TestStation s) {
        Map<String, String> out = new TreeMap<>();
        for (Attendee a : s.station.attendees().all()) {
            out.put(
                    a.code(),
                    String.join(
                            "|",
                            String.valueOf(a.barcode()),
                            a.firstName(),
                            a.lastName(),
                            String.valueOf(a.badgeName()),
                            String.valueOf(a.pronouns()),
                            String.valueOf(a.email()),
                            String.valueOf(a.title()),
                            String.valueOf(a.walkIn()),
                            String.valueOf(a.organization()),
                            a.type(),
                            a.status().name(),
                            String.valueOf(a.extra())));
        }
        return out;
    }

    @Test
    void aNewStationsFirstPullHoldsWhatThePageByPagePullHeld() throws Exception {
        // an edit made at a station before the others joined: the hub lays it over its row
        String edited;
        try (TestStation first = station("desk-a")) {
            first.syncOnce();
            edited = first.station.attendees().all().get(7).code();
            first.station.log().edit(edited, Map.of(AttendeeField.FIRST, "Corrected"));
            first.syncOnce();
        }
        try (TestStation now = station("desk-now");
                TestStation before = station("desk-before");
                TestStation jooq = station("desk-jooq")) {
            before.sync.previousPulls();
            jooq.sync.previousFirstPull();
            SyncWorker.Report r = now.syncOnce();
            before.syncOnce();
            System.setProperty(org.arrivals.hub.HubStore.PREVIOUS_ROSTER_PAGE, "true");
            try {
                jooq.syncOnce();
            } finally {
                System.clearProperty(org.arrivals.hub.HubStore.PREVIOUS_ROSTER_PAGE);
            }
            assertThat(r.rosterRows()).isEqualTo(PEOPLE);
            assertThat(now.station.attendees().count()).isEqualTo(PEOPLE);
            assertThat(roster(now)).isEqualTo(roster(before));
            // the plain JDBC insert and the hub's one-query page hold what jOOQ's batch held
            assertThat(roster(now)).isEqualTo(roster(jooq));
            assertThat(now.station.attendees().findByCode(edited).orElseThrow().firstName())
                    .isEqualTo("Corrected");
            assertThat(now.sync.status().rosterVersion())
                    .isEqualTo(before.sync.status().rosterVersion());
            // later changes come page by page as before
            hub.importDemoRoster(12, 20);
            assertThat(now.syncOnce().rosterRows()).isEqualTo(before.syncOnce().rosterRows());
            assertThat(roster(now)).isEqualTo(roster(before));
        }
    }

    @Test
    void theHubsPagesWithEditsAreTheSameAsThePreviousQueriesGave() throws Exception {
        try (TestStation a = station("desk-a")) {
            a.syncOnce();
            List<Attendee> people = a.station.attendees().all();
            a.station.log().edit(people.get(3).code(), Map.of(AttendeeField.FIRST, "Zoë", AttendeeField.ORG, "Acme"));
            a.station.log().edit(people.get(3).code(), Map.of(AttendeeField.FIRST, "Zoé"));
            a.station.log().edit(people.get(900).code(), Map.of(AttendeeField.PRONOUNS, "they/them"));
            a.station.log().edit(people.get(900).code(), Map.of(AttendeeField.PRONOUNS, ""));
            a.station.log().edit(people.get(2999 % PEOPLE).code(), Map.of(AttendeeField.TITLE, "Chair"));
            a.station
                    .log()
                    .registerWalkIn(new org.arrivals.attendee.WalkIn(
                            "Ada", "Lovelace", null, null, null, null, null, "Attendee"));
            a.syncOnce();
        }
        for (int size : List.of(1, 700, Protocol.MAX_ROSTER_PAGE)) {
            assertThat(pages(size, false)).isEqualTo(pages(size, true));
        }
        assertThat(pages(Protocol.MAX_ROSTER_PAGE, false).stream()
                        .flatMap(p -> p.rows().stream())
                        .filter(row -> "Chair".equals(row.title()))
                        .count())
                .isEqualTo(1);
    }

    /** Every page of the hub's roster, read today's way or the previous way. */
    private List<RosterResponse> pages(int size, boolean previous) {
        if (previous) {
            System.setProperty(org.arrivals.hub.HubStore.PREVIOUS_ROSTER_PAGE, "true");
        }
        try {
            List<RosterResponse> out = new java.util.ArrayList<>();
            long after = 0;
            while (true) {
                RosterResponse page = hub.store.roster(after, size);
                out.add(page);
                after = page.version();
                if (!page.more()) {
                    return out;
                }
            }
        } finally {
            System.clearProperty(org.arrivals.hub.HubStore.PREVIOUS_ROSTER_PAGE);
        }
    }

    @Test
    void aFirstPullCutHalfWayLeavesAUsableStationThatGoesOnFromThere() throws Exception {
        try (TestStation whole = station("desk-whole");
                TestStation cut = station("desk-cut")) {
            whole.syncOnce();
            // pages of 250: the hub stops answering once the station has committed its first page
            cut.sync.rosterPages(250, rows -> hub.proxy.mode(FaultyProxy.Mode.SERVER_ERROR));
            assertThatThrownBy(cut::syncOnce).isInstanceOf(HubException.class);
            int held = cut.station.attendees().count();
            assertThat(held).isBetween(250, PEOPLE - 250);
            // usable: the rows it holds are searched and checked in, and say which version they came to
            Attendee someone = cut.station.attendees().all().stream()
                    .filter(a -> a.status() == org.arrivals.attendee.RegistrationStatus.ATTENDING)
                    .findFirst()
                    .orElseThrow();
            assertThat(cut.station.attendees().search(someone.code(), 5))
                    .extracting(Attendee::code)
                    .contains(someone.code());
            assertThat(cut.station.log().checkIn(someone.code(), null).outcome().name())
                    .isEqualTo("CHECKED_IN");
            assertThat(cut.sync.status().rosterVersion()).isPositive();
            // the hub answers again: the pull goes on from there (merging) to the whole roster
            hub.proxy.mode(FaultyProxy.Mode.PASS);
            cut.sync.rosterPages(250, null);
            cut.syncOnce();
            assertThat(cut.station.attendees().count()).isEqualTo(PEOPLE);
            assertThat(roster(cut)).isEqualTo(roster(whole));
            assertThat(cut.station.arrivals().checkedInCount()).isEqualTo(1);
        }
    }

    @Test
    void aStationWhoseRosterIsNotEmptyMergesPageByPage() throws Exception {
        try (TestStation s = station("desk-c")) {
            s.station
                    .log()
                    .registerWalkIn(new org.arrivals.attendee.WalkIn(
                            "Ada", "Lovelace", null, null, null, null, null, "Attendee"));
            s.syncOnce();
            assertThat(s.station.attendees().count()).isEqualTo(PEOPLE + 1);
        }
    }

    @Test
    void theHubGzipsLargeAnswersForCallersThatAcceptItAndTakesRosterPagesOf10000() throws Exception {
        String token = hub.token("desk-d");
        URI uri = URI.create(hub.direct() + Protocol.ROSTER + "?after=0&limit=" + Protocol.MAX_ROSTER_PAGE);
        HttpResponse<byte[]> plain = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> zipped = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
        byte[] inflated;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            inflated = in.readAllBytes();
        }
        assertThat(inflated).isEqualTo(plain.body());
        RosterResponse page = Protocol.JSON.readValue(inflated, RosterResponse.class);
        assertThat(page.rows()).hasSize(Math.min(PEOPLE, Protocol.MAX_ROSTER_PAGE));

        HttpResponse<String> tooMany = http.send(
                HttpRequest.newBuilder(URI.create(
                                hub.direct() + Protocol.ROSTER + "?after=0&limit=" + (Protocol.MAX_ROSTER_PAGE + 1)))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        // events pages keep their limit of 2,000
        HttpResponse<String> events = http.send(
                HttpRequest.newBuilder(URI.create(hub.direct() + Protocol.EVENTS + "?after=0&limit=2001"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(400);
    }
}
