package org.arrivals.session;

import static org.arrivals.store.jooq.Tables.EVENT_SESSION;
import static org.arrivals.store.jooq.Tables.SCHEDULE_SOURCE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.arrivals.store.Store;
import org.jooq.DSLContext;

/**
 * The event's schedule as this station holds it ({@code event_session}): replaced whole by an
 * import or by the hub's schedule, read from memory (a door scan looks its session up without the
 * database). The event's days are the schedule's.
 */
public final class Schedule {
    /** Where a schedule came from. */
    public record Source(String fileName, String sha256, OffsetDateTime importedAt) {}

    private final Store store;
    private final DSLContext dsl;
    private volatile List<Session> sessions;
    private volatile Map<String, Session> byId;

    public Schedule(Store store) {
        this.store = store;
        this.dsl = store.dsl();
        load();
    }

    private synchronized void load() {
        List<Session> all = dsl.selectFrom(EVENT_SESSION)
                .orderBy(EVENT_SESSION.POSITION)
                .fetch(r -> new Session(
                        r.getSessionId(),
                        r.getTitle(),
                        r.getTrack(),
                        r.getRoom(),
                        r.getSessionDate(),
                        r.getStarts(),
                        r.getEnds(),
                        r.getCapacity()));
        Map<String, Session> ids = new LinkedHashMap<>();
        all.forEach(s -> ids.put(s.id(), s));
        sessions = List.copyOf(all);
        byId = ids;
    }

    /** Every session, in the order of the file (by day and start when sorted). */
    public List<Session> all() {
        return sessions;
    }

    /** Every session, by day, start, room. */
    public List<Session> inOrder() {
        List<Session> out = new ArrayList<>(sessions);
        out.sort(Comparator.comparing(Session::date)
                .thenComparing(Session::start)
                .thenComparing(Session::room)
                .thenComparing(Session::id));
        return out;
    }

    public Optional<Session> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.strip()));
    }

    /** The event's days: every date the schedule has a session on. */
    public List<LocalDate> days() {
        TreeSet<LocalDate> days = new TreeSet<>();
        sessions.forEach(s -> days.add(s.date()));
        return List.copyOf(days);
    }

    /** Day 1, 2, 3... of the event; 0 for a day the schedule has no session on. */
    public int dayNumber(LocalDate day) {
        return days().indexOf(day) + 1;
    }

    /** The rooms, in the order they first appear. */
    public List<String> rooms() {
        return sessions.stream().map(Session::room).distinct().toList();
    }

    public boolean isEmpty() {
        return sessions.isEmpty();
    }

    public Optional<Source> source() {
        return Optional.ofNullable(dsl.selectFrom(SCHEDULE_SOURCE)
                        .where(SCHEDULE_SOURCE.ID.eq(1))
                        .fetchOne())
                .map(r -> new Source(r.getFileName(), r.getFileSha256(), r.getImportedAt()));
    }

    /** Replaces the whole schedule, in one transaction. */
    public synchronized void replace(List<Session> all, Source source) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(EVENT_SESSION).execute();
            var insert = t.batch(t.insertInto(
                            EVENT_SESSION,
                            EVENT_SESSION.SESSION_ID,
                            EVENT_SESSION.TITLE,
                            EVENT_SESSION.TRACK,
                            EVENT_SESSION.ROOM,
                            EVENT_SESSION.SESSION_DATE,
                            EVENT_SESSION.STARTS,
                            EVENT_SESSION.ENDS,
                            EVENT_SESSION.CAPACITY,
                            EVENT_SESSION.POSITION)
                    .values((String) null, null, null, null, null, null, null, null, null));
            int position = 0;
            for (Session s : all) {
                insert.bind(
                        s.id(), s.title(), s.track(), s.room(), s.date(), s.start(), s.end(), s.capacity(), position++);
            }
            if (!all.isEmpty()) {
                insert.execute();
            }
            t.deleteFrom(SCHEDULE_SOURCE).execute();
            t.insertInto(
                            SCHEDULE_SOURCE,
                            SCHEDULE_SOURCE.ID,
                            SCHEDULE_SOURCE.FILE_NAME,
                            SCHEDULE_SOURCE.FILE_SHA256,
                            SCHEDULE_SOURCE.IMPORTED_AT)
                    .values(1, source.fileName(), source.sha256(), source.importedAt())
                    .execute();
        });
        store.committed();
        load();
    }
}
