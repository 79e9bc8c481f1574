package org.arrivals.ui.desk;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.arrivals.badge.BadgeToken;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.CheckInService;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintListener;
import org.arrivals.print.PrintOutcome;
import org.arrivals.print.PrinterState;
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

    /** The person on the card is checked in but has no badge (no printer was chosen, or the job was cancelled). */
    final BooleanProperty needsBadge = new SimpleBooleanProperty();

    final ObjectProperty<Message> alert = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Image> preview = new SimpleObjectProperty<>();
    final BooleanProperty busy = new SimpleBooleanProperty();
    /** The attendee whose check-in the last action recorded, for Undo, and their name (Ctrl+Z says whom it undoes). */
    final StringProperty undoable = new SimpleStringProperty();

    final StringProperty undoableName = new SimpleStringProperty();
    /** Whom the message on screen is about: it goes when another person is shown. */
    private String messageAbout;
    /** The badge jobs this desk asked for, by job id, with the person's name, to say when one did not print. */
    private final Map<Long, String> ownJobs = new ConcurrentHashMap<>();

    /** The text the results on screen answer (Enter acts on them only if it is still the text typed). */
    private String resultsFor = "";

    private long searchSeq;
    private volatile long selectSeq;

    /** The page of an organization's people, opened from the card (F6). */
    final org.arrivals.ui.delegation.DelegationModel delegations;

    public DeskModel(Station station, Tasks tasks, I18n i18n) {
        this.station = station;
        this.checkIns = station.checkIns();
        this.tasks = tasks;
        this.i18n = i18n;
        this.delegations = new org.arrivals.ui.delegation.DelegationModel(station, tasks, i18n, DeskModel::volunteer);
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
            resultsFor = "";
            return;
        }
        tasks.query(
                () -> station.lookup().search(q, RESULTS),
                hits -> {
                    if (seq != searchSeq) {
                        return; // a newer keystroke already asked
                    }
                    resultsFor = q;
                    results.setAll(hits);
                    if (!hits.isEmpty()) {
                        select(hits.get(0).attendee());
                    }
                },
                this::failed);
    }

    void select(Attendee a) {
        long seq = ++selectSeq;
        if (messageAbout != null && (a == null || !messageAbout.equals(a.code()))) {
            message.set(Message.NONE); // it was about someone else
            messageAbout = null;
        }
        selected.set(a);
        if (a == null) {
            arrival.set(null);
            undoNeeds.set(null);
            needsBadge.set(false);
            alert.set(Message.NONE);
            preview.set(null);
            return;
        }
        // the index keeps a slim copy of each person: the card shows the stored one, notes and all
        tasks.query(
                () -> checkIns.person(a.code())
                        .orElse(new CheckInService.Person(a, Arrival.none(a.code()), null, false)),
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
        needsBadge.set(p.needsBadge());
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
                .filter(e -> e.getKey().strip().toLowerCase(Locale.ROOT).matches("(staff )?notes?"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (note != null && !note.isBlank()) {
            return new Message(Tone.INFO, i18n.t("desk.alert.note", note));
        }
        return Message.NONE;
    }

    String already(Arrival arr) {
        return i18n.t("desk.alert.already", arr.stationId(), i18n.time(arr.checkedInAt()));
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
        scan(raw, "");
    }

    /**
     * A scan, with what the search box held before it began: a stall of the FX thread can split a
     * scanner's burst, leaving its first characters in the box, so the two together are tried as
     * one code before the burst alone.
     */
    public void scan(String raw, String before) {
        searchSeq++; // answers to the keystrokes the scanner typed are dropped
        String joined = before == null ? raw : before + raw;
        // the box is emptied now, on this thread, in the order of the keys: the next scan's first
        // keys, which may already be on their way, are never wiped by an answer that comes later
        query.set("");
        tasks.run(
                () -> {
                    ScanResolver.Result r = resolve(joined);
                    return r.kind() == ScanResolver.Kind.FOUND || joined.equals(raw) ? r : resolve(raw);
                },
                r -> {
                    if (r.kind() == ScanResolver.Kind.FOUND) {
                        select(r.attendee());
                        checkInAndPrint(r.attendee(), volunteer(), null);
                    } else if (r.kind() == ScanResolver.Kind.INVALID) {
                        message.set(new Message(Tone.ERROR, i18n.t("desk.scan.invalid")));
                    } else if (r.kind() == ScanResolver.Kind.REPLACED) {
                        message.set(new Message(Tone.ERROR, i18n.t("desk.scan.replaced")));
                    } else if (!looksLikeACode(raw) && query.get().isEmpty()) {
                        // a name typed very fast: it is typing, so it finds people
                        query.set(r.cleaned());
                    } else {
                        message.set(new Message(Tone.WARNING, i18n.t("desk.scan.unknown", r.cleaned())));
                    }
                },
                this::failed);
    }

    /**
     * Text a person would not type as a name: no spaces, and a digit or a colon in it (attendee
     * codes, badge tokens, ticket barcodes). Such text is a code or nothing: Enter never checks in
     * a search result for it.
     */
    static boolean looksLikeACode(String text) {
        String t = text == null ? "" : text.strip();
        return !t.isEmpty()
                && t.codePoints().noneMatch(Character::isWhitespace)
                && t.codePoints().anyMatch(c -> Character.isDigit(c) || c == ':');
    }

    /**
     * Resolves what was typed as a code. When the whole text is no one's, and it looks like a code,
     * its longest tail that is someone's code is taken: the first keys of a scan can land after
     * the leftovers of an earlier one (a badge token's tail starts where its prefix does).
     */
    private ScanResolver.Result resolve(String text) {
        ScanResolver.Result whole = checkIns.resolve(text);
        if (whole.kind() != ScanResolver.Kind.NOT_FOUND || !looksLikeACode(text)) {
            return whole;
        }
        String t = text.strip();
        int token = t.lastIndexOf(BadgeToken.PREFIX);
        if (token > 0) {
            ScanResolver.Result r = checkIns.resolve(t.substring(token));
            if (r.kind() != ScanResolver.Kind.NOT_FOUND) {
                return r;
            }
        }
        for (int from = 1; from <= t.length() - 4; from++) {
            ScanResolver.Result r = checkIns.resolve(t.substring(from));
            if (r.kind() == ScanResolver.Kind.FOUND) {
                return r;
            }
        }
        return whole;
    }

    public void checkInAndPrint() {
        checkInAndPrint(selected.get(), volunteer(), null);
    }

    /**
     * Enter in the search box. What is typed is tried as a code first (a badge, an attendee code, a
     * ticket barcode): a scan whose keys did not arrive as a burst is still a scan. Otherwise Enter
     * checks in the person shown, but only if the matches on screen answer the text now typed;
     * if they answer an older keystroke, the search runs now and its best match is checked in.
     */
    public void enter(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            checkInAndPrint();
            return;
        }
        searchSeq++; // a search still on its way answers an older text: dropped
        Attendee shown = text.equals(resultsFor) ? selected.get() : null;
        tasks.run(
                () -> {
                    ScanResolver.Result code = resolve(text);
                    if (code.kind() == ScanResolver.Kind.FOUND) {
                        return new Enter(code.attendee(), true, List.of());
                    }
                    if (looksLikeACode(text)) {
                        return new Enter(null, true, null); // a code that is no one's: no name search stands in for it
                    }
                    if (shown != null) {
                        return new Enter(shown, false, null);
                    }
                    List<SearchHit> hits = station.lookup().search(text, RESULTS);
                    return new Enter(hits.isEmpty() ? null : hits.get(0).attendee(), false, hits);
                },
                e -> {
                    if (e.hits() != null) {
                        resultsFor = e.scanned() ? "" : text;
                        results.setAll(e.hits());
                    }
                    if (e.scanned() && text.equals(query.get())) {
                        query.set(""); // only if nothing was typed since: the next person's keys stay
                    }
                    if (e.person() == null) {
                        message.set(new Message(
                                Tone.WARNING,
                                e.scanned() ? i18n.t("desk.scan.unknown", text) : i18n.t("desk.enter.none", text)));
                        return;
                    }
                    select(e.person());
                    checkInAndPrint(e.person(), volunteer(), null);
                },
                this::failed);
    }

    private record Enter(Attendee person, boolean scanned, List<SearchHit> hits) {}

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
            messageAbout = a.code();
            if (r.badge() != null && r.badge().result() == PrintOutcome.Result.QUEUED) {
                ownJobs.put(r.badge().job().id(), name);
            }
            undoable.set(a.code());
            undoableName.set(r.attendee().displayName());
            if (shown) {
                alert.set(Message.NONE);
                undoNeeds.set(Role.VOLUNTEER);
            }
        } else if (r.outcome() == CheckInResult.Outcome.NEEDS_REASON) {
            message.set(new Message(Tone.WARNING, i18n.t("desk.override.needsReason")));
        } else if (r.outcome() == CheckInResult.Outcome.NOT_ALLOWED) {
            message.set(new Message(Tone.ERROR, i18n.t("error.notAllowed")));
        } else if (r.outcome() == CheckInResult.Outcome.REPLACED) {
            message.set(new Message(Tone.ERROR, i18n.t("desk.scan.replaced")));
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
            default -> printProblem("desk.pickup.problem", name, badge);
        };
    }

    /** A badge that did not go to the printer, said with what stopped it (the template or the printer). */
    private Message printProblem(String key, String name, PrintOutcome badge) {
        String why = badge.result() == PrintOutcome.Result.BAD_TEMPLATE
                ? i18n.t("badge.badTemplate")
                : i18n.printer(
                        badge.printer() == null
                                ? PrinterState.of(PrinterState.Condition.PRINTER_ERROR)
                                : badge.printer(),
                        station.printing().target().printer());
        return new Message(Tone.WARNING, i18n.t(key, name, why));
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
            default -> printProblem("desk.done.printProblem", name, badge);
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
                            i18n.printer(PrinterState.of(job.problem()), job.printer()))));
        }
    }

    public void undo() {
        undo(undoable.get(), volunteer());
    }

    /** Prints the first badge of the person on the card, checked in while there was no badge for them. */
    public void printBadge() {
        Attendee a = selected.get();
        if (a == null) {
            return;
        }
        tasks.run(
                () -> checkIns.printBadge(volunteer(), a.code()),
                o -> {
                    message.set(describeBadge(a.displayName(), o));
                    messageAbout = a.code();
                    if (o.result() == PrintOutcome.Result.QUEUED) {
                        ownJobs.put(o.job().id(), a.displayName());
                        needsBadge.set(false);
                    }
                },
                this::failed);
    }

    /** True when Ctrl+Z would undo someone other than the person on the card (the desk asks first). */
    boolean undoIsForSomeoneElse() {
        return undoable.get() != null
                && (selected.get() == null || !selected.get().code().equals(undoable.get()));
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
                        undoableName.set(null);
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
                    messageAbout = code;
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
                    if (r.outcome() == CheckInService.WalkInResult.Outcome.LOOKS_LIKE_A_SCAN) {
                        message.set(new Message(Tone.ERROR, i18n.t("desk.walkin.scanned")));
                        return;
                    }
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

    String scannerPrefix() {
        return station.settings().scannerPrefix();
    }

    String scannerSuffix() {
        return station.settings().scannerSuffix();
    }

    public List<String> types() {
        return Station.STANDARD_TYPES;
    }
}
