package org.arrivals.checkin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.export.ArrivalStates;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.Role;
import org.arrivals.print.PrintOutcome;
import org.arrivals.print.PrintService;

/**
 * Arrivals as every face asks for them: check someone in (by what a scanner read, or by code),
 * over a blocked registration, undo, register a walk-in, correct a badge. Each call takes the
 * actor who asks; the rules of who may do what are here, once, and so is the audit entry. The
 * desk, self-service, staff screens and the command line call exactly these methods.
 */
public final class CheckInService {
    /** Who may do what. Undoing a check-in made at another station needs {@link #UNDO_ELSEWHERE}. */
    static final Role CHECK_IN = Role.ATTENDEE;

    static final Role OVERRIDE = Role.SUPERVISOR;
    static final Role UNDO_HERE = Role.VOLUNTEER;
    static final Role UNDO_ELSEWHERE = Role.SUPERVISOR;
    static final Role WALK_IN = Role.VOLUNTEER;
    static final Role EDIT = Role.VOLUNTEER;
    /** A check-in at a past time (from a paper list kept while a station was down): the admin's. */
    static final Role CHECK_IN_AT = Role.ADMIN;

    /**
     * A person as a card shows them: the stored record, their arrival, and the role an undo of
     * their check-in needs (null when they are not checked in).
     */
    public record Person(Attendee attendee, Arrival arrival, Role undoNeeds, boolean hasBadge) {
        /** Checked in, but no badge printed anywhere and none waiting here: the desk offers to print one. */
        public boolean needsBadge() {
            return arrival.checkedIn() && !hasBadge && arrival.badgesPrinted() == 0;
        }
    }

    /** What registering a walk-in did: the new person, and their check-in (with its badge). */
    public record WalkInResult(Outcome outcome, Attendee attendee, CheckInResult checkIn) {
        public enum Outcome {
            REGISTERED,
            NOT_ALLOWED,
            /** A name field holds a code someone scanned (a badge, an attendee code, a ticket): nothing registered. */
            LOOKS_LIKE_A_SCAN
        }
    }

    /** What a correction did. {@code field} names a field that may not be edited on site. */
    public record EditResult(Outcome outcome, Attendee attendee, AttendeeField field) {
        public enum Outcome {
            EDITED,
            UNCHANGED,
            NOT_FOUND,
            NOT_EDITABLE,
            NOT_ALLOWED
        }
    }

    private final CheckInLog log;
    private final ArrivalQueries queries;
    private final ArrivalStats stats;
    private final Outbox outbox;
    private final AttendeeStore attendees;
    private final ScanResolver scans;
    private final PrintService printing;
    private final AuditLog audit;
    private final StationDuty duty;

    public CheckInService(
            CheckInLog log,
            ArrivalQueries queries,
            ArrivalStats stats,
            Outbox outbox,
            AttendeeStore attendees,
            ScanResolver scans,
            PrintService printing,
            AuditLog audit,
            StationDuty duty) {
        this.log = log;
        this.queries = queries;
        this.stats = stats;
        this.outbox = outbox;
        this.attendees = attendees;
        this.scans = scans;
        this.printing = printing;
        this.audit = audit;
        this.duty = duty;
    }

    /** What this station does when a person shows their code (a desk, a badge-pickup station, a door). */
    public StationDuty duty() {
        return duty;
    }

    /**
     * What this station does with a person who shows their code: a desk checks them in and prints
     * their first badge; a badge-pickup station prints it and records the pickup, not an entry; a
     * door checks them in and prints nothing. Screens call this for a scan and for "check in".
     */
    public CheckInResult arrive(Actor actor, String scanned) {
        return switch (duty) {
            case CHECK_IN_AND_PRINT -> checkIn(actor, scanned, true);
            case DOOR -> checkIn(actor, scanned, false);
            case PICKUP -> pickUp(actor, scanned);
        };
    }

