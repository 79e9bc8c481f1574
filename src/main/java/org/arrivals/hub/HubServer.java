package org.arrivals.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.PushRequest;
import org.arrivals.sync.protocol.RosterUpload;
import org.arrivals.sync.protocol.RosterUploadResult;
import org.arrivals.sync.protocol.StationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP/JSON API ({@code docs/hub-api.yaml}) on the JDK's own HTTP server. It keeps no
 * state of its own: every answer comes from {@link HubStore}, so several hubs may serve one
 * database behind a load balancer. A caller's token is checked before its body is read, and a
 * body larger than {@link Protocol#MAX_BODY_BYTES} is refused unread.
 */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);

    private final HttpServer http;
    private final ExecutorService executor;
    private final HubStore store;
    private final RateLimiter perStation;
    private final RateLimiter refused;
    private final boolean tls;

    /**
     * How many calls a station may make (a burst, then so many per second), and how many calls
     * with a missing or wrong token one address may make before it is told to wait.
     */
    public record Limits(int stationBurst, double stationPerSecond, int refusedBurst, double refusedPerSecond) {
        /** Far above what a station syncing every 3 s needs, even catching up a day offline. */
        public static final Limits DEFAULT = new Limits(600, 100, 20, 0.5);
    }

    private HubServer(HttpServer http, ExecutorService executor, HubStore store, Limits limits, boolean tls) {
        this.http = http;
        this.executor = executor;
        this.store = store;
        this.perStation = new RateLimiter(limits.stationBurst(), limits.stationPerSecond(), System::nanoTime);
        this.refused = new RateLimiter(limits.refusedBurst(), limits.refusedPerSecond(), System::nanoTime);
        this.tls = tls;
    }

    /** Starts serving on {@code address} (port 0: any free port), with {@code threads} request threads. */
    public static HubServer start(HubStore store, InetSocketAddress address, int threads) throws IOException {
        return start(store, address, threads, null, Limits.DEFAULT);
    }

    /**
     * As above, over HTTPS when {@code tls} is given (its key and certificate, from a keystore:
     * {@link Tls#context}), with these limits.
     */
    public static HubServer start(HubStore store, InetSocketAddress address, int threads, SSLContext tls, Limits limits)
            throws IOException {
        HttpServer http;
        if (tls == null) {
            http = HttpServer.create(address, 64);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            http = https;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hub-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HubServer server = new HubServer(http, executor, store, limits, tls != null);
        http.createContext(Protocol.BASE, server::handle);
        http.setExecutor(executor);
        http.start();
        LOG.info("Hub listening on {} ({})", http.getAddress(), tls == null ? "HTTP" : "HTTPS");
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public URI uri() {
        return URI.create((tls ? "https://" : "http://") + http.getAddress().getHostString() + ":" + port());
    }

    private void handle(HttpExchange x) {
        try {
            route(x);
        } finally {
            x.close();
        }
    }

    private void route(HttpExchange x) {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            if (path.equals(Protocol.HEALTH) && method.equals("GET")) {
                boolean ok = store.healthy();
                send(x, ok ? 200 : 503, Map.of("status", ok ? "ok" : "database unavailable"));
                return;
            }
            String address = x.getRemoteAddress() == null
                    ? "?"
                    : x.getRemoteAddress().getAddress().getHostAddress();
            String token = bearer(x);
            Optional<HubStore.Caller> caller =
                    token == null || token.length() > 200 ? Optional.empty() : store.authenticate(token);
            if (caller.isEmpty()) {
                if (!refused.tryAcquire(address)) {
                    tooMany(x, refused.retryAfterSeconds(address));
                    return;
                }
                x.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                send(x, 401, Map.of("error", "A valid station token is required (Authorization: Bearer TOKEN)."));
                return;
            }
            if (!perStation.tryAcquire(caller.get().name())) {
                tooMany(x, perStation.retryAfterSeconds(caller.get().name()));
                return;
            }
            String rawQuery = x.getRequestURI().getRawQuery();
            if (rawQuery != null && rawQuery.length() > 1000) {
                throw new IllegalArgumentException("the query is too long");
            }
            Map<String, String> query = query(rawQuery);
            if (path.equals(Protocol.EVENTS) && method.equals("POST")) {
                PushRequest push = Protocol.JSON.readValue(body(x), PushRequest.class);
                if (push == null || push.events() == null || push.events().size() > Protocol.MAX_BATCH) {
                    send(x, 400, Map.of("error", "A push carries 1 to " + Protocol.MAX_BATCH + " events."));
                    return;
                }
                Validation.events(push.events());
                send(x, 200, store.push(caller.get().name(), push.events()));
            } else if (path.equals(Protocol.EVENTS) && method.equals("GET")) {
                long after = number(query, "after", 0);
                long limit = number(query, "limit", Protocol.MAX_BATCH);
                Validation.page(after, limit);
                send(x, 200, store.pull(after, (int) limit));
            } else if (path.equals(Protocol.ROSTER) && method.equals("GET")) {
                long after = number(query, "after", 0);
                long limit = number(query, "limit", Protocol.MAX_BATCH);
                Validation.page(after, limit);
                send(x, 200, store.roster(after, (int) limit));
            } else if (path.equals(Protocol.ROSTER) && method.equals("POST")) {
                if (!caller.get().admin()) {
                    send(x, 403, Map.of("error", "Only an administrator token may change the roster."));
                    return;
                }
                RosterUpload upload = Protocol.JSON.readValue(body(x), RosterUpload.class);
                if (upload == null || upload.rows() == null) {
                    send(x, 400, Map.of("error", "An upload carries rows."));
                    return;
                }
                Validation.roster(upload.rows());
                send(x, 200, new RosterUploadResult(upload.rows().size(), store.importRoster(upload.rows())));
            } else if (path.equals(Protocol.SCHEDULE) && method.equals("GET")) {
                send(x, 200, store.schedule(number(query, "after", 0)));
            } else if (path.equals(Protocol.SCHEDULE) && method.equals("POST")) {
                if (!caller.get().admin()) {
                    send(x, 403, Map.of("error", "Only an administrator token may change the schedule."));
                    return;
                }
                org.arrivals.sync.protocol.ScheduleUpload upload =
                        Protocol.JSON.readValue(body(x), org.arrivals.sync.protocol.ScheduleUpload.class);
                if (upload == null || upload.sessions() == null) {
                    send(x, 400, Map.of("error", "An upload carries sessions."));
                    return;
                }
                long version = store.importSchedule(upload.sessions());
                send(x, 200, new org.arrivals.sync.protocol.ScheduleResponse(version, true, List.of()));
            } else if (path.equals(Protocol.STATIONS) && method.equals("POST")) {
                if (!caller.get().admin()) {
                    send(x, 403, Map.of("error", "Only an administrator token may register stations."));
                    return;
                }
                StationToken asked = Protocol.JSON.readValue(body(x), StationToken.class);
                if (asked == null) {
                    throw new IllegalArgumentException("a station's name is required");
                }
                Validation.stationName(asked.name());
                send(x, 201, new StationToken(asked.name(), store.addStation(asked.name(), false)));
            } else {
                send(x, 404, Map.of("error", "No such call: " + method + " " + path));
            }
        } catch (BodyTooLarge e) {
            sendQuietly(
                    x, 413, Map.of("error", "The request body is larger than " + Protocol.MAX_BODY_BYTES + " bytes."));
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the body (a name): say where, not what
            var at = e.getLocation();
            sendQuietly(
                    x,
                    400,
                    Map.of(
                            "error",
                            "Bad request: the body is not the JSON this call takes"
                                    + (at == null
                                            ? ""
                                            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                                    + "."));
        } catch (Validation.Refused e) {
            // the contract's problem as data too (optional fields), so a station can tell which rule
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "Bad request: " + e.getMessage() + ".");
            body.put("item", e.item);
            body.put("field", e.problem.path());
            body.put("rule", e.problem.rule().name());
            if (e.problem.limit() > 0) {
                body.put("limit", e.problem.limit());
            }
            sendQuietly(x, 400, body);
        } catch (ContractViolation e) {
            sendQuietly(
                    x,
                    400,
                    Map.of(
                            "error", "Bad request: " + Validation.describe(e.problem()) + ".",
                            "field", e.problem().path(),
                            "rule", e.problem().rule().name()));
        } catch (IllegalArgumentException e) {
            sendQuietly(x, 400, Map.of("error", "Bad request: " + e.getMessage()));
        } catch (IOException e) {
            // the caller went away mid-call; whatever was stored stays stored, and a retry is idempotent
            LOG.debug("Hub call cut off", e);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Hub call {} {} failed",
                    x.getRequestMethod(),
                    x.getRequestURI().getPath(),
                    e);
            sendQuietly(x, 503, Map.of("error", "The hub cannot serve this now; try again."));
        }
    }

    private static void tooMany(HttpExchange x, long retryAfterSeconds) throws IOException {
        x.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        send(x, 429, Map.of("error", "Too many calls; try again in " + retryAfterSeconds + " s."));
    }

    private static String bearer(HttpExchange x) {
        String h = x.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).strip();
    }

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static byte[] body(HttpExchange x) throws IOException {
        String length = x.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > Protocol.MAX_BODY_BYTES) {
                    throw new BodyTooLarge();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Content-Length is not a number");
            }
        }
        try (InputStream in = x.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                if (out.size() + r > Protocol.MAX_BODY_BYTES) {
                    throw new BodyTooLarge();
                }
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static long number(Map<String, String> query, String name, long fallback) {
        String v = query.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
    }

    private static void send(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = Protocol.JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendQuietly(HttpExchange x, int status, Object body) {
        try {
            send(x, status, body);
        } catch (IOException | RuntimeException ignored) {
            // the response had started or the caller left; the exchange closes either way
        }
    }

    /** Stops at once: calls in flight are cut off, as when a hub dies. Their transactions commit or not, whole. */
    @Override
    public void close() {
        http.stop(0);
        // Not shutdownNow: an interrupt inside an H2 file write would close the database.
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Hub stopped");
    }
}
