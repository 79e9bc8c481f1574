package org.arrivals.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.hub.HubServer;
import org.arrivals.hub.Tls;
import org.arrivals.hub.Validation;
import org.arrivals.sync.TestHub;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub refuses what it should: too many calls (429), malformed fields (400), and speaks TLS when asked. */
class HubHardeningTest {
    @TempDir
    Path dir;

    TestHub hub;
    HubServer server;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.h2(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        hub.close();
    }

    private HttpResponse<String> call(
            HttpClient client, URI base, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return call(http, hub.direct(), "GET", path, token, null);
    }

    private HttpResponse<String> push(String token, String event) throws Exception {
        return call(http, hub.direct(), "POST", Protocol.EVENTS, token, "{\"events\":[" + event + "]}");
    }

    private static String event(String id, String code, String kind, String station, long hlc) {
        return "{\"id\":" + (id == null ? "null" : "\"" + id + "\"") + ",\"attendeeCode\":"
                + (code == null ? "null" : "\"" + code + "\"") + ",\"kind\":\"" + kind + "\",\"stationId\":\"" + station
                + "\",\"wallTime\":\"2026-11-22T08:30:00Z\",\"hlc\":" + hlc + ",\"details\":null}";
    }

    @Test
    void everyFieldOfAPushIsCheckedAndARefusalQuotesNoValue() throws Exception {
        String token = hub.token("desk-1");
        String ok = "0190c5a0-0000-7000-8000-000000000001";
        assertThat(push(token, event(ok, "AR-1", "CHECKED_IN", "desk-1", 5)).statusCode())
                .isEqualTo(200);
        for (String bad : List.of(
                event(null, "AR-1", "CHECKED_IN", "desk-1", 5),
                event("not-a-uuid", "AR-1", "CHECKED_IN", "desk-1", 5),
                event("0190c5a0-0000-7000-8000-000000000002", null, "CHECKED_IN", "desk-1", 5),
                event("0190c5a0-0000-7000-8000-000000000003", "A".repeat(201), "CHECKED_IN", "desk-1", 5),
                event("0190c5a0-0000-7000-8000-000000000004", "AR-1", "DROP_TABLE", "desk-1", 5),
                event("0190c5a0-0000-7000-8000-000000000005", "AR-1", "CHECKED_IN", "", 5),
                event("0190c5a0-0000-7000-8000-000000000006", "AR-1", "CHECKED_IN", "d".repeat(101), 5),
                event("0190c5a0-0000-7000-8000-000000000007", "AR-1", "CHECKED_IN", "desk-1", -1),
                event("0190c5a0-0000-7000-8000-000000000008", "AR-\\u0000", "CHECKED_IN", "desk-1", 5))) {
            HttpResponse<String> r = push(token, bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).contains("Bad request");
        }
        assertThat(hub.store.eventCount()).isEqualTo(1);
        HttpResponse<String> garbled = push(token, "{\"id\":\"x\",\"attendeeCode\":Zephyrine Quixote}");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).doesNotContain("Zephyrine");

        for (String query : List.of("?after=-1", "?limit=0", "?limit=2001", "?after=x", "?after=" + "9".repeat(2000))) {
            assertThat(get(Protocol.EVENTS + query, token).statusCode())
                    .as(query)
                    .isEqualTo(400);
            // roster pages may hold up to 10,000 rows
            String rosterQuery = query.equals("?limit=2001") ? "?limit=" + (Protocol.MAX_ROSTER_PAGE + 1) : query;
            assertThat(get(Protocol.ROSTER + rosterQuery, token).statusCode())
                    .as(rosterQuery)
                    .isEqualTo(400);
        }
        String admin = hub.store.addStation("organizer", true);
        assertThat(call(
                                http,
                                hub.direct(),
                                "POST",
                                Protocol.ROSTER,
                                admin,
                                "{\"rows\":[{\"code\":\"R-1\",\"firstName\":\"Ana\",\"lastName\":\"\",\"type\":\"Speaker\","
                                        + "\"status\":\"MAYBE\"}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(call(
                                http,
                                hub.direct(),
                                "POST",
                                Protocol.ROSTER,
                                admin,
                                "{\"rows\":[{\"code\":\"R-1\",\"firstName\":\"" + "A".repeat(1001)
                                        + "\",\"lastName\":\"\",\"type\":" + "\"Speaker\",\"status\":\"ATTENDING\"}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(call(http, hub.direct(), "POST", Protocol.STATIONS, admin, "{\"name\":\"desk\\u001b[2J\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(call(http, hub.direct(), "POST", Protocol.STATIONS, admin, "{}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theHubsKindsAndStatusesAreTheStationsOwn() {
        assertThat(Validation.KINDS)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventKind.values()).map(Enum::name).collect(Collectors.toList()));
        assertThat(Validation.STATUSES)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(RegistrationStatus.values())
                        .map(Enum::name)
                        .collect(Collectors.toList()));
    }

    @Test
    void aStationThatCallsTooOftenIsToldToWaitAndOthersAreNot() throws Exception {
        server = HubServer.start(
                hub.store,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                2,
                null,
                new HubServer.Limits(5, 0.01, 3, 0.01));
        String desk1 = hub.token("desk-1");
        String desk2 = hub.token("desk-2");
        for (int i = 0; i < 5; i++) {
            assertThat(call(http, server.uri(), "GET", Protocol.EVENTS, desk1, null)
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = call(http, server.uri(), "GET", Protocol.EVENTS, desk1, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(call(http, server.uri(), "GET", Protocol.EVENTS, desk2, null).statusCode())
                .isEqualTo(200);

        // guessing tokens: three wrong ones, then the address waits (even with a right token it is not told which)
        for (int i = 0; i < 3; i++) {
            assertThat(call(http, server.uri(), "GET", Protocol.EVENTS, "guess-" + i, null)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(call(http, server.uri(), "GET", Protocol.EVENTS, "guess-4", null)
                        .statusCode())
                .isEqualTo(429);
    }

    @Test
    void theHubServesHttpsWithItsKeystoreAndNotPlainHttp() throws Exception {
        Path keystore = dir.resolve("hub.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keyalg",
                        "EC",
                        "-alias",
                        "hub",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "hub-secret",
                        "-keypass",
                        "hub-secret",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2")
                .redirectErrorStream(true)
                .start();
        String out;
        try (InputStream in = keytool.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();

        server = HubServer.start(
                hub.store,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                2,
                Tls.context(keystore, "hub-secret".toCharArray()),
                HubServer.Limits.DEFAULT);
        assertThat(server.uri().getScheme()).isEqualTo("https");

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, "hub-secret".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpClient trusting = HttpClient.newBuilder()
                .sslContext(ctx)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI base = URI.create("https://127.0.0.1:" + server.port());
        String token = hub.token("desk-1");
        assertThat(call(trusting, base, "GET", Protocol.HEALTH, null, null).statusCode())
                .isEqualTo(200);
        assertThat(call(trusting, base, "GET", Protocol.EVENTS, token, null).statusCode())
                .isEqualTo(200);
        // plain HTTP to the TLS port gets no answer, and a client that does not trust the certificate refuses it
        assertThatThrownBy(() ->
                        call(http, URI.create("http://127.0.0.1:" + server.port()), "GET", Protocol.HEALTH, null, null))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> call(http, base, "GET", Protocol.HEALTH, null, null))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Tls.context(keystore, "wrong".toCharArray())).hasMessageContaining("keytool");
    }
}