    /**
     * Hands a person their badge without counting an entry (a badge-pickup station): records the
     * pickup once and queues their first badge. A second pickup records nothing (a lost badge is a
     * supervisor's reprint); a cancelled, refunded or pending registration is blocked.
     */
    public CheckInResult pickUp(Actor actor, String scanned) {
        ScanResolver.Result scan = scans.resolve(scanned);
        switch (scan.kind()) {
            case NOT_FOUND:
                return new CheckInResult(CheckInResult.Outcome.NOT_FOUND, null, null);
            case INVALID:
                return new CheckInResult(CheckInResult.Outcome.INVALID, null, null);
            case REPLACED:
                return new CheckInResult(CheckInResult.Outcome.REPLACED, null, null);
            default:
                break;
        }
        Attendee a = scan.attendee();
        if (!actor.may(CHECK_IN)) {
            return CheckInResult.notAllowed(a, log.arrival(a.code()), CHECK_IN);
        }
        if (a.status() != RegistrationStatus.ATTENDING) {
            return new CheckInResult(CheckInResult.Outcome.BLOCKED, a, log.arrival(a.code()));
        }
        synchronized (log) {
            if (queries.pickup(a.code()).isPresent()) {
                return new CheckInResult(CheckInResult.Outcome.ALREADY_PICKED_UP, a, log.arrival(a.code()));
            }
            log.badgePickedUp(a.code());
        }
        audit.record(actor.auditName(), "pickup", a.code(), null);
        return new CheckInResult(CheckInResult.Outcome.PICKED_UP, a, log.arrival(a.code()))
                .withBadge(printing.print(actor, a.code()));
    }

    /** This station's id, as its check-ins carry it. */
    public String stationId() {
        return log.stationId();
    }

    /** What a scanner read, as a person (a badge token, an attendee code, a registration barcode). */
    public ScanResolver.Result resolve(String scanned) {
        return scans.resolve(scanned);
    }

    /** A scan that names no one: a code no one has, or a badge token that is not genuine. */
    private static CheckInResult notFound(ScanResolver.Result scan) {
        return new CheckInResult(
                switch (scan.kind()) {
                    case INVALID -> CheckInResult.Outcome.INVALID;
                    case REPLACED -> CheckInResult.Outcome.REPLACED;
                    default -> CheckInResult.Outcome.NOT_FOUND;
                },
                null,
                null);
    }

    /** Checks in the person a scan or code names; records nothing else. */
    public CheckInResult checkIn(Actor actor, String scanned) {
        return checkIn(actor, scanned, false);
    }

    /** Checks in the person a scan or code names and queues their first badge at the station's printer. */
    public CheckInResult checkInAndPrint(Actor actor, String scanned) {
        return checkIn(actor, scanned, true);
    }

    private CheckInResult checkIn(Actor actor, String scanned, boolean print) {
        ScanResolver.Result scan = scans.resolve(scanned);
        if (scan.kind() != ScanResolver.Kind.FOUND) {
            return notFound(scan);
        }
        Attendee a = scan.attendee();
        if (!actor.may(CHECK_IN)) {
            return CheckInResult.notAllowed(a, log.today(a.code()), CHECK_IN);
        }
        CheckInResult r = log.checkIn(a.code(), null);
        if (!r.recorded()) {
            return r;
        }
        audit.record(actor.auditName(), "checkin", a.code(), null);
        return print ? r.withBadge(firstBadge(actor, r)) : r;
    }

    /**
     * The badge of someone just checked in: printed once per event. Someone who has one (printed on
     * an earlier day, here or at another station, or waiting here) is checked in without another.
     */
    private PrintOutcome firstBadge(Actor actor, CheckInResult r) {
        if (r.arrival() != null && r.arrival().badgesPrinted() > 0) {
            return PrintOutcome.of(PrintOutcome.Result.ALREADY_HAS_BADGE);
        }
        return printing.print(actor, r.attendee().code());
    }

    /**
     * Records a check-in at a past time (from a paper list kept while a station was down), on the
     * admin's authority: it belongs to that time's event day, audited. A time still to come is
     * refused ({@link CheckInResult.Outcome#NOT_ALLOWED} names no role then: nothing was recorded).
     */
    public CheckInResult checkInAt(Actor actor, String scanned, java.time.Instant at) {
        ScanResolver.Result scan = scans.resolve(scanned);
        switch (scan.kind()) {
            case NOT_FOUND:
                return new CheckInResult(CheckInResult.Outcome.NOT_FOUND, null, null);
            case INVALID:
                return new CheckInResult(CheckInResult.Outcome.INVALID, null, null);
            default:
                break;
        }
        Attendee a = scan.attendee();
        if (!actor.may(CHECK_IN_AT)) {
            return CheckInResult.notAllowed(a, log.today(a.code()), CHECK_IN_AT);
        }
        if (at.isAfter(log.calendar().now())) {
            return new CheckInResult(CheckInResult.Outcome.IN_THE_FUTURE, a, log.today(a.code()));
        }
        CheckInResult r = log.checkIn(a.code(), null, at);
        if (r.recorded()) {
            audit.record(
                    actor.auditName(),
                    "checkin-at",
                    a.code(),
                    "at " + at + ", day " + log.calendar().dayOf(at));
        }
        return r;
    }

