package org.arrivals.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.RosterResponse;
import org.arrivals.sync.protocol.StationToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's HTTP surface: who may call, and what it refuses before reading. */
class HubApiTest {
    @TempDir
    Path dir;

    TestHub hub;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.h2(dir);
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(hub.direct() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.direct() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(
                b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthNeedsNoTokenAndEverythingElseDoes() throws Exception {
        String token = hub.token("desk-1");
        assertThat(get(Protocol.HEALTH, null).statusCode()).isEqualTo(200);
        assertThat(get(Protocol.EVENTS + "?after=0", null).statusCode()).isEqualTo(401);
        assertThat(get(Protocol.ROSTER + "?after=0", "not-a-token").statusCode())
                .isEqualTo(401);
        assertThat(post(Protocol.EVENTS, null, "{\"events\":[]}").statusCode()).isEqualTo(401);
        assertThat(get(Protocol.EVENTS + "?after=0", token).statusCode()).isEqualTo(200);
        assertThat(get(Protocol.ROSTER + "?after=0", token).statusCode()).isEqualTo(200);
    }

    /** A body the server tried to read would never end here: the 401 proves it did not. */
    @Test
    void aCallWithoutATokenIsRefusedBeforeItsBodyIsRead() throws Exception {
        String status = rawPost(null, 1_000_000_000L);
        assertThat(status).startsWith("HTTP/1.1 401");
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        String status = rawPost(hub.token("desk-1"), Protocol.MAX_BODY_BYTES + 1L);
        assertThat(status).startsWith("HTTP/1.1 413");
        assertThat(hub.store.eventCount()).isZero();
    }

    private String rawPost(String token, long contentLength) throws Exception {
        try (Socket s = new Socket(hub.direct().getHost(), hub.direct().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + Protocol.EVENTS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                            + "Content-Length: " + contentLength + "\r\n\r\n{\"events\":[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void onlyAnAdministratorRegistersStationsAndTheNewTokenWorks() throws Exception {
        String desk = hub.token("desk-1");
        String admin = hub.store.addStation("organizer", true);
        assertThat(post(Protocol.STATIONS, desk, "{\"name\":\"desk-2\"}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> made = post(Protocol.STATIONS, admin, "{\"name\":\"desk-2\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        StationToken t = Protocol.JSON.readValue(made.body(), StationToken.class);
        assertThat(t.name()).isEqualTo("desk-2");
        assertThat(t.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(get(Protocol.EVENTS + "?after=0", t.token()).statusCode()).isEqualTo(200);
        assertThat(post(Protocol.STATIONS, admin, "{\"name\":\"desk-2\"}").statusCode())
                .as("names are unique")
                .isEqualTo(400);
    }

    @Test
    void aMalformedPushIsABadRequestAndStoresNothing() throws Exception {
        String token = hub.token("desk-1");
        assertThat(post(Protocol.EVENTS, token, "{\"events\":[{\"id\":\"nope\"}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(Protocol.EVENTS, token, "{\"events\":[{\"id\":\"0190c5a0-0000-7000-8000-000000000001\"}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(hub.store.eventCount()).isZero();
    }

    @Test
    void anAdministratorUploadsRosterRowsThatStationsThenPull() throws Exception {
        String desk = hub.token("desk-1");
        String admin = hub.store.addStation("organizer", true);
        String rows = "{\"rows\":[{\"code\":\"R-1\",\"firstName\":\"Ana\",\"lastName\":\"\",\"type\":\"Speaker\","
                + "\"status\":\"ATTENDING\",\"extra\":{\"track\":\"Data\"}}]}";
        assertThat(post(Protocol.ROSTER, desk, rows).statusCode()).isEqualTo(403);
        HttpResponse<String> up = post(Protocol.ROSTER, admin, rows);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"rows\":1,\"changed\":1}");
        assertThat(post(Protocol.ROSTER, admin, rows).body())
                .as("the same again changes nothing")
                .isEqualTo("{\"rows\":1,\"changed\":0}");
        assertThat(post(Protocol.ROSTER, admin, "{\"rows\":[{\"code\":\"R-2\"}]}")
                        .statusCode())
                .isEqualTo(400);

        var page =
                Protocol.JSON.readValue(get(Protocol.ROSTER + "?after=0", desk).body(), RosterResponse.class);
        assertThat(page.rows()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("R-1");
            assertThat(r.extra()).containsEntry("track", "Data");
        });
        assertThat(page.more()).isFalse();
    }
}
