package org.arrivals.hub.console;

import static org.arrivals.hub.console.ConsoleTables.ATTENDEE;
import static org.arrivals.hub.console.ConsoleTables.A_CODE;
import static org.arrivals.hub.console.ConsoleTables.A_ORG;
import static org.arrivals.hub.console.ConsoleTables.A_STATUS;
import static org.arrivals.hub.console.ConsoleTables.A_TYPE;
import static org.arrivals.hub.console.ConsoleTables.COUNTER;
import static org.arrivals.hub.console.ConsoleTables.COUNTER_NAME;
import static org.arrivals.hub.console.ConsoleTables.COUNTER_VALUE;
import static org.arrivals.hub.console.ConsoleTables.EVENT;
import static org.arrivals.hub.console.ConsoleTables.E_CODE;
import static org.arrivals.hub.console.ConsoleTables.E_DETAILS;
import static org.arrivals.hub.console.ConsoleTables.E_HLC;
import static org.arrivals.hub.console.ConsoleTables.E_ID;
import static org.arrivals.hub.console.ConsoleTables.E_KIND;
import static org.arrivals.hub.console.ConsoleTables.E_STATION;
import static org.arrivals.hub.console.ConsoleTables.E_WALL;
import static org.arrivals.hub.console.ConsoleTables.SCHEDULE;
import static org.arrivals.hub.console.ConsoleTables.S_CAPACITY;
import static org.arrivals.hub.console.ConsoleTables.S_DATE;
import static org.arrivals.hub.console.ConsoleTables.S_END;
import static org.arrivals.hub.console.ConsoleTables.S_ID;
import static org.arrivals.hub.console.ConsoleTables.S_POSITION;
import static org.arrivals.hub.console.ConsoleTables.S_ROOM;
import static org.arrivals.hub.console.ConsoleTables.S_START;
import static org.arrivals.hub.console.ConsoleTables.S_TITLE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.session.SessionPresence;
import org.arrivals.session.Visit;
import org.arrivals.sync.protocol.EventKind;
import org.jooq.DSLContext;

/**
 * The live event as the hub holds it: each person's events folded as every station folds them
 * ({@link Arrival} for arrivals by day, {@link SessionPresence} for who is in which room), over the
 * roster the hub holds. Computed again only when the hub's event, roster or schedule counter moved
 * (or the quarter hour or the day turned), so a page asking every second costs one small read.
 */
public final class LiveView {
    /** Arrivals and registrations of one day. */
    public record DayCount(LocalDate day, int arrived) {}

    /** One attendee type: arrived today, expected (attending registrations). */
    public record TypeCount(String type, int arrived, int expected) {}

    /** Arrivals (a day's first check-ins) in the quarter hour starting at {@code start}. */
    public record Slot(LocalTime start, int arrivals) {}

    /** A session of today: who is inside now, and how many the room holds. */
    public record Occupancy(String title, String room, String starts, String ends, int inside, int capacity) {}

    /** An organization with an expected member who has not arrived on any day. */
    public record Delegation(String organization, int arrived, int expected) {}

    /** Everything the live page shows. {@code version} changes whenever any of it may have. */
    public record Live(
            String version,
            LocalDate today,
            int expected,
            int arrivedToday,
            int arrivedEver,
            List<DayCount> byDay,
            List<TypeCount> byType,
            List<Slot> slots,
            List<Occupancy> sessions,
            List<Delegation> delegations,
            int delegationsIncomplete) {}

    /** At most this many incomplete delegations are listed (the most missing first). */
    static final int DELEGATIONS_SHOWN = 10;

    private final DSLContext dsl;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Live cached;

    public LiveView(DSLContext dsl, Clock clock, ZoneId zone) {
        this.dsl = dsl;
        this.clock = clock;
        this.zone = zone;
    }

