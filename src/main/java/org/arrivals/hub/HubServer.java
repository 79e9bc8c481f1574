package org.arrivals.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.PushRequest;
import org.arrivals.sync.protocol.RosterUpload;
import org.arrivals.sync.protocol.RosterUploadResult;
import org.arrivals.sync.protocol.ScheduleResponse;
import org.arrivals.sync.protocol.ScheduleUpload;
import org.arrivals.sync.protocol.StationReport;
import org.arrivals.sync.protocol.StationRole;
import org.arrivals.sync.protocol.StationToken;
import org.arrivals.sync.protocol.WireEvent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP/JSON API ({@code docs/hub-api.yaml}) on Jetty 12 (its core API, no servlets).
 * It keeps no state of its own: every answer comes from {@link HubStore}, so several hubs may
 * serve one database behind a load balancer.
 *
 * <p>What keeps it answering when callers are slow or hostile: Jetty reads requests without
 * holding a thread; a connection that has not sent its headers within {@link Limits#headerTimeout}
 * is closed ({@link SlowClients}), an idle one after {@link Limits#idleTimeout}; a body is read
 * without a thread too, and one arriving slower than {@link Limits#minBodyBytesPerSecond} is cut;
 * the work itself runs on a fixed pool with a bounded queue (a full queue answers 503 at once);
 * at most {@link Limits#maxConnections} connections are open. A caller's token is checked before
 * its body is read; a token not seen before is looked up only while its address is within the
 * wrong-token limit, so wrong tokens cannot make the hub read its database faster than that
 * limit. A body larger than {@link Protocol#MAX_BODY_BYTES} is refused.
 */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);

    private final Server jetty;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final SlowClients slow;
    private final HubStore store;
    private final RateLimiter perStation;
    private final RateLimiter refused;
    private final boolean tls;
    /** What serves every path outside {@code /api/} (the organizers' console), or null. */
    private volatile Handler otherPaths;

    private final EventWaiters waiters;
    private final java.util.function.LongConsumer wake;
    private final Duration longestHold;

    /** The longest a long-poll is held, whatever it asks; also kept well inside the idle timeout. */
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(Protocol.LONGEST_WAIT_SECONDS);

    /**
     * How many calls a station may make (a burst, then so many per second), how many calls with a
     * missing or wrong token one address may make before it is told to wait, and the timeouts.
     */
    public record Limits(
            int stationBurst,
            double stationPerSecond,
            int refusedBurst,
            double refusedPerSecond,
            Duration headerTimeout,
            Duration idleTimeout,
            int maxConnections,
            int minBodyBytesPerSecond) {
        /** Far above what a station syncing every 3 s needs, even catching up a day offline. */
        public static final Limits DEFAULT =
                new Limits(600, 100, 20, 0.5, Duration.ofSeconds(10), Duration.ofSeconds(30), 2000, 1024);

        public Limits(int stationBurst, double stationPerSecond, int refusedBurst, double refusedPerSecond) {
            this(
                    stationBurst,
                    stationPerSecond,
                    refusedBurst,
                    refusedPerSecond,
                    DEFAULT.headerTimeout,
                    DEFAULT.idleTimeout,
                    DEFAULT.maxConnections,
                    DEFAULT.minBodyBytesPerSecond);
        }

        public Limits withTimeouts(Duration header, Duration idle) {
            return new Limits(
                    stationBurst,
                    stationPerSecond,
                    refusedBurst,
                    refusedPerSecond,
                    header,
                    idle,
                    maxConnections,
                    minBodyBytesPerSecond);
        }
    }

    private HubServer(
            Server jetty,
            ServerConnector connector,
            ThreadPoolExecutor workers,
            SlowClients slow,
            HubStore store,
            Limits limits,
            boolean tls) {
        this.jetty = jetty;
        this.connector = connector;
        this.workers = workers;
        this.slow = slow;
        this.store = store;
        this.perStation = new RateLimiter(limits.stationBurst(), limits.stationPerSecond(), System::nanoTime);
        this.refused = new RateLimiter(limits.refusedBurst(), limits.refusedPerSecond(), System::nanoTime);
        this.tls = tls;
        this.waiters = new EventWaiters(store::newestEvent, Duration.ofSeconds(1));
        this.wake = waiters::stored;
        store.onStored(wake);
        // a held long-poll is answered before the idle timeout could cut it: no bytes flow meanwhile
        long idle = limits.idleTimeout().toMillis();
        this.longestHold = Duration.ofMillis(Math.min(LONGEST_HOLD.toMillis(), idle * 2 / 3));
    }

    /** Starts serving plain HTTP on a loopback {@code address} (port 0: any free port), with {@code threads} workers. */
    public static HubServer start(HubStore store, InetSocketAddress address, int threads) throws IOException {
        return start(store, address, threads, null, Limits.DEFAULT);
    }

    /**
     * As above, over HTTPS when {@code tls} is given (its key and certificate: {@link HubTls}), with
     * these limits. Plain HTTP ({@code tls} null) is refused on any address but a loopback one: on
     * a venue's network, a sniffer would read the roster and every token.
     */
    public static HubServer start(HubStore store, InetSocketAddress address, int threads, SSLContext tls, Limits limits)
            throws IOException {
        if (tls == null
                && (address.getAddress() == null || !address.getAddress().isLoopbackAddress())) {
            throw new IllegalArgumentException(
                    "Plain HTTP is only served on a loopback address (127.0.0.1 or ::1), not " + address.getHostString()
                            + ": stations on a network need HTTPS.");
        }
        QueuedThreadPool pool = new QueuedThreadPool(Math.max(16, threads * 2), 4, 60_000);
        pool.setName("hub-io");
        pool.setDaemon(true);
        Server jetty = new Server(pool);
        jetty.setStopTimeout(0);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        http.setMinRequestDataRate(limits.minBodyBytesPerSecond());
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (tls == null) {
            connector = new ServerConnector(jetty, 1, 1, h1);
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            ssl.setSniRequired(false);
            ssl.setEndpointIdentificationAlgorithm(null);
            connector = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(ssl, h1.getProtocol()), h1);
        }
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        SlowClients slow = new SlowClients(limits.headerTimeout());
        connector.addBean(slow);
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(512), r -> {
                    Thread t = new Thread(r, "hub-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        HubServer server = new HubServer(jetty, connector, workers, slow, store, limits, tls != null);
        jetty.setHandler(server.new Api());
        try {
            jetty.start();
        } catch (Exception e) {
            slow.close();
            workers.shutdown();
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // it did not start
            }
            throw new IOException("The hub cannot listen on " + address + ": " + e.getMessage(), e);
        }
        LOG.info("Hub listening on {}:{} ({})", address.getHostString(), server.port(), tls == null ? "HTTP" : "HTTPS");
        return server;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https://" : "http://") + host + ":" + port());
    }

    /**
     * Hands every path that does not start with {@code /api/} to {@code handler} (the organizers'
     * console, {@code hub.console}), under the same connection limits; without one such paths are
     * refused as the API refuses an unknown call.
     */
    public void serveOtherPaths(Handler handler) {
        this.otherPaths = handler;
    }

    /** Connections open now (for tests of slow clients). */
    public int openConnections() {
        return slow.openConnections();
    }

    /** One call: its request, its response, and the callback that ends it. */
    private record Exchange(Request request, Response response, Callback done) {
        String method() {
            return request.getMethod();
        }

        String path() {
            return request.getHttpURI().getPath();
        }
    }

    private final class Api extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Runnable finished = slow.started(request.getConnectionMetaData().getConnection());
            Exchange x = new Exchange(request, response, Callback.from(callback, finished));
            Handler other = otherPaths;
            if (other != null && !x.path().startsWith("/api/")) {
                submit(x, () -> {
                    try {
                        if (!other.handle(request, response, x.done())) {
                            sendQuietly(x, 404, Map.of("error", "No such page."));
                        }
                    } catch (Exception e) {
                        failed(x, e);
                    }
                });
                return true;
            }
            submit(x, () -> route(x));
            return true;
        }
    }

    private void submit(Exchange x, Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException busy) {
            sendQuietly(x, 503, Map.of("error", "The hub is busy; try again."));
        }
    }

    private void route(Exchange x) {
        try {
            String path = x.path();
            String method = x.method();
            if (path.equals(Protocol.HEALTH) && method.equals("GET")) {
                boolean ok = store.healthy();
                send(x, ok ? 200 : 503, Map.of("status", ok ? "ok" : "database unavailable"));
                return;
            }
            String address = Request.getRemoteAddr(x.request());
            String token = bearer(x);
            boolean plausible = token != null && !token.isEmpty() && token.length() <= StationTokens.MAX_TOKEN;
            // a token never seen is looked up only while its address is within the wrong-token limit
            if (plausible && !store.knownToken(token) && !refused.allows(address)) {
                tooMany(x, refused.retryAfterSeconds(address));
                return;
            }
            Optional<HubStore.Caller> caller = plausible ? store.authenticate(token) : Optional.empty();
            if (caller.isEmpty()) {
                if (!refused.tryAcquire(address)) {
                    tooMany(x, refused.retryAfterSeconds(address));
                    return;
                }
                x.response().getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                send(x, 401, Map.of("error", "A valid station token is required (Authorization: Bearer TOKEN)."));
                return;
            }
            HubStore.Caller who = caller.get();
            if (!perStation.tryAcquire(who.name())) {
                tooMany(x, perStation.retryAfterSeconds(who.name()));
                return;
            }
            String report = x.request().getHeaders().get(StationReport.HEADER);
            if (report != null) {
                StationReport.parse(report).ifPresent(r -> store.noteReport(who.name(), r));
            }
            String rawQuery = x.request().getHttpURI().getQuery();
            if (rawQuery != null && rawQuery.length() > 1000) {
                throw new IllegalArgumentException("the query is too long");
            }
            if (method.equals("POST")) {
                readBody(x, body -> withBody(x, who, path, body));
                return;
            }
            Map<String, String> query = query(rawQuery);
            if (path.equals(Protocol.EVENTS) && method.equals("GET")) {
                long after = number(query, "after", 0);
                long limit = number(query, "limit", Protocol.MAX_BATCH);
                long wait = number(query, "wait", 0);
                Validation.page(after, limit);
                if (wait < 0) {
                    throw new IllegalArgumentException("wait must not be negative");
                }
                PullResponse page = store.pull(after, (int) limit);
                if (wait == 0 || !page.events().isEmpty()) {
                    if (wait > 0) {
                        longPollHeader(x);
                    }
                    send(x, 200, page);
                    return;
                }
                hold(
                        x,
                        who,
                        token,
                        after,
                        (int) limit,
                        Duration.ofSeconds(Math.min(wait, LONGEST_HOLD.toSeconds())),
                        page);
            } else if (path.equals(Protocol.ROSTER) && method.equals("GET")) {
                long after = number(query, "after", 0);
                long limit = number(query, "limit", Protocol.MAX_BATCH);
                Validation.rosterPage(after, limit);
                send(x, 200, store.roster(after, (int) limit));
            } else if (path.equals(Protocol.SCHEDULE) && method.equals("GET")) {
                send(x, 200, store.schedule(number(query, "after", 0)));
            } else {
                send(x, 404, Map.of("error", "No such call: " + method + " " + path));
            }
        } catch (RuntimeException | IOException e) {
            failed(x, e);
        }
    }

    private void longPollHeader(Exchange x) {
        x.response().getHeaders().put(Protocol.LONG_POLL_HEADER, Long.toString(longestHold.toSeconds()));
    }

    /**
     * A long-poll that found nothing: held without a thread until an event after {@code after} is
     * stored (then pulled and sent) or {@code wait} passes (an empty page). When too many are held,
     * the empty page goes at once without the header, and the station polls as an older one does.
     */
    private void hold(
            Exchange x, HubStore.Caller who, String token, long after, int limit, Duration wait, PullResponse empty)
            throws IOException {
        Duration held = wait.compareTo(longestHold) > 0 ? longestHold : wait;
        boolean holding = waiters.hold(
                who.name(),
                after,
                held,
                () -> submit(x, () -> {
                    try {
                        // the token is checked again: one revoked while its call was held gets nothing more
                        if (store.authenticate(token).isEmpty()) {
                            x.response().getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                            send(
                                    x,
                                    401,
                                    Map.of(
                                            "error",
                                            "A valid station token is required (Authorization: Bearer TOKEN)."));
                            return;
                        }
                        longPollHeader(x);
                        send(x, 200, store.pull(after, limit));
                    } catch (RuntimeException | IOException e) {
                        failed(x, e);
                    }
                }),
                () -> {
                    longPollHeader(x);
                    sendQuietly(x, 200, empty);
                });
        if (!holding) {
            send(x, 200, empty);
        }
    }

    /** Long-polls held now (for tests). */
    public int heldLongPolls() {
        return waiters.held();
    }

    private void withBody(Exchange x, HubStore.Caller who, String path, byte[] body) {
        try {
            if (path.equals(Protocol.EVENTS)) {
                PushRequest push = Protocol.JSON.readValue(body, PushRequest.class);
                if (push == null || push.events() == null || push.events().size() > Protocol.MAX_BATCH) {
                    send(x, 400, Map.of("error", "A push carries 1 to " + Protocol.MAX_BATCH + " events."));
                    return;
                }
                Validation.events(push.events(), store.now());
                Forbidden forbidden = forbidden(who, push.events());
                if (forbidden != null) {
                    send(x, 403, Map.of("error", forbidden.why(), "item", forbidden.item()));
                    return;
                }
                send(x, 200, store.push(who.name(), push.events()));
            } else if (path.equals(Protocol.ROSTER)) {
                if (!who.admin()) {
                    send(x, 403, Map.of("error", "Only an administrator token may change the roster."));
                    return;
                }
                RosterUpload upload = Protocol.JSON.readValue(body, RosterUpload.class);
                if (upload == null || upload.rows() == null) {
                    send(x, 400, Map.of("error", "An upload carries rows."));
                    return;
                }
                Validation.roster(upload.rows());
                send(x, 200, new RosterUploadResult(upload.rows().size(), store.importRoster(upload.rows())));
            } else if (path.equals(Protocol.SCHEDULE)) {
                if (!who.admin()) {
                    send(x, 403, Map.of("error", "Only an administrator token may change the schedule."));
                    return;
                }
                ScheduleUpload upload = Protocol.JSON.readValue(body, ScheduleUpload.class);
                if (upload == null || upload.sessions() == null) {
                    send(x, 400, Map.of("error", "An upload carries sessions."));
                    return;
                }
                long version = store.importSchedule(upload.sessions());
                send(x, 200, new ScheduleResponse(version, true, List.of()));
            } else if (path.equals(Protocol.STATIONS)) {
                if (!who.admin()) {
                    send(x, 403, Map.of("error", "Only an administrator token may register stations."));
                    return;
                }
                StationToken asked = Protocol.JSON.readValue(body, StationToken.class);
                if (asked == null) {
                    throw new IllegalArgumentException("a station's name is required");
                }
                Validation.stationName(asked.name());
                send(x, 201, new StationToken(asked.name(), store.addStation(asked.name(), StationRole.DESK)));
            } else {
                send(x, 404, Map.of("error", "No such call: POST " + path));
            }
        } catch (RuntimeException | IOException e) {
            failed(x, e);
        }
    }

    /**
     * Why the caller may not push these events (null when it may): every event must carry the
     * caller's own station id, and be of a kind its role may push.
     */
    static Forbidden forbidden(HubStore.Caller who, List<WireEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            WireEvent e = events.get(i);
            if (!who.name().equals(e.stationId())) {
                return new Forbidden(
                        i + 1,
                        "Forbidden: event " + (i + 1) + " is not this station's own: a token pushes only the events of"
                                + " the station it was given to (" + who.name() + ").");
            }
            EventKind kind = EventKind.named(e.kind()).orElseThrow();
            if (!who.role().mayPush(kind, Details.fromJson(e.details()))) {
                return new Forbidden(
                        i + 1,
                        "Forbidden: event " + (i + 1) + " (" + kind.name() + ") is not one a "
                                + who.role().id() + " station may record.");
            }
        }
        return null;
    }

    /** Which event (from 1) a push may not carry, and why. */
    record Forbidden(int item, String why) {}

    private void readBody(Exchange x, java.util.function.Consumer<byte[]> then) {
        long declared = x.request().getLength();
        if (declared > Protocol.MAX_BODY_BYTES) {
            sendQuietly(
                    x, 413, Map.of("error", "The request body is larger than " + Protocol.MAX_BODY_BYTES + " bytes."));
            return;
        }
        // read without holding a thread: a slow sender costs a socket, not a worker
        Content.Source.asByteArrayAsync(x.request(), Protocol.MAX_BODY_BYTES).whenComplete((body, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                    sendQuietly(
                            x,
                            413,
                            Map.of("error", "The request body is larger than " + Protocol.MAX_BODY_BYTES + " bytes."));
                } else {
                    LOG.debug("Hub call cut off while its body was read", cause);
                    x.done().failed(cause);
                }
                return;
            }
            submit(x, () -> then.accept(body));
        });
    }

    private void failed(Exchange x, Throwable e) {
        if (e instanceof JsonProcessingException j) {
            // Jackson's message may quote the body (a name): say where, not what
            var at = j.getLocation();
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
        } else if (e instanceof Validation.Refused r) {
            // the contract's problem as data too (optional fields), so a station can tell which rule
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "Bad request: " + r.getMessage() + ".");
            body.put("item", r.item);
            body.put("field", r.problem.path());
            body.put("rule", r.problem.rule().name());
            if (r.problem.limit() > 0) {
                body.put("limit", r.problem.limit());
            }
            sendQuietly(x, 400, body);
        } else if (e instanceof ContractViolation c) {
            sendQuietly(
                    x,
                    400,
                    Map.of(
                            "error", "Bad request: " + Validation.describe(c.problem()) + ".",
                            "field", c.problem().path(),
                            "rule", c.problem().rule().name()));
        } else if (e instanceof IllegalArgumentException) {
            sendQuietly(x, 400, Map.of("error", "Bad request: " + e.getMessage()));
        } else if (e instanceof IOException) {
            // the caller went away mid-call; whatever was stored stays stored, and a retry is idempotent
            LOG.debug("Hub call cut off", e);
            x.done().failed(e);
        } else {
            LOG.warn("Hub call {} {} failed", x.method(), x.path(), e);
            sendQuietly(x, 503, Map.of("error", "The hub cannot serve this now; try again."));
        }
    }

    private static void tooMany(Exchange x, long retryAfterSeconds) throws IOException {
        x.response().getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds));
        send(x, 429, Map.of("error", "Too many calls; try again in " + retryAfterSeconds + " s."));
    }

    private static String bearer(Exchange x) {
        String h = x.request().getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).strip();
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

    /** Answers at least this large are gzipped for a caller that accepts it (a roster page: about a tenth). */
    static final int GZIP_FROM_BYTES = 16 * 1024;

    private static void send(Exchange x, int status, Object body) throws IOException {
        byte[] bytes = Protocol.JSON.writeValueAsBytes(body);
        if (bytes.length >= GZIP_FROM_BYTES && acceptsGzip(x)) {
            bytes = gzip(bytes);
            x.response().getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        x.response().setStatus(status);
        x.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        x.response().getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(bytes.length));
        x.response().write(true, ByteBuffer.wrap(bytes), x.done());
    }

    private static boolean acceptsGzip(Exchange x) {
        for (String v : x.request().getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING)) {
            for (String coding : v.split(",")) {
                String c = coding.strip();
                int semi = c.indexOf(';');
                if ((semi < 0 ? c : c.substring(0, semi).strip()).equalsIgnoreCase("gzip")
                        && !c.replace(" ", "").endsWith("q=0")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The JDK's gzip at its fastest level: on a venue's Wi-Fi the bytes cost more than the CPU. */
    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 6 + 64);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static void sendQuietly(Exchange x, int status, Object body) {
        try {
            send(x, status, body);
        } catch (IOException | RuntimeException e) {
            x.done().failed(e); // the response had started or the caller left
        }
    }

    /** Stops at once: calls in flight are cut off, as when a hub dies. Their transactions commit or not, whole. */
    @Override
    public void close() {
        store.removeStoredListener(wake);
        waiters.close();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.debug("Hub stop", e);
        }
        slow.close();
        // Not shutdownNow: an interrupt inside an H2 file write would close the database.
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Hub stopped");
    }
}
