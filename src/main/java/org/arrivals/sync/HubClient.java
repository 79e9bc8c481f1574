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

/** A station's side of the hub API, over the JDK's HTTP client. Every call has a deadline. */
public final class HubClient {
    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    public HubClient(URI base, String token, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
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
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token.strip());
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
                problem);
    }

    private <T> T call(HttpRequest.Builder request, Class<T> type) throws HubException {
        HttpResponse<byte[]> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HubException(
                    "The hub at " + base + " did not answer (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").",
                    0,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted while talking to the hub.", 0, e);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new HubException(
                    "The hub at " + base + " refused this station's token (HTTP " + r.statusCode()
                            + "). Register the station with 'arrivals hub add-station NAME' and set hub.token.",
                    r.statusCode(),
                    null);
        }
        if (r.statusCode() == 400) {
            throw refused(r.body());
        }
        if (r.statusCode() != 200) {
            throw new HubException(
                    "The hub at " + base + " answered HTTP " + r.statusCode() + ".", r.statusCode(), null);
        }
        try {
            return Protocol.JSON.readValue(r.body(), type);
        } catch (IOException e) {
            throw new HubException("The hub's answer could not be read: " + e.getMessage(), 0, e);
        }
    }
}
