package org.arrivals.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.arrivals.sync.protocol.Problem;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.PushRequest;
import org.arrivals.sync.protocol.PushResponse;
import org.arrivals.sync.protocol.RosterResponse;
import org.arrivals.sync.protocol.WireEvent;

/**
 * A station's side of the hub API, over the JDK's HTTP client. Every call has a deadline, and an
 * answer is read up to {@link #MAX_ANSWER_BYTES} at most. Plain {@code http://} is refused to
 * anything but a loopback address; over {@code https://} the hub's certificate must be the pinned
 * one when the station has a pin (a set-up code carries it), else one the JDK's trust store
 * accepts (a certificate from the organization's authority).
 */
public final class HubClient {
    /** The largest answer read from the hub; a 2,000-row roster page is a few megabytes. */
    public static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;
    private final PinnedCertificate pin;
    private volatile org.arrivals.sync.protocol.StationReport report;

    public HubClient(URI base, String token, Duration timeout) {
        this(base, token, timeout, null);
    }

    /**
     * @throws IllegalArgumentException for a URL that is not http(s), or plain http to an address
     *     that is not loopback (a sniffer on the venue's network would read the roster and token)
     */
    public HubClient(URI base, String token, Duration timeout, PinnedCertificate pin) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        requireSafe(this.base);
        this.token = token;
        this.timeout = timeout;
        this.pin = pin;
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (pin != null && "https".equalsIgnoreCase(this.base.getScheme())) {
            builder.sslContext(pin.context());
        }
        this.http = builder.build();
    }

    /** Refuses plain http to anything but loopback, and anything but http(s). */
    public static void requireSafe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException(
                    "The hub's address " + url + " is not a URL; write it as https://HOST:PORT.");
        }
        if (scheme.equals("http") && !loopback(url.getHost())) {
            throw new IllegalArgumentException("The hub's address " + url + " is plain http to another machine: on a"
                    + " network anyone could read the roster and this station's token. Use https:// (the hub serves it"
                    + " by default) or join the hub with its set-up code.");
        }
    }

    /** True for a name or address of this machine's loopback (never a DNS look-up of another name). */
    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: only localhost is known to be loopback without asking DNS
        }
        try {
            return java.net.InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** The pinned certificate, or null when none was pinned. */
    public PinnedCertificate pin() {
        return pin;
    }

    private volatile boolean acceptGzip = true;

    /** Whether answers may come gzipped (true; false only to measure against). */
    public void acceptGzip(boolean on) {
        this.acceptGzip = on;
    }

    /** The deadline of each call. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * What this station says of itself on every call from now on (the {@link
     * org.arrivals.sync.protocol.StationReport#HEADER} header); null: nothing. A hub that does not
     * know the header ignores it.
     */
    public void report(org.arrivals.sync.protocol.StationReport report) {
        this.report = report;
    }

    public URI base() {
        return base;
    }

    public PushResponse push(List<WireEvent> events) throws HubException {
        return call(
                request(Protocol.EVENTS)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json(new PushRequest(events))))
                        .header("Content-Type", "application/json"),
                PushResponse.class);
    }

    public PullResponse pullEvents(long after, int limit) throws HubException {
        return call(
                request(Protocol.EVENTS + "?after=" + after + "&limit=" + limit).GET(), PullResponse.class);
    }

    /** What a long-poll brought: a page, and whether the hub held the call (older hubs answer at once). */
    public record LongPoll(PullResponse page, boolean held) {}

    /**
     * {@code GET /events?after=C&wait=S}: events after {@code after}, answered as soon as the hub
     * holds any, or an empty page after about {@code wait} (the hub may hold it less). The call's
     * deadline is {@code wait} plus the usual one.
     */
    public LongPoll waitForEvents(long after, int limit, Duration wait) throws HubException {
        boolean[] held = {false};
        PullResponse page = call(
                request(Protocol.EVENTS + "?after=" + after + "&limit=" + limit + "&wait=" + wait.toSeconds())
                        .timeout(wait.plus(timeout))
                        .GET(),
                PullResponse.class,
                r -> held[0] = r.headers().firstValue(Protocol.LONG_POLL_HEADER).isPresent());
        return new LongPoll(page, held[0]);
    }

    public RosterResponse pullRoster(long after, int limit) throws HubException {
        return call(
                request(Protocol.ROSTER + "?after=" + after + "&limit=" + limit).GET(), RosterResponse.class);
    }

    /**
     * The hub's schedule when it changed after {@code after}; a hub too old to hold one answers
     * 404, which is an empty, unchanged answer here.
     */
    public org.arrivals.sync.protocol.ScheduleResponse pullSchedule(long after) throws HubException {
        try {
            return call(
                    request(Protocol.SCHEDULE + "?after=" + after).GET(),
                    org.arrivals.sync.protocol.ScheduleResponse.class);
        } catch (HubException e) {
            if (e.status() == 404) {
                return new org.arrivals.sync.protocol.ScheduleResponse(after, false, List.of());
            }
            throw e;
        }
    }

    /** Replaces the hub's schedule (an administrator's token). */
    public org.arrivals.sync.protocol.ScheduleResponse pushSchedule(
            List<org.arrivals.sync.protocol.ScheduleSession> sessions) throws HubException {
        return call(
                request(Protocol.SCHEDULE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                json(new org.arrivals.sync.protocol.ScheduleUpload(sessions))))
                        .header("Content-Type", "application/json"),
                org.arrivals.sync.protocol.ScheduleResponse.class);
    }

    /** True when the hub answers its health check. */
    public boolean healthy() {
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(base.resolve(Protocol.HEALTH))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (acceptGzip) {
            b.header("Accept-Encoding", "gzip");
        }
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token.strip());
        }
        org.arrivals.sync.protocol.StationReport r = report;
        if (r != null) {
            b.header(org.arrivals.sync.protocol.StationReport.HEADER, r.header());
        }
        return b;
    }

    private static byte[] json(Object o) {
        try {
            return Protocol.JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("protocol records always serialize", e);
        }
    }

    /** True when the TLS handshake failed because the hub's certificate is not the pinned one. */
    private static boolean pinRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedCertificate.Mismatch) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The {@code item} of a hub's JSON answer (which event of a batch), or 0. */
    private static int item(byte[] body) {
        try {
            JsonNode answer = Protocol.JSON.readTree(body);
            return answer != null && answer.isObject() ? answer.path("item").asInt(0) : 0;
        } catch (IOException notJson) {
            return 0;
        }
    }

    /** The {@code error} of a hub's JSON answer (it quotes no value), or null. */
    private static String error(byte[] body) {
        try {
            JsonNode answer = Protocol.JSON.readTree(body);
            return answer != null && answer.isObject() ? answer.path("error").asText(null) : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A 400: the hub's reason (it quotes no value), and the contract's problem when it names one. */
    private HubException refused(byte[] body) {
        String error = null;
        Problem problem = null;
        try {
            JsonNode answer = Protocol.JSON.readTree(body);
            if (answer != null && answer.isObject()) {
                error = answer.path("error").asText(null);
                problem = Problem.fromWire(
                                answer.path("field").asText(null),
                                answer.path("rule").asText(null),
                                answer.path("limit").asLong(0))
                        .orElse(null);
            }
        } catch (IOException notJson) {
            // an older hub or a proxy: the status says enough
        }
        return new HubException(
                "The hub at " + base + " refused the request (HTTP 400)" + (error == null ? "." : ": " + error),
                400,
                null,
                problem,
                item(body));
    }

    private <T> T call(HttpRequest.Builder request, Class<T> type) throws HubException {
        return call(request, type, r -> {});
    }

    private <T> T call(
            HttpRequest.Builder request, Class<T> type, java.util.function.Consumer<HttpResponse<?>> answered)
            throws HubException {
        HttpResponse<java.io.InputStream> r;
        byte[] body;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            boolean gzipped = r.headers()
                    .firstValue("Content-Encoding")
                    .map(v -> v.strip().equalsIgnoreCase("gzip"))
                    .orElse(false);
            // the cap holds for what the answer inflates to, so a small gzipped answer cannot flood the heap
            try (java.io.InputStream in = gzipped ? new java.util.zip.GZIPInputStream(r.body(), 64 * 1024) : r.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                throw new HubException(
                        "The hub at " + base + " sent an answer larger than " + MAX_ANSWER_BYTES
                                + " bytes; it was not read.",
                        502,
                        null);
            }
        } catch (IOException e) {
            if (pinRefused(e)) {
                throw HubException.certificateRefused(
                        "The hub at " + base + " showed a certificate other than the one this station pinned when it"
                                + " joined: it is not this station's hub, or someone is between them. Nothing was sent."
                                + " Check the address, or join again with a new set-up code from the hub.",
                        e);
            }
            throw new HubException(
                    "The hub at " + base + " did not answer (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").",
                    0,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted while talking to the hub.", 0, e);
        }
        if (r.statusCode() == 401) {
            throw new HubException(
                    "The hub at " + base + " refused this station's token (HTTP 401): it is wrong or was revoked."
                            + " Ask the hub for a new set-up code (arrivals hub add-station NAME --setup-code).",
                    r.statusCode(),
                    null);
        }
        if (r.statusCode() == 403) {
            String why = error(body);
            throw new HubException(
                    "The hub at " + base + " refused this station's request (HTTP 403)"
                            + (why == null ? "." : ": " + why),
                    r.statusCode(),
                    null,
                    null,
                    item(body));
        }
        if (r.statusCode() == 400) {
            throw refused(body);
        }
        if (r.statusCode() != 200) {
            throw new HubException(
                    "The hub at " + base + " answered HTTP " + r.statusCode() + ".", r.statusCode(), null);
        }
        answered.accept(r);
        try {
            return Protocol.JSON.readValue(body, type);
        } catch (IOException e) {
            throw new HubException("The hub's answer could not be read: " + e.getMessage(), 0, e);
        }
    }
}
