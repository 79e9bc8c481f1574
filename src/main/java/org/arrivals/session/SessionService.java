package org.arrivals.session;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.export.SpreadsheetSafe;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.ExportResult;
import org.arrivals.audit.Role;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.ArrivalQueries;
import org.arrivals.checkin.CheckInLog;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.store.AtomicFile;
import org.arrivals.sync.protocol.Details;
import org.arrivals.sync.protocol.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event's days and sessions as every face asks for them: import the schedule, list the
 * sessions with who is inside and who attended, scan a person in or out at a session's door, say
 * what a person attended. Each call takes the actor who asks; the rules are here, once: who may
 * scan and import, one person in one room, a full room refuses entry unless a supervisor lets them
 * in, a person not checked in today is let in and recorded so.
 */
public final class SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    /** A volunteer at a room's door scans people in and out (no PIN). */
    static final Role SCAN = Role.VOLUNTEER;
    /** Letting someone into a full room is a supervisor's decision. */
    static final Role OVER_CAPACITY = Role.SUPERVISOR;
    /** A scan at a past time (a door's paper list): the admin's, like a check-in at a past time. */
    static final Role AT_A_PAST_TIME = Role.ADMIN;
    /** Importing the schedule, like the list. */
    static final Role IMPORT = Role.SUPERVISOR;
    /** The attendance export holds who went where: like the list. */
    static final Role EXPORT = Role.SUPERVISOR;

    /** What a door does with a scan. */
    public enum Door {
        /** Every scan is an entry; a second one of someone inside is "already inside". */
        ENTRANCE,
        /** Every scan is an exit. */
        EXIT,
        /** A scan of someone inside is an exit, of anyone else an entry. */
        BOTH
    }

    private final CheckInLog log;
    private final ArrivalQueries arrivals;
    private final ScanResolver scans;
    private final Schedule schedule;
    private final SessionQueries queries;
    private final AuditLog audit;

    public SessionService(
            CheckInLog log,
            ArrivalQueries arrivals,
            ScanResolver scans,
            Schedule schedule,
            SessionQueries queries,
            AuditLog audit) {
        this.log = log;
        this.arrivals = arrivals;
        this.scans = scans;
        this.schedule = schedule;
        this.queries = queries;
        this.audit = audit;
    }

    public ZoneId zone() {
        return log.calendar().zone();
    }

    public LocalDate today() {
        return log.calendar().today();
    }

    // ------------------------------------------------------------------ the schedule

    /**
     * Imports a schedule file, all or nothing: a file with any problem imports nothing and lists
     * every problem with its line. {@code firstDay} is the date of day 1 for a file that numbers
     * its days (null: none known).
     */
    public ScheduleImport importSchedule(Actor actor, Path file, LocalDate firstDay, boolean dryRun) {
        if (!actor.may(IMPORT)) {
            return new ScheduleImport(ScheduleImport.Outcome.NOT_ALLOWED, 0, 0, List.of(), null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return refused(new ImportException("Cannot read " + file + ": " + e.getMessage(), 0, e));
        }
        return importBytes(actor, bytes, file.getFileName().toString(), firstDay, dryRun);
    }

    /** As {@link #importSchedule}, from bytes (the demo event's schedule). */
    public ScheduleImport importBytes(Actor actor, byte[] bytes, String fileName, LocalDate firstDay, boolean dryRun) {
        if (!actor.may(IMPORT)) {
            return new ScheduleImport(ScheduleImport.Outcome.NOT_ALLOWED, 0, 0, List.of(), null);
        }
        ScheduleFile.Parsed parsed;
        try {
            parsed = ScheduleFile.parse(bytes, fileName, firstDay);
        } catch (ImportException e) {
            return refused(e);
        }
        if (!parsed.ok()) {
            return new ScheduleImport(ScheduleImport.Outcome.PROBLEMS, 0, 0, parsed.problems(), null);
        }
        int days =
                (int) parsed.sessions().stream().map(Session::date).distinct().count();
        if (dryRun) {
            return new ScheduleImport(
                    ScheduleImport.Outcome.CHECKED, parsed.sessions().size(), days, List.of(), null);
        }
        schedule.replace(
                parsed.sessions(),
                new Schedule.Source(
                        fileName,
                        sha256(bytes),
                        OffsetDateTime.now(log.calendar().clock())));
        audit.record(
                actor.auditName(),
                "schedule-import",
                fileName,
                parsed.sessions().size() + " sessions over " + days + " days");
        LOG.info(
                "Schedule imported: {} sessions over {} days", parsed.sessions().size(), days);
        return new ScheduleImport(
                ScheduleImport.Outcome.IMPORTED, parsed.sessions().size(), days, List.of(), null);
    }

    /**
     * Loads the demo event's three-day schedule (nine tracks side by side, rooms of 20 to 400
     * seats) from {@code firstDay}, through the same import as an organizer's file.
     */
    public ScheduleImport importDemo(Actor actor, LocalDate firstDay) {
        return importBytes(
                actor, org.arrivals.attendee.demo.DemoSchedule.csv(firstDay), "demo-schedule.csv", null, false);
    }

    private static ScheduleImport refused(ImportException e) {
        return new ScheduleImport(ScheduleImport.Outcome.REFUSED, 0, 0, List.of(), e);
    }

    /** The schedule's days, in order (day 1 first). */
    public List<LocalDate> days() {
        return schedule.days();
    }

    /** Day 1, 2, 3... of the event; 0 for a day the schedule has no session on. */
    public int dayNumber(LocalDate day) {
        return schedule.dayNumber(day);
    }

    public Optional<Session> session(String id) {
        return schedule.byId(id);
    }

    /** Every session of the schedule, by day, start and room. */
    public List<Session> schedule() {
        return schedule.inOrder();
    }

    public List<String> rooms() {
        return schedule.rooms();
    }

    /** Sessions (all when {@code day} is null) with who is inside now and who attended, by day, start and room. */
    public List<SessionCount> sessions(LocalDate day) {
        Map<String, Integer> inside = queries.insideCounts();
        Map<String, Integer> attended = queries.attendedCounts();
        List<SessionCount> out = new ArrayList<>();
        for (Session s : schedule.inOrder()) {
            if (day == null || s.date().equals(day)) {
                out.add(new SessionCount(s, inside.getOrDefault(s.id(), 0), attended.getOrDefault(s.id(), 0)));
            }
        }
        return out;
    }

    /** One session with who is inside now and who attended. */
    public Optional<SessionCount> count(String sessionId) {
        return schedule.byId(sessionId)
                .map(s -> new SessionCount(
                        s, queries.inside(s.id()), queries.attendedCounts().getOrDefault(s.id(), 0)));
    }

    /** The sessions running now (by start and room). */
    public List<SessionCount> runningNow() {
        Instant now = log.calendar().now();
        return sessions(today()).stream()
                .filter(c -> c.session().runningAt(now, zone()))
                .toList();
    }

    /** A room's sessions of one day, by start. */
    public List<Session> sessionsIn(String room, LocalDate day) {
        return schedule.inOrder().stream()
                .filter(s -> s.room().equals(room) && s.date().equals(day))
                .toList();
    }

    /**
     * The session a room's door serves now: the one running in the room, else the next one today,
     * else today's last; empty when the room has none today.
     */
    public Optional<Session> current(String room) {
        Instant now = log.calendar().now();
        List<Session> today = sessionsIn(room, today());
        Optional<Session> running =
                today.stream().filter(s -> s.runningAt(now, zone())).findFirst();
        if (running.isPresent()) {
            return running;
        }
        Optional<Session> next =
                today.stream().filter(s -> s.startsAt(zone()).isAfter(now)).findFirst();
        return next.isPresent() ? next : today.isEmpty() ? Optional.empty() : Optional.of(today.get(today.size() - 1));
    }

    /** Each track's sessions, attendances and people inside now, by track name ("" for sessions without one). */
    public Map<String, TrackCount> byTrack() {
        Map<String, TrackCount> out = new TreeMap<>();
        for (SessionCount c : sessions(null)) {
            String track = c.session().track() == null ? "" : c.session().track();
            out.merge(
                    track,
                    new TrackCount(1, c.attended(), c.inside()),
                    (a, b) -> new TrackCount(
                            a.sessions() + b.sessions(), a.attended() + b.attended(), a.inside() + b.inside()));
        }
        return new LinkedHashMap<>(out);
    }

    // ------------------------------------------------------------------ the doors

    /**
     * A scan at a session's door: an entry, or an exit at an exit door (or a both-ways door when
     * the person is inside). Entering leaves the session the person was in. A full room refuses
     * entry unless {@code overCapacity} is asked by a supervisor (recorded on the entry, audited).
     * Someone not checked in at registration today is let in, and the entry says so.
     */
    public ScanResult scan(Actor actor, String sessionId, String scanned, Door door, boolean overCapacity) {
        return scan(actor, sessionId, scanned, door, overCapacity, null);
    }

    /**
     * As above, at a past time {@code at} (from a door's paper list kept while its station was
     * down), on the admin's authority: recorded with that wall time, in the order recorded; the
     * room's capacity is not checked (they were in). Null is now.
     */
    public ScanResult scan(Actor actor, String sessionId, String scanned, Door door, boolean overCapacity, Instant at) {
        Optional<Session> found = schedule.byId(sessionId);
        if (found.isEmpty()) {
            return ScanResult.of(ScanResult.Outcome.NO_SUCH_SESSION, null, 0);
        }
        Session session = found.get();
        ScanResolver.Result scan = scans.resolve(scanned);
        if (scan.kind() != ScanResolver.Kind.FOUND) {
            return ScanResult.of(
                    scan.kind() == ScanResolver.Kind.INVALID ? ScanResult.Outcome.INVALID : ScanResult.Outcome.UNKNOWN,
                    session,
                    queries.inside(session.id()));
        }
        Attendee a = scan.attendee();
        if (!actor.may(SCAN)) {
            return new ScanResult(
                    ScanResult.Outcome.NOT_ALLOWED, session, queries.inside(session.id()), a, true, null, SCAN);
        }
        if (at != null && !actor.may(AT_A_PAST_TIME)) {
            return new ScanResult(
                    ScanResult.Outcome.NOT_ALLOWED,
                    session,
                    queries.inside(session.id()),
                    a,
                    true,
                    null,
                    AT_A_PAST_TIME);
        }
        if (at != null && at.isAfter(log.calendar().now())) {
            return new ScanResult(
                    ScanResult.Outcome.IN_THE_FUTURE, session, queries.inside(session.id()), a, true, null, null);
        }
        if (overCapacity && !actor.may(OVER_CAPACITY)) {
            return new ScanResult(
                    ScanResult.Outcome.NOT_ALLOWED,
                    session,
                    queries.inside(session.id()),
                    a,
                    true,
                    null,
                    OVER_CAPACITY);
        }
        synchronized (log) {
            // decided and recorded under the log's lock: a pulled event or another scan never interleaves
            Optional<String> now = queries.currentSession(a.code());
            boolean inside = now.isPresent() && now.get().equals(session.id());
            boolean exit = door == Door.EXIT || (door == Door.BOTH && inside);
            if (exit) {
                if (!inside) {
                    return new ScanResult(
                            ScanResult.Outcome.NOT_INSIDE, session, queries.inside(session.id()), a, true, null, null);
                }
                log.recordSession(a.code(), EventKind.SESSION_LEFT, Map.of(Details.SESSION, session.id()), at);
                return new ScanResult(
                        ScanResult.Outcome.OUT, session, queries.inside(session.id()), a, true, null, null);
            }
            if (inside) {
                return new ScanResult(
                        ScanResult.Outcome.ALREADY_INSIDE, session, queries.inside(session.id()), a, true, null, null);
            }
            int in = queries.inside(session.id());
            boolean full = at == null && session.limited() && in >= session.capacity();
            if (full && !overCapacity) {
                return new ScanResult(ScanResult.Outcome.FULL, session, in, a, true, null, OVER_CAPACITY);
            }
            boolean checkedIn = log.arrival(a.code())
                    .checkedInOn(at == null ? today() : log.calendar().dayOf(at));
            Map<String, String> details = new LinkedHashMap<>();
            details.put(Details.SESSION, session.id());
            if (!checkedIn) {
                details.put(Details.WITHOUT_CHECK_IN, "true");
            }
            if (full) {
                details.put(Details.OVER_CAPACITY, "true");
            }
            log.recordSession(a.code(), EventKind.SESSION_ENTERED, details, at);
            if (full) {
                audit.record(actor.auditName(), "session-over-capacity", a.code(), "session " + session.id());
            }
            Session left = now.flatMap(schedule::byId).orElse(null);
            return new ScanResult(
                    ScanResult.Outcome.IN, session, queries.inside(session.id()), a, checkedIn, left, null);
        }
    }

    // ------------------------------------------------------------------ what people attended

    /** A person's stays in session rooms, in order. */
    public List<Visit> visits(String code) {
        return queries.visits(code);
    }

    /** The session a person is inside now, if any. */
    public Optional<Session> whereIs(String code) {
        return queries.currentSession(code).flatMap(schedule::byId);
    }

    /** What one person attended (sessions with at least {@code minMinutes} in the room; 0: all). */
    public Attendance attendance(String code, int minMinutes) {
        Arrival arrival = arrivals.arrival(code);
        return Attendance.of(
                code,
                queries.visits(code),
                id -> schedule.byId(id).orElse(null),
                arrival.days().stream().map(Arrival.Day::date).toList(),
                zone(),
                minMinutes);
    }

    /** What everyone with a check-in or a session entry attended, by code. */
    public Map<String, Attendance> attendanceOfEveryone(int minMinutes) {
        Map<String, List<Visit>> visits = new LinkedHashMap<>();
        for (Visit v : queries.allVisits()) {
            visits.computeIfAbsent(v.attendeeCode(), k -> new ArrayList<>()).add(v);
        }
        Map<String, Arrival> all = arrivals.allArrivals();
        Map<String, Attendance> out = new TreeMap<>();
        for (String code : new java.util.TreeSet<>(union(visits.keySet(), all.keySet()))) {
            Arrival a = all.get(code);
            List<LocalDate> days = a == null
                    ? List.of()
                    : a.days().stream().map(Arrival.Day::date).toList();
            Attendance att = Attendance.of(
                    code,
                    visits.getOrDefault(code, List.of()),
                    id -> schedule.byId(id).orElse(null),
                    days,
                    zone(),
                    minMinutes);
            if (!att.days().isEmpty()) {
                out.put(code, att);
            }
        }
        return out;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * The list export's session columns: the sessions each person entered and their minutes in
     * session rooms (computed once, for one export).
     */
    public org.arrivals.attendee.export.ExportColumns exportColumns() {
        Map<String, Attendance> all = attendanceOfEveryone(0);
        return new org.arrivals.attendee.export.ExportColumns() {
            @Override
            public List<String> headers() {
                return List.of("sessions_attended", "session_minutes");
            }

            @Override
            public List<String> values(String code) {
                Attendance a = all.get(code);
                return a == null
                        ? List.of("0", "0")
                        : List.of(Integer.toString(a.sessions().size()), Long.toString(a.totalMinutes()));
            }
        };
    }

    /** The attendance export's columns. */
    public static final List<String> ATTENDANCE_COLUMNS = List.of("code", "session", "entered", "left", "minutes");

    /**
     * Writes one row per stay in a session's room (code, session, entered, left, minutes in the
     * room within the session's time; a stay with no exit is counted to the session's end and its
     * "left" is blank), as a spreadsheet-safe CSV at {@code out}, whole or not at all.
     */
    public ExportResult exportAttendance(Actor actor, Path out) {
        if (!actor.may(EXPORT)) {
            return ExportResult.of(ExportResult.Outcome.NOT_ALLOWED);
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return ExportResult.of(ExportResult.Outcome.NO_FOLDER);
        }
        List<Visit> all = new ArrayList<>(queries.allVisits());
        all.sort(Comparator.comparing(Visit::attendeeCode).thenComparing(Visit::enteredAt));
        try {
            AtomicFile.write(out, os -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                w.write('\uFEFF');
                CsvWriter csv =
                        CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(w);
                csv.writeRecord(ATTENDANCE_COLUMNS);
                for (Visit v : all) {
                    Optional<Session> s = schedule.byId(v.sessionId());
                    csv.writeRecord(List.of(
                                    v.attendeeCode(),
                                    v.sessionId(),
                                    v.enteredAt().toInstant().toString(),
                                    v.leftAt() == null
                                            ? ""
                                            : v.leftAt().toInstant().toString(),
                                    s.map(x -> Long.toString(Attendance.secondsInRoom(v, x, zone()) / 60))
                                            .orElse(""))
                            .stream()
                            .map(SpreadsheetSafe::cell)
                            .toList());
                }
                csv.flush();
                w.flush();
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("Attendance export to {} failed: {}", folder, e.toString());
            return ExportResult.of(ExportResult.Outcome.FAILED);
        }
        audit.record(actor.auditName(), "export", out.getFileName().toString(), all.size() + " session stays");
        return new ExportResult(ExportResult.Outcome.WRITTEN, all.size(), out);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
