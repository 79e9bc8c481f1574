package org.arrivals.ui.desk;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.WalkIn;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.badge.BadgePreview;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.CheckInService;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintListener;
import org.arrivals.print.PrintOutcome;
import org.arrivals.search.SearchHit;
import org.arrivals.station.Station;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Tone;

/**
 * The registration desk's state: what is typed, who matches, who is selected, what just happened.
 * The view binds to these properties; every service call goes through {@link Tasks}.
 */
public final class DeskModel {
    static final int RESULTS = 12;

    private final Station station;
    private final CheckInService checkIns;
    private final Tasks tasks;
    private final I18n i18n;

    final StringProperty query = new SimpleStringProperty("");
    final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    final ObjectProperty<Attendee> selected = new SimpleObjectProperty<>();
    final ObjectProperty<Arrival> arrival = new SimpleObjectProperty<>();
    /** The role an undo of the shown person's check-in needs (null: nothing to undo), as the service says. */
    final ObjectProperty<Role> undoNeeds = new SimpleObjectProperty<>();

    final ObjectProperty<Message> alert = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Image> preview = new SimpleObjectProperty<>();
    final BooleanProperty busy = new SimpleBooleanProperty();
    /** The attendee whose check-in the last action recorded, for Undo. */
    final StringProperty undoable = new SimpleStringProperty();
    /** The badge jobs this desk asked for, by job id, with the person's name, to say when one did not print. */
    private final Map<Long, String> ownJobs = new java.util.concurrent.ConcurrentHashMap<>();

    private long searchSeq;
    private volatile long selectSeq;

    public DeskModel(Station station, Tasks tasks, I18n i18n) {
        this.station = station;
        this.checkIns = station.checkIns();
        this.tasks = tasks;
        this.i18n = i18n;
        query.addListener((o, was, now) -> search(now));
        station.printing().addListener(new PrintListener() {
            @Override
            public void jobChanged(PrintJob job) {
                String name = ownJobs.get(job.id());
                if (name != null && !job.state().waiting()) {
                    ownJobs.remove(job.id());
                    Platform.runLater(() -> printed(job, name));
                } else if (name != null && job.state() == PrintJob.State.FAILED) {
                    Platform.runLater(() -> printed(job, name));
                }
            }
        });
    }

    /** The actor at the desk: a volunteer, or the role whose PIN allowed this action. */
    private static Actor volunteer() {
        return Actor.desk();
    }

    private void search(String q) {
        long seq = ++searchSeq;
        if (q == null || q.isBlank()) {
            results.clear();
            return;
        }
        tasks.query(
                () -> station.lookup().search(q, RESULTS),
                hits -> {
                    if (seq != searchSeq) {
                        return; // a newer keystroke already asked
                    }
                    results.setAll(hits);
                    if (!hits.isEmpty()) {
                        select(hits.get(0).attendee());
                    }
                },
                this::failed);
    }

    void select(Attendee a) {
        long seq = ++selectSeq;
        selected.set(a);
        if (a == null) {
            arrival.set(null);
            undoNeeds.set(null);
            alert.set(Message.NONE);
            preview.set(null);
            return;
        }
        // the index keeps a slim copy of each person: the card shows the stored one, notes and all
        tasks.query(
                () -> checkIns.person(a.code()).orElse(new CheckInService.Person(a, Arrival.none(a.code()), null)),
                p -> {
                    if (seq == selectSeq) {
                        show(p);
                        preview.set(null);
                        // the preview takes milliseconds to draw: on its own thread, and only if still wanted
                        tasks.render(
                                () -> seq == selectSeq ? previewOf(p.attendee()) : null,
                                image -> {
                                    if (seq == selectSeq && image != null) {
                                        preview.set(image);
                                    }
                                },
                                this::failed);
                    }
                },
                this::failed);
    }

    private void show(CheckInService.Person p) {
        selected.set(p.attendee());
        arrival.set(p.arrival());
        undoNeeds.set(p.undoNeeds());
        alert.set(alertFor(p.attendee(), p.arrival()));
    }

