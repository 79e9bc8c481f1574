package org.arrivals.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files uploaded to the console and previewed, kept in the hub's memory until they are imported
 * (once: {@link #take}) or dropped: each under a random one-time id, bound to the session that
 * uploaded it, for at most {@link #KEPT}; the oldest go first when more than {@link #MAX_HELD}
 * files, or more than twice the largest upload's bytes, are held.
 */
final class HeldUploads {
    static final Duration KEPT = Duration.ofMinutes(30);
    static final int MAX_HELD = 8;

    /** A previewed file: whose (the session's CSRF token names the session), what, and its preview. */
    record Held(
            String id,
            String session,
            Uploads.Kind kind,
            byte[] bytes,
            String fileName,
            LocalDate firstDay,
            Uploads.Preview preview,
            Instant at) {}

    private final Clock clock;
    private final long maxTotalBytes;
    private final Map<String, Held> held = new LinkedHashMap<>();

    HeldUploads(Clock clock, long maxUploadBytes) {
        this.clock = clock;
        this.maxTotalBytes = Math.max(2 * maxUploadBytes, 64L * 1024 * 1024);
    }

    synchronized Held keep(
            String session, Uploads.Kind kind, byte[] bytes, String fileName, LocalDate firstDay, Uploads.Preview p) {
        expire();
        long total = bytes.length;
        for (Held h : held.values()) {
            total += h.bytes().length;
        }
        Iterator<Held> oldest = held.values().iterator();
        while (oldest.hasNext() && (held.size() >= MAX_HELD || total > maxTotalBytes)) {
            total -= oldest.next().bytes().length;
            oldest.remove();
        }
        Held h = new Held(Organizers.randomToken(), session, kind, bytes, fileName, firstDay, p, clock.instant());
        held.put(h.id(), h);
        return h;
    }

    /** The file held under {@code id} for this session, left held. */
    synchronized Optional<Held> get(String id, String session) {
        expire();
        Held h = id == null ? null : held.get(id);
        return h != null && h.session().equals(session) ? Optional.of(h) : Optional.empty();
    }

    /** The file held under {@code id} for this session, no longer held: a second import of it finds nothing. */
    synchronized Optional<Held> take(String id, String session) {
        Optional<Held> h = get(id, session);
        h.ifPresent(x -> held.remove(x.id()));
        return h;
    }

    private void expire() {
        Instant before = clock.instant().minus(KEPT);
        held.values().removeIf(h -> h.at().isBefore(before));
    }
}