    /** The live event now (computed again only when something it depends on changed). */
    public Live now() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        Map<String, Long> counters =
                dsl.select(COUNTER_NAME, COUNTER_VALUE).from(COUNTER).fetchMap(COUNTER_NAME, COUNTER_VALUE);
        String version = counters.getOrDefault("event", 0L) + "." + counters.getOrDefault("roster", 0L) + "."
                + counters.getOrDefault("schedule", 0L) + "." + now.toLocalDate() + "."
                + (now.getHour() * 4 + now.getMinute() / 15);
        Live c = cached;
        if (c != null && c.version().equals(version)) {
            return c;
        }
        Live fresh = compute(version, now.toLocalDate());
        cached = fresh;
        return fresh;
    }

    private record Person(String type, String status, String organization) {}

    private Live compute(String version, LocalDate today) {
        Map<String, Person> roster = new HashMap<>();
        dsl.select(A_CODE, A_TYPE, A_STATUS, A_ORG)
                .from(ATTENDEE)
                .forEach(r -> roster.put(r.get(A_CODE), new Person(r.get(A_TYPE), r.get(A_STATUS), r.get(A_ORG))));
        Map<String, List<CheckInEvent>> byCode = new HashMap<>();
        dsl.select(E_ID, E_CODE, E_KIND, E_STATION, E_WALL, E_HLC, E_DETAILS)
                .from(EVENT)
                .forEach(r -> EventKind.named(r.get(E_KIND))
                        .ifPresent(kind -> byCode.computeIfAbsent(r.get(E_CODE), k -> new ArrayList<>())
                                .add(new CheckInEvent(
                                        r.get(E_ID),
                                        r.get(E_CODE),
                                        kind,
                                        r.get(E_STATION),
                                        r.get(E_WALL),
                                        r.get(E_HLC),
                                        r.get(E_DETAILS)))));
        Map<String, Arrival> arrivals = new HashMap<>();
        Map<String, Integer> inside = new HashMap<>();
        byCode.forEach((code, events) -> {
            arrivals.put(code, Arrival.of(code, events));
            for (Visit v : SessionPresence.fold(code, events)) {
                if (v.leftAt() == null) {
                    inside.merge(v.sessionId(), 1, Integer::sum);
                }
            }
        });

        int expected = 0;
        int arrivedToday = 0;
        int arrivedEver = 0;
        TreeMap<LocalDate, Integer> byDay = new TreeMap<>();
        TreeMap<String, int[]> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        TreeMap<LocalTime, Integer> slots = new TreeMap<>();
        Map<String, int[]> byOrganization = new HashMap<>();
        for (Map.Entry<String, Arrival> e : arrivals.entrySet()) {
            Arrival a = e.getValue();
            for (Arrival.Day d : a.days()) {
                byDay.merge(d.date(), 1, Integer::sum);
            }
            Arrival.Day t = a.day(today);
            if (t != null) {
                LocalTime local = t.at().atZoneSameInstant(zone).toLocalTime();
                slots.merge(LocalTime.of(local.getHour(), local.getMinute() / 15 * 15), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Person> e : roster.entrySet()) {
            Person p = e.getValue();
            Arrival a = arrivals.get(e.getKey());
            boolean attending = "ATTENDING".equals(p.status());
            boolean today0 = a != null && a.checkedInOn(today);
            boolean ever = a != null && a.checkedIn();
            if (attending) {
                expected++;
            }
            if (today0) {
                arrivedToday++;
            }
            if (ever) {
                arrivedEver++;
            }
            if (attending || today0) {
                int[] tc = byType.computeIfAbsent(p.type() == null ? "" : p.type(), k -> new int[2]);
                tc[0] += today0 ? 1 : 0;
                tc[1] += attending ? 1 : 0;
            }
            String org = p.organization() == null ? "" : p.organization().strip();
            if (attending && !org.isEmpty()) {
                int[] oc = byOrganization.computeIfAbsent(org, k -> new int[2]);
                oc[0] += ever ? 1 : 0;
                oc[1]++;
            }
        }
        List<Slot> slotList = new ArrayList<>();
        if (!slots.isEmpty()) {
            for (LocalTime s = slots.firstKey(); !s.isAfter(slots.lastKey()); s = s.plusMinutes(15)) {
                slotList.add(new Slot(s, slots.getOrDefault(s, 0)));
                if (s.equals(LocalTime.of(23, 45))) {
                    break;
                }
            }
        }
        List<Occupancy> sessions = dsl.select(S_ID, S_TITLE, S_ROOM, S_START, S_END, S_CAPACITY)
                .from(SCHEDULE)
                .where(S_DATE.eq(today.toString()))
                .orderBy(S_START, S_POSITION)
                .fetch(r -> new Occupancy(
                        r.get(S_TITLE),
                        r.get(S_ROOM),
                        r.get(S_START),
                        r.get(S_END),
                        inside.getOrDefault(r.get(S_ID), 0),
                        r.get(S_CAPACITY)));
        int incomplete =
                (int) byOrganization.values().stream().filter(c -> c[0] < c[1]).count();
        List<Delegation> delegations = byOrganization.entrySet().stream()
                .filter(e -> e.getValue()[0] < e.getValue()[1])
                .map(e -> new Delegation(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt((Delegation d) -> d.arrived() - d.expected())
                        .thenComparing(Delegation::organization, String.CASE_INSENSITIVE_ORDER))
                .limit(DELEGATIONS_SHOWN)
                .toList();
        return new Live(
                version,
                today,
                expected,
                arrivedToday,
                arrivedEver,
                byDay.entrySet().stream()
                        .map(e -> new DayCount(e.getKey(), e.getValue()))
                        .toList(),
                byType.entrySet().stream()
                        .map(e -> new TypeCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                        .toList(),
                slotList,
                sessions,
                delegations,
                incomplete);
    }
}
