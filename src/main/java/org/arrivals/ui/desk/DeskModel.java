package org.arrivals.ui.desk;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.arrivals.audit.Role;
import org.arrivals.badge.BadgePreview;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.checkin.Arrival;
import org.arrivals.checkin.CheckInResult;
import org.arrivals.checkin.ScanResolver;
import org.arrivals.print.PrintService;
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
    private final Tasks tasks;
    private final I18n i18n;
    private final Supplier<String> printer;
    private final Supplier<String> template;

    final StringProperty query = new SimpleStringProperty("");
    final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    final ObjectProperty<Attendee> selected = new SimpleObjectProperty<>();
    final ObjectProperty<Arrival> arrival = new SimpleObjectProperty<>();
    final ObjectProperty<Message> alert = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Message> message = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Image> preview = new SimpleObjectProperty<>();
    final BooleanProperty busy = new SimpleBooleanProperty();
    /** The attendee whose check-in the last action recorded, for Undo. */
    final StringProperty undoable = new SimpleStringProperty();

    private long searchSeq;
    private volatile long selectSeq;

    public DeskModel(Station station, Tasks tasks, I18n i18n, Supplier<String> printer, Supplier<String> template) {
        this.station = station;
        this.tasks = tasks;
        this.i18n = i18n;
        this.printer = printer;
        this.template = template;
        query.addListener((o, was, now) -> search(now));
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
            alert.set(Message.NONE);
            preview.set(null);
            return;
        }
        // the index keeps a slim copy of each person: the card shows the stored one, notes and all
        tasks.query(
                () -> new Selection(
                        station.attendees().findByCode(a.code()).orElse(a),
                        station.checkIns().arrival(a.code())),
                s -> {
                    if (seq == selectSeq) {
                        selected.set(s.attendee());
                        arrival.set(s.arrival());
                        alert.set(alertFor(s.attendee(), s.arrival()));
                        preview.set(null);
                        // the preview takes milliseconds to draw: on its own thread, and only if still wanted
                        tasks.render(
                                () -> seq == selectSeq ? previewOf(s.attendee()) : null,
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

    private record Selection(Attendee attendee, Arrival arrival) {}

    private Image previewOf(Attendee a) {
        var t = TemplateLoader.named(template.get(), station.configDir());
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
        busy.set(true);
        tasks.run(
                () -> station.scans().resolve(raw),
                r -> {
                    busy.set(false);
                    if (r.kind() == ScanResolver.Kind.FOUND) {
                        // the scanned person replaces whatever was being typed
                        query.set("");
                        select(r.attendee());
                        checkInAndPrint();
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
        checkInAndPrint(selected.get(), Role.VOLUNTEER, null);
    }

    /**
     * Checks in a person whose registration is cancelled, refunded or pending, on a supervisor's
     * (or admin's) authority, which the audit log records with the status overridden.
     */
    public void override(Attendee a, Role by) {
        if (a == null || !by.allows(Role.SUPERVISOR)) {
            return;
        }
        checkInAndPrint(a, by, "override by " + by.id() + " of " + a.status().label());
    }

    /** @param a the person the action was asked for (the screen may have moved on while a PIN was typed) */
    private void checkInAndPrint(Attendee a, Role by, String overrideReason) {
        if (a == null || busy.get()) {
            return;
        }
        busy.set(true);
        String p = printer.get();
        String t = template.get();
        tasks.run(
                () -> {
                    CheckInResult r = station.checkIns().checkIn(a.code(), overrideReason);
                    if (r.recorded()) {
                        station.audit()
                                .record(
                                        by.id(),
                                        overrideReason == null ? "checkin" : "override",
                                        a.code(),
                                        overrideReason == null
                                                ? null
                                                : "status " + a.status().label());
                    }
                    PrintService.Outcome printed = null;
                    if (r.recorded() && p != null && !p.isBlank()) {
                        printed = station.printing().print(a.code(), p, t);
                    }
                    return new Done(r, printed);
                },
                d -> {
                    busy.set(false);
                    // the card may show someone else by now (a PIN was typed meanwhile): it only updates for this
                    // person
                    boolean shown =
                            selected.get() != null && selected.get().code().equals(a.code());
                    if (shown) {
                        arrival.set(d.result().arrival());
                    }
                    if (d.result().recorded()) {
                        message.set(describe(d, p));
                        undoable.set(a.code());
                        if (shown) {
                            alert.set(Message.NONE);
                        }
                    } else if (shown) {
                        // already in, or blocked: the card's alert says it; one sentence, not two
                        message.set(Message.NONE);
                        alert.set(alertFor(a, d.result().arrival()));
                    } else {
                        Message m = alertFor(a, d.result().arrival());
                        message.set(
                                new Message(m.tone(), a.displayName() + ": " + m.text())); // not the person on the card
                    }
                },
                this::failed);
    }

    private record Done(CheckInResult result, PrintService.Outcome printed) {}

    private Message describe(Done d, String p) {
        String name = d.result().attendee() == null ? "" : d.result().attendee().displayName();
        return switch (d.result().outcome()) {
            case CHECKED_IN, CHECKED_IN_OVERRIDE -> {
                if (p == null || p.isBlank()) {
                    yield new Message(Tone.WARNING, i18n.t("desk.done.noPrinter", name));
                }
                if (d.printed() != null && d.printed().message() != null) {
                    yield new Message(
                            Tone.WARNING,
                            i18n.t("desk.done.printProblem", name, d.printed().message()));
                }
                yield new Message(Tone.SUCCESS, i18n.t("desk.done.printing", name));
            }
            case ALREADY_CHECKED_IN ->
                new Message(Tone.WARNING, already(d.result().arrival()));
            case BLOCKED ->
                new Message(
                        Tone.ERROR,
                        i18n.t(
                                "desk.alert.status",
                                i18n.t("status."
                                        + d.result().attendee().status().name())));
            default -> new Message(Tone.ERROR, i18n.t("desk.scan.unknown", ""));
        };
    }

    public void undo() {
        undo(undoable.get(), Role.VOLUNTEER);
    }

    /**
     * Who may undo the selected person's check-in: a volunteer one made at this station, a
     * supervisor one made at another; null when there is none to undo.
     */
    Role undoNeeds() {
        Arrival arr = arrival.get();
        if (selected.get() == null || arr == null || !arr.checkedIn()) {
            return null;
        }
        return station.checkIns().stationId().equals(arr.stationId()) ? Role.VOLUNTEER : Role.SUPERVISOR;
    }

    /**
     * Undoes {@code code}'s check-in on the authority of {@code by}: the station that made the
     * check-in is read again when the undo runs (a sync may have changed it since the card was
     * drawn), and a volunteer may undo only one made here.
     */
    public void undoArrival(String code, Role by) {
        undo(code, by);
    }

    private void undo(String code, Role by) {
        if (code == null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(
                () -> {
                    String madeAt = station.checkIns().arrival(code).stationId();
                    if (madeAt != null
                            && !madeAt.equals(station.checkIns().stationId())
                            && !by.allows(Role.SUPERVISOR)) {
                        throw new IllegalArgumentException(i18n.t("pin.why.undoOther", madeAt));
                    }
                    var r = station.checkIns().undo(code);
                    if (r.outcome() == CheckInResult.Outcome.UNDONE) {
                        station.audit()
                                .record(
                                        by.id(),
                                        "undo",
                                        code,
                                        madeAt == null
                                                        || madeAt.equals(station.checkIns()
                                                                .stationId())
                                                ? null
                                                : "checked in at " + madeAt);
                    }
                    return r;
                },
                r -> {
                    busy.set(false);
                    if (code.equals(undoable.get())) {
                        undoable.set(null);
                    }
                    if (r.outcome() != CheckInResult.Outcome.UNDONE) {
                        return;
                    }
                    message.set(new Message(
                            Tone.INFO, i18n.t("desk.undone", r.attendee().displayName())));
                    if (selected.get() != null && selected.get().code().equals(code)) {
                        arrival.set(r.arrival());
                        alert.set(alertFor(selected.get(), r.arrival()));
                    }
                },
                e -> {
                    failed(e);
                    // refused (the check-in is another station's now): Ctrl+Z lets go of it, and the card
                    // offers the supervisor's undo instead
                    if (code.equals(undoable.get())) {
                        undoable.set(null);
                    }
                    if (selected.get() != null) {
                        select(selected.get());
                    }
                });
    }

    public void walkIn(WalkIn w) {
        busy.set(true);
        tasks.run(
                () -> {
                    var a = station.checkIns().registerWalkIn(w);
                    station.audit().record("volunteer", "walkin", a.code(), null);
                    return a;
                },
                a -> {
                    busy.set(false);
                    results.setAll(List.of());
                    select(a);
                    checkInAndPrint();
                },
                this::failed);
    }

    public void edit(Map<AttendeeField, String> changes) {
        Attendee a = selected.get();
        if (a == null || changes.isEmpty()) {
            return;
        }
        tasks.run(
                () -> {
                    var updated = station.checkIns().edit(a.code(), changes);
                    station.audit().record("volunteer", "edit", a.code(), "fields " + changes.keySet());
                    return updated;
                },
                updated -> {
                    message.set(new Message(Tone.SUCCESS, i18n.t("desk.edited", updated.displayName())));
                    select(updated);
                },
                this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(new Message(
                Tone.ERROR, e instanceof IllegalArgumentException ? e.getMessage() : i18n.t("error.unexpected")));
    }

    public List<String> types() {
        return Station.STANDARD_TYPES;
    }
}
