package org.arrivals.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.station.HubHost;
import org.arrivals.station.Station;
import org.arrivals.station.StationJoin;
import org.arrivals.sync.PinnedCertificate;
import org.arrivals.sync.SyncWorker;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.StationRole;

/**
 * A real hub for the console's tests: HTTPS on loopback with its own certificate, H2, a roster,
 * and stations joined with set-up codes as an organizer sets them up. {@link Browser} is an HTTP
 * client that keeps the console's cookies as a browser would (and shows the raw Set-Cookie lines).
 */
final class ConsoleFixture implements AutoCloseable {
    final Path dir;
    final HubHost hub;
    final int port;

    ConsoleFixture(Path dir, int rosterSize) throws IOException {
        this.dir = dir;
        this.hub = HubHost.open(dir.resolve("hub"), null, Clock.systemUTC());
        hub.store().importRoster(roster(rosterSize));
        this.port = hub.serveTls("127.0.0.1", 0, 4, null, null);
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    static List<RosterRow> roster(int size) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, 77, size);
        }
        try {
            return RosterImporter.parse(
                            buf.toByteArray(), "roster.csv", RosterImporter.Options.defaults(), Station.STANDARD_TYPES)
                    .rows()
                    .stream()
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
        } catch (ImportException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A station joined from a set-up code on a fresh data folder. */
    Station joinedStation(String name) {
        String code = hub.addStationWithSetupCode(name, StationRole.DESK, url(), null, null);
        Path home = dir.resolve(name);
        try (Station fresh = Station.open(home, "default", Clock.systemUTC())) {
            assertThat(fresh.joining().join(Actor.cli(), code, null).outcome()).isEqualTo(StationJoin.Outcome.JOINED);
        }
        return Station.open(home, "default", Clock.systemUTC());
    }

    static SyncWorker sync(Station s) {
        return s.syncWith(null, null, null, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    HttpClient pinned() {
        return HttpClient.newBuilder()
                .sslContext(PinnedCertificate.of(hub.fingerprint(null, null)).context())
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void close() {
        hub.close();
    }

    /** Cookies kept by name, as a browser keeps them for this one origin. */
    /** A browser signed in through a fresh one-time link. */
    Browser signedIn() throws Exception {
        Browser b = new Browser();
        String link = hub.consoleLink(url());
        assertThat(b.get(link.substring(url().length())).statusCode()).isEqualTo(200);
        return b;
    }

    final class Browser {
        final HttpClient http = pinned();
        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                    .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** A multipart/form-data POST, as a browser sends a form with a file. */
        HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, byte[] file)
                throws IOException, InterruptedException {
            String boundary = "----arrivals" + Long.toHexString(System.nanoTime());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                                + "\"\r\n\r\n" + f.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                StringBuilder h = new StringBuilder();
                cookies.forEach((k, v) -> h.append(h.length() == 0 ? "" : "; ")
                        .append(k)
                        .append('=')
                        .append(v));
                b.header("Cookie", h.toString());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String set : r.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        }

        /** The CSRF token of the page's forms. */
        static String csrf(String html) {
            Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
            assertThat(m.find()).as("the page has a form with its CSRF token").isTrue();
            return m.group(1);
        }
    }

    /** The number shown in the element with this id. */
    static int number(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(html);
        assertThat(m.find()).as("the page shows #" + id).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