    private Image previewOf(Attendee a) {
        BadgeTemplate t = TemplateLoader.named(station.printing().target().template(), station.configDir());
        byte[] png = BadgePreview.png(station.badges().render(t, a, ""), 96);
        return new Image(new ByteArrayInputStream(png));
    }

    Message alertFor(Attendee a, Arrival arr) {
        if (a.status() != RegistrationStatus.ATTENDING) {
            return new Message(
                    Tone.ERROR,
                    i18n.t("desk.alert.status", i18n.t("status." + a.status().name())));
        }
        if (arr != null && arr.checkedIn()) {
            return new Message(Tone.WARNING, already(arr));
        }
        String note = a.extra().entrySet().stream()
                .filter(e ->
                        e.getKey().strip().toLowerCase(java.util.Locale.ROOT).matches("(staff )?notes?"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (note != null && !note.isBlank()) {
            return new Message(Tone.INFO, i18n.t("desk.alert.note", note));
        }
        return Message.NONE;
    }

    String already(Arrival arr) {
        String when = arr.checkedInAt() == null
                ? ""
                : arr.checkedInAt()
                        .atZoneSameInstant(ZoneId.systemDefault())
                        .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                                .withLocale(i18n.locale()));
        return i18n.t("desk.alert.already", arr.stationId(), when);
    }

    /** The sentences on screen were made in the old language: make them again, or clear them. */
    public void languageChanged() {
        message.set(Message.NONE);
        if (selected.get() != null) {
            select(selected.get());
        }
    }

    /** A scanner burst: the person is looked up by code and checked in at once. */
    public void scan(String raw) {
        searchSeq++; // answers to the keystrokes the scanner typed are dropped
        tasks.run(
                () -> checkIns.resolve(raw),
                r -> {
                    if (r.kind() == ScanResolver.Kind.FOUND) {
                        // the scanned person replaces whatever was being typed
                        query.set("");
                        select(r.attendee());
                        checkInAndPrint(r.attendee(), volunteer(), null);
                    } else if (r.kind() == ScanResolver.Kind.INVALID) {
                        message.set(new Message(Tone.ERROR, i18n.t("desk.scan.invalid")));
                    } else {
                        // not a code anyone has: treat it as typing, so a name typed very fast still finds people
                        query.set(r.cleaned());
                        message.set(new Message(Tone.WARNING, i18n.t("desk.scan.unknown", r.cleaned())));
                    }
                },
                this::failed);
    }

    public void checkInAndPrint() {
        checkInAndPrint(selected.get(), volunteer(), null);
    }

    /**
     * Checks in a person whose registration is cancelled, refunded or pending, on a supervisor's
     * (or admin's) authority and with a reason, which the log and the audit log record.
     */
    public void override(Attendee a, Role by, String reason) {
        if (a == null) {
            return;
        }
        checkInAndPrint(a, volunteer().as(by), reason == null ? "" : reason);
    }

    /** @param a the person the action was asked for (the screen may have moved on while a PIN was typed) */
    private void checkInAndPrint(Attendee a, Actor actor, String overrideReason) {
        if (a == null) {
            return;
        }
        busy.set(true);
        tasks.run(
                () -> overrideReason == null
                        ? checkIns.arrive(actor, a.code()) // what this station does: desk, pickup or door
                        : checkIns.checkInOverride(actor, a.code(), overrideReason, true),
                r -> {
                    busy.set(false);
                    done(a, r);
                },
                this::failed);
    }

    private void done(Attendee a, CheckInResult r) {
        // the card may show someone else by now (a PIN was typed meanwhile): it only updates for this person
        boolean shown = selected.get() != null && selected.get().code().equals(a.code());
        if (shown && r.arrival() != null) {
            arrival.set(r.arrival());
        }
        if (r.outcome() == CheckInResult.Outcome.PICKED_UP) {
            String name = r.attendee().displayName();
            message.set(describePickup(name, r.badge()));
            if (r.badge() != null && r.badge().result() == PrintOutcome.Result.QUEUED) {
                ownJobs.put(r.badge().job().id(), name);
            }
        } else if (r.outcome() == CheckInResult.Outcome.ALREADY_PICKED_UP) {
            message.set(new Message(Tone.WARNING, i18n.t("desk.pickup.already", a.displayName())));
        } else if (r.checkedIn()) {
            String name = r.attendee().displayName();
            message.set(describeBadge(name, r.badge()));
            if (r.badge() != null && r.badge().result() == PrintOutcome.Result.QUEUED) {
                ownJobs.put(r.badge().job().id(), name);
            }
            undoable.set(a.code());
            if (shown) {
                alert.set(Message.NONE);
                undoNeeds.set(Role.VOLUNTEER);
            }
        } else if (r.outcome() == CheckInResult.Outcome.NEEDS_REASON) {
            message.set(new Message(Tone.WARNING, i18n.t("desk.override.needsReason")));
        } else if (r.outcome() == CheckInResult.Outcome.NOT_ALLOWED) {
            message.set(new Message(Tone.ERROR, i18n.t("error.notAllowed")));
        } else if (r.outcome() == CheckInResult.Outcome.NOT_FOUND || r.outcome() == CheckInResult.Outcome.INVALID) {
            message.set(new Message(Tone.ERROR, i18n.t("desk.scan.invalid")));
        } else if (shown) {
            // already in, or blocked: the card's alert says it; one sentence, not two
            message.set(Message.NONE);
            alert.set(alertFor(a, r.arrival()));
        } else {
            Message m = alertFor(a, r.arrival());
            message.set(new Message(m.tone(), a.displayName() + ": " + m.text())); // not the person on the card
        }
    }

    /** What became of the badge of someone who just picked it up (a badge-pickup station), as one sentence. */
    private Message describePickup(String name, PrintOutcome badge) {
        return switch (badge.result()) {
            case QUEUED, HANDED_OVER, HELD, STILL_QUEUED ->
                new Message(Tone.SUCCESS, i18n.t("desk.pickup.printing", name));
            case ALREADY_HAS_BADGE -> new Message(Tone.INFO, i18n.t("desk.pickup.hasBadge", name));
            case NO_PRINTER ->
                new Message(Tone.WARNING, i18n.t("desk.pickup.problem", name, i18n.t("printer.NOT_CHOSEN")));
            case BAD_TEMPLATE ->
                new Message(Tone.WARNING, i18n.t("desk.pickup.problem", name, i18n.t("badge.badTemplate")));
            default ->
                new Message(
                        Tone.WARNING,
                        i18n.t(
                                "desk.pickup.problem",
                                name,
                                i18n.printer(
                                        badge.printer() == null
                                                ? org.arrivals.print.PrinterState.of(
                                                        org.arrivals.print.PrinterState.Condition.PRINTER_ERROR)
                                                : badge.printer(),
                                        station.printing().target().printer())));
        };
    }

    /** What became of the first badge of someone just checked in, as one sentence. */
    private Message describeBadge(String name, PrintOutcome badge) {
        if (badge == null) {
            // a door station prints nothing
            return new Message(Tone.SUCCESS, i18n.t("desk.done.entered", name));
        }
        return switch (badge.result()) {
            case QUEUED, HANDED_OVER, HELD, STILL_QUEUED ->
                new Message(Tone.SUCCESS, i18n.t("desk.done.printing", name));
            case NO_PRINTER -> new Message(Tone.WARNING, i18n.t("desk.done.noPrinter", name));
            case ALREADY_HAS_BADGE -> new Message(Tone.INFO, i18n.t("desk.done.hasBadge", name));
            case BAD_TEMPLATE ->
                new Message(Tone.WARNING, i18n.t("desk.done.printProblem", name, i18n.t("badge.badTemplate")));
            default ->
                new Message(
                        Tone.WARNING,
                        i18n.t(
                                "desk.done.printProblem",
                                name,
                                i18n.printer(
                                        badge.printer() == null
                                                ? org.arrivals.print.PrinterState.of(
                                                        org.arrivals.print.PrinterState.Condition.PRINTER_ERROR)
                                                : badge.printer(),
                                        station.printing().target().printer())));
        };
    }

    /** The print worker finished (or failed) a badge this desk asked for: a failure is said. */
    private void printed(PrintJob job, String name) {
        if (job.state() == PrintJob.State.FAILED && job.problem() != null) {
            message.set(new Message(
                    Tone.WARNING,
                    i18n.t(
                            "desk.done.printProblem",
                            name,
                            i18n.printer(org.arrivals.print.PrinterState.of(job.problem()), job.printer()))));
        }
    }

    public void undo() {
        undo(undoable.get(), volunteer());
    }

    /** Who may undo the selected person's check-in (the service's rule, read with the card); null when none. */
    Role undoNeeds() {
        return selected.get() == null ? null : undoNeeds.get();
    }

    /**
     * Undoes {@code code}'s check-in on the authority of {@code by}: the service reads again where
     * the check-in was made (a sync may have changed it since the card was drawn).
     */
    public void undoArrival(String code, Role by) {
        undo(code, volunteer().as(by));
    }

    private void undo(String code, Actor actor) {
        if (code == null) {
            return;
        }
        busy.set(true);
        tasks.run(
                () -> checkIns.undo(actor, code),
                r -> {
                    busy.set(false);
                    if (code.equals(undoable.get())) {
                        undoable.set(null);
                    }
                    if (r.outcome() == CheckInResult.Outcome.NOT_ALLOWED) {
                        // the check-in is another station's now: Ctrl+Z lets go of it, and the card offers
                        // the supervisor's undo instead
                        message.set(new Message(
                                Tone.ERROR,
                                i18n.t("pin.why.undoOther", r.arrival().stationId())));
                        if (selected.get() != null) {
                            select(selected.get());
                        }
                        return;
                    }
                    if (r.outcome() != CheckInResult.Outcome.UNDONE) {
                        return;
                    }
                    message.set(new Message(
                            Tone.INFO, i18n.t("desk.undone", r.attendee().displayName())));
                    if (selected.get() != null && selected.get().code().equals(code)) {
                        arrival.set(r.arrival());
                        undoNeeds.set(null);
                        alert.set(alertFor(selected.get(), r.arrival()));
                    }
                },
                this::failed);
    }

    public void walkIn(WalkIn w) {
        busy.set(true);
        tasks.run(
                () -> checkIns.walkIn(volunteer(), w, true),
                r -> {
                    busy.set(false);
                    if (r.outcome() != CheckInService.WalkInResult.Outcome.REGISTERED) {
                        message.set(new Message(Tone.ERROR, i18n.t("error.notAllowed")));
                        return;
                    }
                    results.setAll(List.of());
                    select(r.attendee());
                    if (r.checkIn() != null) {
                        done(r.attendee(), r.checkIn());
                    }
                },
                this::failed);
    }

    public void edit(Map<AttendeeField, String> changes) {
        Attendee a = selected.get();
        if (a == null || changes.isEmpty()) {
            return;
        }
        tasks.run(
                () -> checkIns.edit(volunteer(), a.code(), changes),
                r -> {
                    switch (r.outcome()) {
                        case EDITED, UNCHANGED -> {
                            message.set(new Message(
                                    Tone.SUCCESS,
                                    i18n.t("desk.edited", r.attendee().displayName())));
                            select(r.attendee());
                        }
                        case NOT_EDITABLE ->
                            message.set(new Message(
                                    Tone.ERROR,
                                    i18n.t(
                                            "desk.edit.notEditable",
                                            i18n.t("field." + r.field().name()))));
                        default -> message.set(new Message(Tone.ERROR, i18n.t("error.notAllowed")));
                    }
                },
                this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        // details are for the log (Tasks logged them); a person reads a sentence
        message.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
    }

    public List<String> types() {
        return Station.STANDARD_TYPES;
    }
}
