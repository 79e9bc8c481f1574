package org.arrivals.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.WalkIn;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.checkin.Uuid7;
import org.arrivals.store.jooq.Tables;
import org.arrivals.sync.protocol.Chars;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.DetailKey;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EditRule;
import org.arrivals.sync.protocol.EventContract;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PersonField;
import org.arrivals.sync.protocol.Problem;
import org.arrivals.sync.protocol.Problem.Rule;
import org.arrivals.sync.protocol.Protocol;
import org.arrivals.sync.protocol.RosterContract;
import org.arrivals.sync.protocol.RosterRow;
import org.arrivals.sync.protocol.WireEvent;
import org.arrivals.sync.protocol.WireField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One contract between the hub and the stations ({@code sync.protocol}): every kind of event a
 * station records passes it, a real hub on loopback takes it and another station applies it; every
 * field limit and detail rule is refused the same way by the hub (a 400 naming the field and the
 * rule) and by a station checking a pulled event (the same typed problem); and the contract's
 * limits are the columns both ends store the values in.
 */
class ContractTest {
    private static final OffsetDateTime WALL = OffsetDateTime.parse("2026-11-22T08:30:00Z");

    @TempDir
    Path dir;

    TestHub hub;
    final ManualClock clockA = new ManualClock("2026-11-22T08:30:00Z");
    final ManualClock clockB = new ManualClock("2026-11-22T08:30:00Z");
    TestStation a;
    TestStation b;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.h2(dir.resolve("hub"));
        hub.store.importRoster(List.of(
                row("C-1", "Ana", "ATTENDING"), row("C-2", "Bo", "CANCELLED"), row("C-3", "Chen", "ATTENDING")));
        a = new TestStation(dir.resolve("a"), "desk-a", clockA, hub.uri(), hub.token("desk-a"));
        b = new TestStation(dir.resolve("b"), "desk-b", clockB, hub.uri(), hub.token("desk-b"));
        a.syncOnce();
        b.syncOnce();
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        hub.close();
    }

    private static RosterRow row(String code, String first, String status) {
        return new RosterRow(code, null, first, "Lima", null, null, null, null, null, "Speaker", status, Map.of());
    }

    @Test
    void everyKindAStationRecordsPassesTheHubAndIsAppliedAtAnotherStation() throws Exception {
        var log = a.station.log();
        String walkIn = null;
        for (EventKind kind : EventKind.values()) {
            // every kind: a switch statement on an enum does not have to name them all, so the
            // containsAll below is what fails when a new kind is not recorded here
            switch (kind) {
                case CHECKED_IN -> log.checkIn("C-2", "paid at the door");
                case CHECK_IN_UNDONE -> {
                    log.checkIn("C-3", null);
                    log.undo("C-3");
                }
                case BADGE_PRINTED -> log.badgePrinted("C-1");
                case BADGE_REPRINTED -> log.badgeReprinted("C-1", "lost");
                case WALK_IN_REGISTERED ->
                    walkIn = log.registerWalkIn(new WalkIn(
                                    "Amina",
                                    "Yusuf",
                                    "Ami",
                                    "she/her",
                                    "amina@example.org",
                                    "Somali Bantu Association",
                                    "Director",
                                    "Press"))
                            .code();
                case ATTENDEE_EDITED ->
                    log.edit("C-1", Map.of(AttendeeField.BADGE_NAME, "Annie", AttendeeField.PRONOUNS, "she/her"));
                case BADGE_PICKED_UP -> log.badgePickedUp("C-1");
                case SESSION_ENTERED ->
                    log.recordSession(
                            "C-3",
                            EventKind.SESSION_ENTERED,
                            Map.of(Details.SESSION, "D1-B1-T1", Details.WITHOUT_CHECK_IN, "true"));
                case SESSION_LEFT ->
                    log.recordSession("C-3", EventKind.SESSION_LEFT, Map.of(Details.SESSION, "D1-B1-T1"));
            }
            clockA.advance(Duration.ofSeconds(1));
        }

        List<CheckInEvent> recorded = a.station.outbox().pending(100);
        assertThat(recorded).extracting(CheckInEvent::kind).containsAll(EnumSet.allOf(EventKind.class));
        for (CheckInEvent e : recorded) {
            WireEvent w = Wire.of(e);
            assertThat(EventContract.check(w))
                    .as(e.kind() + " passes the contract")
                    .isEmpty();
            WireEvent travelled = Protocol.JSON.readValue(Protocol.JSON.writeValueAsBytes(w), WireEvent.class);
            assertThat(travelled).as("the same after JSON").isEqualTo(w);
            Map<String, String> d = Details.fromJson(w.details());
            assertThat(d.keySet())
                    .as(e.kind() + " carries only the keys its kind names")
                    .isSubsetOf(e.kind().details().stream().map(DetailKey::key).toList());
            e.kind().details().stream()
                    .filter(DetailKey::required)
                    .forEach(k ->
                            assertThat(d).as(e.kind() + " carries " + k.key()).containsKey(k.key()));
        }

        SyncWorker.Report pushed = a.syncOnce();
        assertThat(pushed.pushed()).isEqualTo(recorded.size());
        assertThat(a.station.outbox().pendingCount()).isZero();
        assertThat(hub.allEvents())
                .extracting(WireEvent::id)
                .containsExactlyInAnyOrderElementsOf(
                        recorded.stream().map(CheckInEvent::id).toList());

        assertThat(b.syncOnce().pulled()).isEqualTo(recorded.size());
        assertThat(b.eventIds()).isEqualTo(a.eventIds());
        assertThat(b.arrivals()).isEqualTo(a.arrivals());
        Arrival overridden = b.station.arrivals().arrival("C-2");
        assertThat(overridden.checkedIn()).isTrue();
        assertThat(overridden.stationId()).isEqualTo("desk-a");
        assertThat(b.station.arrivals().arrival("C-3").checkedIn()).isFalse();
        Arrival badges = b.station.arrivals().arrival("C-1");
        assertThat(badges.badgesPrinted()).isEqualTo(2);
        assertThat(badges.reprints()).isEqualTo(1);
        Attendee registered = b.station.attendees().findByCode(walkIn).orElseThrow();
        assertThat(registered.walkIn()).isTrue();
        assertThat(List.of(
                        registered.firstName(),
                        registered.lastName(),
                        registered.badgeName(),
                        registered.pronouns(),
                        registered.email(),
                        registered.organization(),
                        registered.title(),
                        registered.type()))
                .containsExactly(
                        "Amina",
                        "Yusuf",
                        "Ami",
                        "she/her",
                        "amina@example.org",
                        "Somali Bantu Association",
                        "Director",
                        "Press");
        Attendee edited = b.station.attendees().findByCode("C-1").orElseThrow();
        assertThat(edited.badgeName()).isEqualTo("Annie");
        assertThat(edited.pronouns()).isEqualTo("she/her");

        // the hub's roster agrees: the walk-in joined it, the edits are laid over it
        Map<String, RosterRow> roster = new LinkedHashMap<>();
        hub.store.roster(0, Protocol.MAX_BATCH).rows().forEach(r -> roster.put(r.code(), r));
        assertThat(roster.get(walkIn).walkIn()).isTrue();
        assertThat(roster.get(walkIn).organization()).isEqualTo("Somali Bantu Association");
        assertThat(roster.get("C-1").badgeName()).isEqualTo("Annie");
        assertThat(roster.get("C-1").pronouns()).isEqualTo("she/her");
    }

    /** Two stations correct the same fields offline; after sync both, and the hub's roster, show the last edit in log order. */
    @Test
    void theEditRuleGivesTheSameValuesAtBothStationsAndTheHub() throws Exception {
        a.station.log().edit("C-1", Map.of(AttendeeField.BADGE_NAME, "Ana A", AttendeeField.ORG, "Org A"));
        clockB.advance(Duration.ofSeconds(5));
        b.station.log().edit("C-1", Map.of(AttendeeField.BADGE_NAME, "Ana B"));
        clockA.advance(Duration.ofSeconds(10));
        a.station.log().edit("C-1", Map.of(AttendeeField.ORG, ""));
        clockB.advance(Duration.ofSeconds(1));
        b.station.log().edit("C-1", Map.of(AttendeeField.TITLE, "  Director  "));
        a.syncOnce();
        b.syncOnce();
        a.syncOnce();

        RosterRow atHub = hub.store.roster(0, Protocol.MAX_BATCH).rows().stream()
                .filter(r -> r.code().equals("C-1"))
                .findFirst()
                .orElseThrow();
        for (TestStation s : List.of(a, b)) {
            Attendee p = s.station.attendees().findByCode("C-1").orElseThrow();
            assertThat(p.badgeName()).as("the later edit, at " + s.id).isEqualTo("Ana B");
            assertThat(p.organization())
                    .as("an edit to blank shows the roster's value, at " + s.id)
                    .isNull();
            assertThat(p.title()).isEqualTo("Director");
            assertThat(List.of(p.firstName(), p.lastName(), p.type()))
                    .containsExactly(atHub.firstName(), atHub.lastName(), atHub.type());
        }
        assertThat(atHub.badgeName()).isEqualTo("Ana B");
        assertThat(atHub.organization()).isNull();
        assertThat(atHub.title()).isEqualTo("Director");

        // the station's log order and the contract's are one order
        List<CheckInEvent> events = a.station.arrivals().events("C-1");
        assertThat(events.stream()
                        .map(e -> new EditRule.Edit(e.hlc(), e.stationId(), e.id(), e.details()))
                        .sorted(EditRule.LOG_ORDER)
                        .map(EditRule.Edit::id)
                        .toList())
                .isEqualTo(events.stream().map(CheckInEvent::id).toList());
    }

    /** The function both ends lay edits with: one the contract refuses (from an older hub) changes nothing. */
    @Test
    void anEditTheContractRefusesIsAppliedNowhere() {
        List<EditRule.Edit> edits = List.of(
                new EditRule.Edit(
                        1L << 20,
                        "desk-a",
                        UUID.randomUUID(),
                        Details.toJson(EditRule.details(PersonField.PRONOUNS, "", " she/her "))),
                new EditRule.Edit(
                        2L << 20,
                        "desk-b",
                        UUID.randomUUID(),
                        Details.toJson(EditRule.details(PersonField.PRONOUNS, "she/her", "p".repeat(201)))),
                new EditRule.Edit(3L << 20, "desk-b", UUID.randomUUID(), "{\"field\":\"code\",\"new\":\"C-9\"}"),
                new EditRule.Edit(4L << 20, "desk-b", UUID.randomUUID(), "not json"));
        assertThat(EditRule.latest(edits)).isEqualTo(Map.of(PersonField.PRONOUNS, "she/her"));
    }

    @Test
    void everyLimitAndDetailRuleIsRefusedTheSameWayByTheHubAndByAStation() throws Exception {
        HubClient desk = new HubClient(hub.direct(), hub.token("desk-c"), Duration.ofSeconds(10));
        int held = hub.store.eventCount();
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(40);
        for (Case c : cases) {
            assertThat(Wire.check(c.event()))
                    .as("a station checking " + c.name())
                    .isEqualTo(Optional.of(c.expected()));
            assertThatThrownBy(() -> desk.push(List.of(c.event())))
                    .as("the hub given " + c.name())
                    .isInstanceOfSatisfying(HubException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.problem()).isEqualTo(Optional.of(c.expected()));
                        assertThat(e.getMessage()).contains(c.expected().path());
                    });
        }
        assertThat(hub.store.eventCount()).as("nothing refused was stored").isEqualTo(held);

        // values exactly at their limits pass on both sides
        List<WireEvent> atLimits = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            for (DetailKey k : kind.details()) {
                Map<String, String> d = validDetails(kind);
                d.put(k.key(), k.key().equals(Details.FIELD) ? "org" : "x".repeat(k.maxLength()));
                atLimits.add(event(kind, Details.toJson(d)));
            }
        }
        WireEvent longestStation = new WireEvent(
                UUID.randomUUID(),
                "C".repeat(EventContract.MAX_ATTENDEE_CODE),
                "CHECKED_IN",
                "d".repeat(EventContract.MAX_STATION_ID),
                WALL,
                0,
                null);
        atLimits.forEach(
                w -> assertThat(Wire.check(w)).as(w.kind() + " " + w.details()).isEmpty());
        assertThat(Wire.check(longestStation)).isEmpty();
        assertThat(desk.push(atLimits).stored()).isEqualTo(atLimits.size());
        // a token pushes only its own station's events: the longest station id, by its own token
        HubClient longest = new HubClient(
                hub.direct(), hub.token("d".repeat(EventContract.MAX_STATION_ID)), Duration.ofSeconds(10));
        assertThat(longest.push(List.of(longestStation)).stored()).isEqualTo(1);
    }

    /** An event an older hub let through is left out by the station, which takes the rest and moves on. */
    @Test
    void aStationLeavesOutAPulledEventTheContractRefusesAndKeepsSyncing() throws Exception {
        WireEvent bad = event(EventKind.BADGE_REPRINTED, "{\"reason\":\"" + "r".repeat(201) + "\"}");
        WireEvent good = event(EventKind.CHECKED_IN, null);
        String code = good.attendeeCode();
        try (Connection c = DriverManager.getConnection(hub.jdbcUrl, hub.user, "")) {
            // as an older hub, which checked less, would have stored it
            for (WireEvent w : List.of(bad, good)) {
                long seq;
                try (ResultSet r = c.createStatement()
                        .executeQuery("SELECT counter_value FROM hub_counter WHERE name = 'event'")) {
                    r.next();
                    seq = r.getLong(1) + 1;
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO hub_event (id, seq, attendee_code, kind,"
                        + " station_id, wall_time, hlc, details, pushed_by, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'old-hub', ?)")) {
                    p.setObject(1, w.id());
                    p.setLong(2, seq);
                    p.setString(3, w.attendeeCode());
                    p.setString(4, w.kind());
                    p.setString(5, w.stationId());
                    p.setObject(6, w.wallTime());
                    p.setLong(7, w.hlc());
                    p.setString(8, w.details());
                    p.setObject(9, WALL);
                    p.executeUpdate();
                }
                c.createStatement()
                        .executeUpdate("UPDATE hub_counter SET counter_value = " + seq + " WHERE name = 'event'");
            }
        }
        assertThat(Wire.check(bad)).contains(new Problem(WireField.DETAILS, Details.REASON, Rule.TOO_LONG, 200));

        SyncWorker.Report r = b.syncOnce();
        assertThat(r.pulled()).isEqualTo(1);
        assertThat(b.eventIds()).contains(good.id()).doesNotContain(bad.id());
        assertThat(b.station.arrivals().arrival(code).checkedIn()).isTrue();
        assertThat(b.station.arrivals().arrival(code).reprints()).isZero();
        assertThat(b.sync.status().eventCursor()).isEqualTo(hub.store.eventCount());
        assertThat(b.syncOnce().pulled()).as("the cursor moved past both").isZero();
    }

    /** What the hub would refuse, a station refuses to record, with the same problem, and records nothing. */
    @Test
    void aStationRefusesToRecordWhatTheHubWouldRefuse() {
        var log = a.station.log();
        int before = a.station.arrivals().allEvents().size();
        int people = a.station.attendees().count();
        assertThatThrownBy(() ->
                        log.registerWalkIn(new WalkIn("A".repeat(1001), null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(
                        ContractViolation.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(new Problem(WireField.DETAILS, "first", Rule.TOO_LONG, 1000)));
        assertThatThrownBy(() -> log.edit("C-1", Map.of(AttendeeField.PRONOUNS, "p".repeat(201))))
                .isInstanceOfSatisfying(
                        ContractViolation.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(new Problem(WireField.DETAILS, Details.NEW, Rule.TOO_LONG, 200)));
        assertThatThrownBy(() -> log.edit("C-1", Map.of(AttendeeField.TYPE, "Press\u202E")))
                .isInstanceOfSatisfying(
                        ContractViolation.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(new Problem(WireField.DETAILS, Details.NEW, Rule.CONTROL_CHARACTER, 0)));
        assertThatThrownBy(() -> log.badgeReprinted("C-1", "r".repeat(201)))
                .isInstanceOfSatisfying(
                        ContractViolation.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(new Problem(WireField.DETAILS, Details.REASON, Rule.TOO_LONG, 200)));
        assertThatThrownBy(() -> log.checkIn("C-2", "r".repeat(1001)))
                .isInstanceOfSatisfying(
                        ContractViolation.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(new Problem(WireField.DETAILS, Details.REASON, Rule.TOO_LONG, 1000)));
        assertThat(a.station.arrivals().allEvents()).hasSize(before);
        assertThat(a.station.attendees().count()).isEqualTo(people);
        assertThat(a.station.attendees().findByCode("C-1").orElseThrow().pronouns())
                .isNull();
        assertThat(log.arrival("C-2").checkedIn()).isFalse();
    }

    /** The names and limits the contract states are the station's own, and fit both ends' columns. */
    @Test
    void theContractsNamesAndLimitsAreTheStationsAndFitBothEndsColumns() throws Exception {
        assertThat(EditRule.EDITABLE.stream().map(PersonField::key).toList())
                .containsExactlyInAnyOrderElementsOf(AttendeeStore.EDITABLE.stream()
                        .map(AttendeeField::cliName)
                        .toList());
        assertThat(RosterContract.STATUSES)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(RegistrationStatus.values())
                        .map(Enum::name)
                        .toList());
        assertThat(new WalkIn("A", null, null, null, null, null, null, null).type())
                .isEqualTo(RosterContract.DEFAULT_TYPE);
        for (RegistrationStatus s : RegistrationStatus.values()) {
            assertThat(s.label().length()).isLessThanOrEqualTo(DetailKey.OVERRODE_STATUS.maxLength());
        }

        // the station's columns (jOOQ reads them from the migrations)
        assertThat(Tables.CHECKIN_EVENT.ATTENDEE_CODE.getDataType().length())
                .isEqualTo(EventContract.MAX_ATTENDEE_CODE);
        assertThat(Tables.CHECKIN_EVENT.STATION_ID.getDataType().length()).isEqualTo(EventContract.MAX_STATION_ID);
        assertThat(Tables.PRINT_JOB.REPRINT_REASON.getDataType().length())
                .isEqualTo(DetailKey.REPRINT_REASON.maxLength());
        assertThat(Tables.ATTENDEE_EDIT.FIELD_VALUE.getDataType().length()).isEqualTo(PersonField.MAX_LENGTH);
        Map<PersonField, Integer> station = Map.of(
                PersonField.FIRST, Tables.ATTENDEE.FIRST_NAME.getDataType().length(),
                PersonField.LAST, Tables.ATTENDEE.LAST_NAME.getDataType().length(),
                PersonField.BADGE_NAME, Tables.ATTENDEE.BADGE_NAME.getDataType().length(),
                PersonField.PRONOUNS, Tables.ATTENDEE.PRONOUNS.getDataType().length(),
                PersonField.EMAIL, Tables.ATTENDEE.EMAIL.getDataType().length(),
                PersonField.ORG, Tables.ATTENDEE.ORGANIZATION.getDataType().length(),
                PersonField.TITLE, Tables.ATTENDEE.TITLE.getDataType().length(),
                PersonField.TYPE, Tables.ATTENDEE.ATTENDEE_TYPE.getDataType().length());
        for (PersonField f : PersonField.values()) {
            assertThat(f.maxLength()).as("station column of " + f).isEqualTo(station.get(f));
        }

        // the hub's columns
        try (Connection c = DriverManager.getConnection(hub.jdbcUrl, hub.user, "")) {
            DatabaseMetaData meta = c.getMetaData();
            assertThat(hubColumn(meta, "hub_event", "attendee_code")).isEqualTo(EventContract.MAX_ATTENDEE_CODE);
            assertThat(hubColumn(meta, "hub_event", "station_id")).isEqualTo(EventContract.MAX_STATION_ID);
            assertThat(hubColumn(meta, "hub_event", "details")).isEqualTo(Details.MAX_LENGTH);
            assertThat(hubColumn(meta, "hub_attendee", "code")).isEqualTo(RosterContract.MAX_CODE);
            assertThat(hubColumn(meta, "hub_attendee", "barcode")).isEqualTo(RosterContract.MAX_BARCODE);
            Map<PersonField, String> columns = Map.of(
                    PersonField.FIRST, "first_name",
                    PersonField.LAST, "last_name",
                    PersonField.BADGE_NAME, "badge_name",
                    PersonField.PRONOUNS, "pronouns",
                    PersonField.EMAIL, "email",
                    PersonField.ORG, "organization",
                    PersonField.TITLE, "title",
                    PersonField.TYPE, "attendee_type");
            for (PersonField f : PersonField.values()) {
                assertThat(f.maxLength())
                        .as("hub column of " + f)
                        .isEqualTo(hubColumn(meta, "hub_attendee", columns.get(f)));
            }
        }
    }

    private static int hubColumn(DatabaseMetaData meta, String table, String column) throws Exception {
        try (ResultSet r =
                meta.getColumns(null, null, table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT))) {
            assertThat(r.next()).as(table + "." + column).isTrue();
            return r.getInt("COLUMN_SIZE");
        }
    }

    record Case(String name, WireEvent event, Problem expected) {}

    private static WireEvent event(EventKind kind, String details) {
        return new WireEvent(
                Uuid7.at(WALL.toInstant().toEpochMilli()), "C-1", kind.name(), "desk-c", WALL, 1L << 40, details);
    }

    /** Details that pass for {@code kind}: each required key with a plain value. */
    private static Map<String, String> validDetails(EventKind kind) {
        Map<String, String> d = new LinkedHashMap<>();
        for (DetailKey k : kind.details()) {
            if (k.required()) {
                d.put(k.key(), k.key().equals(Details.FIELD) ? "badgeName" : "x");
            }
        }
        return d;
    }

    private static Problem problem(WireField field, Rule rule) {
        return new Problem(field, null, rule, 0);
    }

    private static Problem detail(String key, Rule rule, long limit) {
        return new Problem(WireField.DETAILS, key, rule, limit);
    }

    /** One broken event per rule: the fields' limits, then every detail key of every kind, from the contract. */
    private static List<Case> cases() {
        UUID id = UUID.randomUUID();
        long hlc = 1L << 40;
        List<Case> out = new ArrayList<>();
        out.add(new Case(
                "no id",
                new WireEvent(null, "C-1", "CHECKED_IN", "d", WALL, hlc, null),
                problem(WireField.ID, Rule.REQUIRED)));
        out.add(new Case(
                "no code",
                new WireEvent(id, null, "CHECKED_IN", "d", WALL, hlc, null),
                problem(WireField.ATTENDEE_CODE, Rule.REQUIRED)));
        out.add(new Case(
                "a long code",
                new WireEvent(id, "C".repeat(201), "CHECKED_IN", "d", WALL, hlc, null),
                new Problem(WireField.ATTENDEE_CODE, null, Rule.TOO_LONG, 200)));
        out.add(new Case(
                "a code with NUL",
                new WireEvent(id, "C-\u0000", "CHECKED_IN", "d", WALL, hlc, null),
                problem(WireField.ATTENDEE_CODE, Rule.NUL_CHARACTER)));
        out.add(new Case(
                "a code with a bidi override",
                new WireEvent(id, "C-\u202E1", "CHECKED_IN", "d", WALL, hlc, null),
                problem(WireField.ATTENDEE_CODE, Rule.CONTROL_CHARACTER)));
        out.add(new Case(
                "no kind",
                new WireEvent(id, "C-1", null, "d", WALL, hlc, null),
                problem(WireField.KIND, Rule.REQUIRED)));
        out.add(new Case(
                "an unknown kind",
                new WireEvent(id, "C-1", "DROP_TABLE", "d", WALL, hlc, null),
                problem(WireField.KIND, Rule.NOT_ALLOWED)));
        out.add(new Case(
                "no station",
                new WireEvent(id, "C-1", "CHECKED_IN", " ", WALL, hlc, null),
                problem(WireField.STATION_ID, Rule.REQUIRED)));
        out.add(new Case(
                "a long station",
                new WireEvent(id, "C-1", "CHECKED_IN", "d".repeat(101), WALL, hlc, null),
                new Problem(WireField.STATION_ID, null, Rule.TOO_LONG, 100)));
        out.add(new Case(
                "a station with an escape",
                new WireEvent(id, "C-1", "CHECKED_IN", "desk\u001b[2J", WALL, hlc, null),
                problem(WireField.STATION_ID, Rule.CONTROL_CHARACTER)));
        out.add(new Case(
                "no wall time",
                new WireEvent(id, "C-1", "CHECKED_IN", "d", null, hlc, null),
                problem(WireField.WALL_TIME, Rule.REQUIRED)));
        out.add(new Case(
                "a wall time before 1970",
                new WireEvent(
                        id,
                        "C-1",
                        "CHECKED_IN",
                        "d",
                        OffsetDateTime.of(1969, 12, 31, 23, 0, 0, 0, ZoneOffset.UTC),
                        hlc,
                        null),
                problem(WireField.WALL_TIME, Rule.OUT_OF_RANGE)));
        out.add(new Case(
                "a wall time after 9999",
                new WireEvent(
                        id,
                        "C-1",
                        "CHECKED_IN",
                        "d",
                        OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        hlc,
                        null),
                problem(WireField.WALL_TIME, Rule.OUT_OF_RANGE)));
        out.add(new Case(
                "a negative clock",
                new WireEvent(id, "C-1", "CHECKED_IN", "d", WALL, -1, null),
                problem(WireField.HLC, Rule.OUT_OF_RANGE)));
        out.add(new Case(
                "details that are not JSON",
                new WireEvent(id, "C-1", "CHECKED_IN", "d", WALL, hlc, "reason: lost"),
                problem(WireField.DETAILS, Rule.NOT_A_JSON_OBJECT)));
        out.add(new Case(
                "details that are a list",
                new WireEvent(id, "C-1", "CHECKED_IN", "d", WALL, hlc, "[\"lost\"]"),
                problem(WireField.DETAILS, Rule.NOT_A_JSON_OBJECT)));
        out.add(new Case(
                "details with a key twice",
                new WireEvent(id, "C-1", "CHECKED_IN", "d", WALL, hlc, "{\"reason\":\"a\",\"reason\":\"b\"}"),
                problem(WireField.DETAILS, Rule.NOT_A_JSON_OBJECT)));
        out.add(new Case(
                "a detail that is a number",
                new WireEvent(id, "C-1", "BADGE_REPRINTED", "d", WALL, hlc, "{\"reason\":7}"),
                detail(Details.REASON, Rule.NOT_A_STRING, 0)));
        out.add(new Case(
                "details over their limit",
                new WireEvent(id, "C-1", "CHECKED_IN", "d", WALL, hlc, "{\"note\":\"" + "n".repeat(100_000) + "\"}"),
                new Problem(WireField.DETAILS, null, Rule.TOO_LONG, Details.MAX_LENGTH)));

        for (EventKind kind : EventKind.values()) {
            for (DetailKey k : kind.details()) {
                if (k.required()) {
                    Map<String, String> d = validDetails(kind);
                    d.remove(k.key());
                    out.add(new Case(
                            kind + " without " + k.key(),
                            event(kind, Details.toJson(d)),
                            detail(k.key(), Rule.REQUIRED, 0)));
                }
                Map<String, String> d = validDetails(kind);
                d.put(k.key(), "x".repeat(k.maxLength() + 1));
                out.add(new Case(
                        kind + " with a long " + k.key(),
                        event(kind, Details.toJson(d)),
                        detail(k.key(), Rule.TOO_LONG, k.maxLength())));
                d = validDetails(kind);
                d.put(k.key(), k.chars() == Chars.LINE ? "x\u0007" : "x\u0000");
                out.add(new Case(
                        kind + " with a control character in " + k.key(),
                        event(kind, Details.toJson(d)),
                        detail(k.key(), k.chars() == Chars.LINE ? Rule.CONTROL_CHARACTER : Rule.NUL_CHARACTER, 0)));
            }
        }
        out.add(new Case(
                "an edit of a field no one may edit",
                event(EventKind.ATTENDEE_EDITED, "{\"field\":\"code\",\"old\":\"C-1\",\"new\":\"C-9\"}"),
                detail(Details.FIELD, Rule.NOT_ALLOWED, 0)));
        for (PersonField f : EditRule.EDITABLE) {
            out.add(new Case(
                    "an edit of " + f.key() + " past its column",
                    event(
                            EventKind.ATTENDEE_EDITED,
                            Details.toJson(EditRule.details(f, "", "v".repeat(f.maxLength() + 1)))),
                    detail(Details.NEW, Rule.TOO_LONG, f.maxLength())));
        }
        out.add(new Case(
                "an edit of the type to a label with an isolate",
                event(EventKind.ATTENDEE_EDITED, Details.toJson(EditRule.details(PersonField.TYPE, "", "Press\u2066"))),
                detail(Details.NEW, Rule.CONTROL_CHARACTER, 0)));
        out.add(new Case(
                "a walk-in with a blank first name",
                event(EventKind.WALK_IN_REGISTERED, "{\"first\":\"  \",\"last\":\"Lima\"}"),
                detail("first", Rule.REQUIRED, 0)));
        return out;
    }
}