    /** Today, in the event's time zone. */
    public java.time.LocalDate today() {
        return log.calendar().today();
    }

    /** The event's wall clock (its time zone). */
    public EventCalendar calendar() {
        return log.calendar();
    }

    /**
     * Checks in a person whose registration is cancelled, refunded or pending, on a supervisor's
     * (or admin's) authority and with a reason; the log records the status overridden and the
     * reason, the audit log the role.
     */
    public CheckInResult checkInOverride(Actor actor, String scanned, String reason, boolean print) {
        ScanResolver.Result scan = scans.resolve(scanned);
        if (scan.kind() != ScanResolver.Kind.FOUND) {
            return notFound(scan);
        }
        Attendee a = scan.attendee();
        String code = a.code();
        if (!actor.may(OVERRIDE)) {
            return CheckInResult.notAllowed(a, log.today(code), OVERRIDE);
        }
        if (reason == null || reason.isBlank()) {
            return new CheckInResult(CheckInResult.Outcome.NEEDS_REASON, a, log.today(code));
        }
        CheckInResult r = log.checkIn(code, reason.strip());
        if (!r.recorded()) {
            return r;
        }
        audit.record(
                actor.auditName(),
                r.outcome() == CheckInResult.Outcome.CHECKED_IN_OVERRIDE ? "override" : "checkin",
                code,
                // the reason is in the check-in log; the audit log names no one, and a typed reason might
                r.outcome() == CheckInResult.Outcome.CHECKED_IN_OVERRIDE
                        ? "status " + a.status().label()
                        : null);
        return print ? r.withBadge(firstBadge(actor, r)) : r;
    }

    /**
     * The role an undo of this person's check-in needs: a volunteer may undo one made at this
     * station, only a supervisor one made at another (that desk may be talking to them). Null when
     * they are not checked in.
     */
    public Role undoNeeds(String code) {
        return undoNeeds(log.today(code));
    }

    private Role undoNeeds(Arrival now) {
        if (!now.checkedIn()) {
            return null;
        }
        return now.stationId() == null || now.stationId().equals(log.stationId()) ? UNDO_HERE : UNDO_ELSEWHERE;
    }

    /**
     * Undoes a check-in: an event, not a delete. Where the check-in was made is read again now (a
     * sync may have changed it since a screen showed it).
     */
    public CheckInResult undo(Actor actor, String code) {
        Optional<Attendee> found = attendees.findByCode(code);
        if (found.isEmpty()) {
            return new CheckInResult(CheckInResult.Outcome.NOT_FOUND, null, null);
        }
        synchronized (log) {
            Arrival before = log.today(code);
            Role needs = undoNeeds(before);
            if (needs != null && !actor.may(needs)) {
                return CheckInResult.notAllowed(found.get(), before, needs);
            }
            CheckInResult r = log.undo(code);
            if (r.recorded()) {
                audit.record(
                        actor.auditName(),
                        "undo",
                        code,
                        before.stationId() == null || before.stationId().equals(log.stationId())
                                ? null
                                : "checked in at " + before.stationId());
            }
            return r;
        }
    }

