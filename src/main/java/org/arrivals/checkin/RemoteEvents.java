package org.arrivals.checkin;

import static org.arrivals.store.jooq.Tables.CHECKIN_EVENT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.WalkIn;
import org.arrivals.store.Store;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EditRule;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PersonField;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events other stations recorded, pulled from the hub, taken into this station's log: stored
 * once, folded into arrivals like local events, walk-ins added to the roster, edits laid over it
 * by the edit rule. It works under the log's own lock, so a pulled event and a local check-in
 * never interleave.
 */
public final class RemoteEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteEvents.class);

    private final CheckInLog log;
    private final Store store;
    private final DSLContext dsl;
    private final AttendeeStore attendees;
    private final Clock clock;
    private volatile java.util.function.ObjIntConsumer<String> onReprint = (code, generation) -> {};

    public RemoteEvents(CheckInLog log, Store store, AttendeeStore attendees, Clock clock) {
        this.log = log;
        this.store = store;
        this.dsl = store.dsl();
        this.attendees = attendees;
        this.clock = clock;
    }

    /**
     * Takes in events other stations recorded (pulled from the hub): each is stored once however
     * often it arrives, already acknowledged; the arrival of every attendee they touch is
     * recomputed by the same fold as local events; walk-ins join the roster and edits are laid
     * over it, the latest edit of a field in log order winning. The station's clock moves past
     * every received clock value, so what it records next sorts after what it has seen.
     *
     * @return how many of the events were new here
     */
    public int applyRemote(List<CheckInEvent> remote) {
        return applyRemote(remote, List.of());
    }

    /**
     * As {@link #applyRemote(List)}, and in the same transaction marks acknowledged those of {@code
     * acknowledged} this station recorded and still had in its outbox: our own events coming back
     * in a pull prove the hub holds them. One commit (and one sync to disk) for the page.
     *
     * @return how many of the events were new here
     */
    public int applyRemote(List<CheckInEvent> remote, Collection<UUID> acknowledged) {
        synchronized (log) {
            if (previous) {
                int n = applyPreviousLocked(remote);
                if (!acknowledged.isEmpty()) {
                    new Outbox(store, clock).markAcked(acknowledged);
                }
                return n;
            }
            return applyLocked(remote, acknowledged);
        }
    }

    private volatile boolean previous;

    /**
     * Takes in pulled pages as the previous version did (jOOQ's batch binding, the acknowledgment
     * of our own events in a transaction of its own). For the benchmark's baseline and the test
     * that compares both.
     */
    public RemoteEvents previousApply(boolean on) {
        this.previous = on;
        return this;
    }

    private int applyLocked(List<CheckInEvent> remote, Collection<UUID> acknowledged) {
        if (remote.isEmpty() && acknowledged.isEmpty()) {
            return 0;
        }
        remote.stream().mapToLong(CheckInEvent::hlc).max().ifPresent(log::observe);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        Map<UUID, CheckInEvent> byId = new LinkedHashMap<>();
        remote.forEach(e -> byId.putIfAbsent(e.id(), e));
        Set<UUID> asked = new LinkedHashSet<>(byId.keySet());
        asked.addAll(acknowledged);
        Set<UUID> acking = new HashSet<>(acknowledged);
        List<CheckInEvent> fresh = new ArrayList<>();
        int[] acked = {0};
        Map<String, Arrival> arrivals = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            // one look at the page's ids: which the log holds, and which of those are ours still unacknowledged
            Map<UUID, Boolean> known = t.connectionResult(c -> PulledRows.known(c, asked));
            List<UUID> ours = known.entrySet().stream()
                    .filter(e -> e.getValue() && acking.contains(e.getKey()))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            if (!ours.isEmpty()) {
                acked[0] = t.connectionResult(c -> PulledRows.acknowledge(c, ours, now));
            }
            byId.values().stream()
                    .filter(e -> !known.containsKey(e.id()))
                    .sorted(CheckInEvent.LOG_ORDER)
                    .forEach(fresh::add);
            if (fresh.isEmpty()) {
                return Map.<String, Arrival>of();
            }
            t.connection(c -> PulledRows.insert(c, fresh, now));
            Set<String> codes = new TreeSet<>();
            Set<String> edited = new TreeSet<>();
            for (CheckInEvent e : fresh) {
                codes.add(e.attendeeCode());
                if (e.kind() == EventKind.WALK_IN_REGISTERED
                        && attendees.idOf(t, e.attendeeCode()).isEmpty()) {
                    attendees.insertWalkIn(t, walkInFrom(e.details()), e.attendeeCode());
                } else if (e.kind() == EventKind.ATTENDEE_EDITED) {
                    edited.add(e.attendeeCode());
                }
            }
            Map<String, List<CheckInEvent>> events = t.connectionResult(c -> PulledRows.eventsOf(c, codes));
            for (String code : edited) {
                replayEdits(t, code, events.getOrDefault(code, List.of()));
            }
            for (EventProjection p : log.projections()) {
                Set<String> followed = new TreeSet<>();
                fresh.stream().filter(e -> p.follows(e.kind())).forEach(e -> followed.add(e.attendeeCode()));
                if (!followed.isEmpty()) {
                    p.project(t, EventRows.only(events, followed));
                }
            }
            // session events leave arrivals as they are
            Set<String> arriving = new TreeSet<>();
            fresh.stream().filter(e -> !e.kind().isSession()).forEach(e -> arriving.add(e.attendeeCode()));
            Map<String, List<CheckInEvent>> folded = EventRows.only(events, arriving);
            return t.connectionResult(c -> PulledRows.projectAll(c, folded));
        });
        if (fresh.isEmpty()) {
            if (acked[0] > 0) {
                store.committedOrLater();
            }
            return 0;
        }
        store.committedOrLater();
        return tell(fresh, arrivals);
    }

    private int applyPreviousLocked(List<CheckInEvent> remote) {
        if (remote.isEmpty()) {
            return 0;
        }
        remote.stream().mapToLong(CheckInEvent::hlc).max().ifPresent(log::observe);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
        Map<UUID, CheckInEvent> byId = new LinkedHashMap<>();
        remote.forEach(e -> byId.putIfAbsent(e.id(), e));
        List<CheckInEvent> fresh = new ArrayList<>();
        Map<String, Arrival> arrivals = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Set<UUID> known = new HashSet<>();
            List<UUID> ids = new ArrayList<>(byId.keySet());
            for (int from = 0; from < ids.size(); from += EventRows.CHUNK) {
                known.addAll(t.select(CHECKIN_EVENT.ID)
                        .from(CHECKIN_EVENT)
                        .where(CHECKIN_EVENT.ID.in(ids.subList(from, Math.min(ids.size(), from + EventRows.CHUNK))))
                        .fetch(CHECKIN_EVENT.ID));
            }
            byId.values().stream()
                    .filter(e -> !known.contains(e.id()))
                    .sorted(CheckInEvent.LOG_ORDER)
                    .forEach(fresh::add);
            if (fresh.isEmpty()) {
                return Map.<String, Arrival>of();
            }
            BatchBindStep insert = t.batch(t.insertInto(
                            CHECKIN_EVENT,
                            CHECKIN_EVENT.ID,
                            CHECKIN_EVENT.ATTENDEE_CODE,
                            CHECKIN_EVENT.KIND,
                            CHECKIN_EVENT.STATION_ID,
                            CHECKIN_EVENT.WALL_TIME,
                            CHECKIN_EVENT.HLC,
                            CHECKIN_EVENT.DETAILS,
                            CHECKIN_EVENT.ACKED_AT)
                    .values((UUID) null, null, null, null, null, null, null, null));
            for (CheckInEvent e : fresh) {
                insert.bind(
                        e.id(),
                        e.attendeeCode(),
                        e.kind().name(),
                        e.stationId(),
                        e.wallTime(),
                        e.hlc(),
                        e.details(),
                        now);
            }
            insert.execute();
            Set<String> codes = new TreeSet<>();
            Set<String> edited = new TreeSet<>();
            for (CheckInEvent e : fresh) {
                codes.add(e.attendeeCode());
                if (e.kind() == EventKind.WALK_IN_REGISTERED
                        && attendees.idOf(t, e.attendeeCode()).isEmpty()) {
                    attendees.insertWalkIn(t, walkInFrom(e.details()), e.attendeeCode());
                } else if (e.kind() == EventKind.ATTENDEE_EDITED) {
                    edited.add(e.attendeeCode());
                }
            }
            Map<String, List<CheckInEvent>> events = EventRows.eventsOf(t, codes);
            for (String code : edited) {
                replayEdits(t, code, events.getOrDefault(code, List.of()));
            }
            for (EventProjection p : log.projections()) {
                Set<String> followed = new TreeSet<>();
                fresh.stream().filter(e -> p.follows(e.kind())).forEach(e -> followed.add(e.attendeeCode()));
                if (!followed.isEmpty()) {
                    p.project(t, EventRows.only(events, followed));
                }
            }
            // session events leave arrivals as they are
            Set<String> arriving = new TreeSet<>();
            fresh.stream().filter(e -> !e.kind().isSession()).forEach(e -> arriving.add(e.attendeeCode()));
            return EventRows.projectAll(t, EventRows.only(events, arriving));
        });
        if (fresh.isEmpty()) {
            return 0;
        }
        store.committed();
        return tell(fresh, arrivals);
    }

    /** After the commit: reprints, arrivals and the roster's changes told. */
    private int tell(List<CheckInEvent> fresh, Map<String, Arrival> arrivals) {
        for (CheckInEvent e : fresh) {
            if (e.kind() == EventKind.BADGE_REPRINTED) {
                int generation = generationOf(e.details());
                if (generation > 0) {
                    onReprint.accept(e.attendeeCode(), generation);
                }
            }
        }
        LOG.info("Took in {} events from other stations ({} attendees)", fresh.size(), arrivals.size());
        arrivals.values().forEach(log::fire);
        attendees.fireChangedCodes(fresh.stream()
                .filter(e -> e.kind() == EventKind.WALK_IN_REGISTERED || e.kind() == EventKind.ATTENDEE_EDITED)
                .map(CheckInEvent::attendeeCode)
                .collect(Collectors.toCollection(TreeSet::new)));
        return fresh.size();
    }

    /** Told of each reprint another station recorded, with the badge generation it made. */
    public void onReprint(java.util.function.ObjIntConsumer<String> listener) {
        this.onReprint = listener;
    }

    /** A reprint's generation from its details; 0 when it carries none (or not a number). */
    static int generationOf(String details) {
        try {
            String g = org.arrivals.sync.protocol.Details.fromJson(details)
                    .get(org.arrivals.sync.protocol.Details.GENERATION);
            return g == null || !g.matches("\\d{1,9}") ? 0 : Integer.parseInt(g);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Lays an attendee's edits over the roster again, from all the edit events the log holds: for
     * each field the last edit in log order wins, so stations that hold the same events show the
     * same values, whatever order the events came in. Also for a person the roster learnt of
     * after their edits arrived.
     */
    public void replayEdits(Collection<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        synchronized (log) {
            replayLocked(codes);
        }
    }

    /**
     * Lays every edit this station holds over the roster: after a whole roster was loaded at once,
     * only the people someone edited need it (a new station usually has none).
     */
    public void replayAllEdits() {
        synchronized (log) {
            List<String> edited = dsl.selectDistinct(CHECKIN_EVENT.ATTENDEE_CODE)
                    .from(CHECKIN_EVENT)
                    .where(CHECKIN_EVENT.KIND.eq(EventKind.ATTENDEE_EDITED.name()))
                    .fetch(CHECKIN_EVENT.ATTENDEE_CODE);
            if (!edited.isEmpty()) {
                replayLocked(edited);
            }
        }
    }

    private void replayLocked(Collection<String> codes) {
        dsl.transaction(tx -> {
            Map<String, List<CheckInEvent>> events = EventRows.eventsOf(tx.dsl(), new TreeSet<>(codes));
            for (var e : events.entrySet()) {
                replayEdits(tx.dsl(), e.getKey(), e.getValue());
            }
        });
        store.committed();
    }

    private void replayEdits(DSLContext t, String code, List<CheckInEvent> events) {
        Optional<Long> id = attendees.idOf(t, code);
        if (id.isEmpty()) {
            return;
        }
        List<EditRule.Edit> edits = events.stream()
                .filter(e -> e.kind() == EventKind.ATTENDEE_EDITED)
                .map(e -> new EditRule.Edit(e.hlc(), e.stationId(), e.id(), e.details()))
                .toList();
        EditRule.latest(edits)
                .forEach((field, value) -> AttendeeField.byCliName(field.key())
                        .filter(AttendeeStore.EDITABLE::contains)
                        .ifPresent(f -> attendees.applyEdit(t, id.get(), f, value)));
    }

    private static WalkIn walkInFrom(String details) {
        Map<String, String> d = Details.fromJson(details);
        return new WalkIn(
                d.getOrDefault(PersonField.FIRST.key(), "?"),
                d.get(PersonField.LAST.key()),
                d.get(PersonField.BADGE_NAME.key()),
                d.get(PersonField.PRONOUNS.key()),
                d.get(PersonField.EMAIL.key()),
                d.get(PersonField.ORG.key()),
                d.get(PersonField.TITLE.key()),
                d.get(PersonField.TYPE.key()));
    }
}