    /**
     * Registers someone not on the list, with a new code; with {@code checkInAndPrint}, then does
     * what this station does for an arrival ({@link #arrive}: at a desk, checks them in and queues
     * their badge).
     */
    public WalkInResult walkIn(Actor actor, WalkIn walkIn, boolean checkInAndPrint) {
        if (!actor.may(WALK_IN)) {
            return new WalkInResult(WalkInResult.Outcome.NOT_ALLOWED, null, null);
        }
        for (String name : Arrays.asList(walkIn.firstName(), walkIn.lastName(), walkIn.badgeName())) {
            if (name != null && !name.isBlank() && scans.resolve(name).kind() != ScanResolver.Kind.NOT_FOUND) {
                return new WalkInResult(WalkInResult.Outcome.LOOKS_LIKE_A_SCAN, null, null);
            }
        }
        Attendee a = log.registerWalkIn(walkIn);
        audit.record(actor.auditName(), "walkin", a.code(), null);
        CheckInResult in = checkInAndPrint ? arrive(actor, a.code()) : null;
        return new WalkInResult(WalkInResult.Outcome.REGISTERED, a, in);
    }

    /**
     * Corrects badge fields (a misspelt name); each changed field is an event with its old and new
     * value, and outlives later imports. Unchanged fields record nothing.
     */
    public EditResult edit(Actor actor, String code, Map<AttendeeField, String> changes) {
        if (!actor.may(EDIT)) {
            return new EditResult(EditResult.Outcome.NOT_ALLOWED, null, null);
        }
        Optional<Attendee> before = attendees.findByCode(code);
        if (before.isEmpty()) {
            return new EditResult(EditResult.Outcome.NOT_FOUND, null, null);
        }
        for (AttendeeField f : changes.keySet()) {
            if (!AttendeeStore.EDITABLE.contains(f)) {
                return new EditResult(EditResult.Outcome.NOT_EDITABLE, before.get(), f);
            }
        }
        Attendee after = log.edit(code, changes);
        if (after.equals(before.get())) {
            return new EditResult(EditResult.Outcome.UNCHANGED, after, null);
        }
        audit.record(actor.auditName(), "edit", code, "fields " + changes.keySet());
        return new EditResult(EditResult.Outcome.EDITED, after, null);
    }

    /** The person as stored (with every field, not the search index's slim copy), and their arrival. */
    public Optional<Person> person(String code) {
        return attendees.findByCode(code).map(a -> {
            Arrival arrival = log.today(a.code());
            return new Person(a, arrival, undoNeeds(arrival), printing.hasBadge(a.code()));
        });
    }

    /** A person's arrival as today sees it (checked in today, where and when), with all their days. */
    public Arrival arrival(String code) {
        return log.today(code);
    }

    /** Everything the check-in log holds for one person, in log order. */
    public List<CheckInEvent> history(String code) {
        return queries.events(code);
    }

    /**
     * People checked in with no badge: none printed at any station (the log counts every station's
     * badges) and none printed, held or waiting here. They were checked in while no printer was
     * chosen, or their job was cancelled.
     */
    public List<Person> checkedInWithoutBadge() {
        Map<String, ArrivalStates.State> states = queries.byCode();
        List<String> in = states.entrySet().stream()
                .filter(e -> e.getValue().checkedIn())
                .map(Map.Entry::getKey)
                .toList();
        Set<String> noJob = printing.withoutBadge(in);
        List<Person> out = new ArrayList<>();
        for (String code : noJob) {
            Arrival arrival = log.arrival(code);
            if (arrival.badgesPrinted() == 0) {
                attendees.findByCode(code).ifPresent(a -> out.add(new Person(a, arrival, undoNeeds(arrival), false)));
            }
        }
        out.sort(Comparator.comparing(p -> p.attendee().displayName(), String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** Queues the first badge of someone checked in without one (the desk's "Print badge"). */
    public PrintOutcome printBadge(Actor actor, String code) {
        return printing.print(actor, code);
    }

    /** Arrived (entries) versus expected, overall and by attendee type, arrivals per 15 minutes, and badges picked up. */
    public Stats stats() {
        return stats.stats();
    }

    /** Every person's arrival over the whole event (checked in on some day, first arrival, each day), by code. */
    public Map<String, ArrivalStates.State> arrivals() {
        return queries.byCode();
    }

    /** Every station this one has heard from, busiest first. */
    public List<StationActivity> stationActivity() {
        return queries.stationActivity();
    }

    /** Told of every change of arrival, here or pulled from the hub (on the thread that made it). */
    public void addListener(ArrivalListener listener) {
        log.addListener(listener);
    }

    /** Events not yet acknowledged by the hub. */
    public int pendingCount() {
        return outbox.pendingCount();
    }
}
