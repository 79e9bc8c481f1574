package org.arrivals.ui.setup;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.print.PrintOutcome;
import org.arrivals.print.PrintService;
import org.arrivals.print.Printers;
import org.arrivals.station.KioskSettings.Mode;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationSetup;
import org.arrivals.station.StationSetup.Step;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Tone;
import org.arrivals.ui.join.JoinModel;
import org.arrivals.ui.staff.StaffModel;

/**
 * The wizard on an open station: join a hub or work alone with an imported roster, the printer
 * (a queue or a Zebra, a test badge, "did it come out right?"), the staff PINs, the mode. The
 * services decide ({@link StationSetup}, {@link PrintService}, the join and import models'
 * services); this model asks them off the FX thread, keeps where the wizard is, and words their
 * outcomes.
 */
public final class SetupModel {
    private final Station station;
    private final Tasks tasks;
    private final I18n i18n;
    private final StaffPin pins;
    private final Actor actor;
    private final Consumer<Mode> finished;

    /** Step (b): the set-up code screen, as on any first run. */
    final JoinModel join;
    /** Step (b) alone: the import with its preview, as in staff mode. */
    final StaffModel staff;

    final ObjectProperty<Step> step = new SimpleObjectProperty<>();
    final ObservableList<Step> done = FXCollections.observableArrayList();

    final ObservableList<Printers.Found> printers = FXCollections.observableArrayList();
    final ObservableList<StationSetup.Template> templates = FXCollections.observableArrayList();
    /** The printer setting chosen for the test badge (a queue, or zebra://HOST:PORT); null before one is. */
    final StringProperty printer = new SimpleStringProperty();

    final StringProperty template = new SimpleStringProperty();
    /** True once a test badge was handed over: the wizard asks whether it came out right. */
    final BooleanProperty asking = new SimpleBooleanProperty(false);

    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final ObjectProperty<Message> printerMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Message> pinMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Message> modeMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.DESK);
    /** True when both PINs are set already (the wizard opened again): they may be kept as they are. */
    final BooleanProperty pinsSet = new SimpleBooleanProperty(false);

    /**
     * @param actor who sets the station up: the admin at a first run (whoever opened it with its
     *     key), else the role whose PIN opened staff mode
     * @param staff staff mode's model, whose import (and its preview) the roster step shows
     * @param reopened gets the station opened again once it joined a hub
     * @param alreadyDone the steps done before (the key, at a first run; all, from staff mode)
     * @param finished gets the mode chosen, once saved
     */
    public SetupModel(
            Station station,
            Tasks tasks,
            I18n i18n,
            StaffModel staff,
            StaffPin pins,
            Actor actor,
            Consumer<Station> reopened,
            Step start,
            Collection<Step> alreadyDone,
            Consumer<Mode> finished) {
        this.station = station;
        this.tasks = tasks;
        this.i18n = i18n;
        this.staff = staff;
        this.pins = pins;
        this.actor = actor;
        this.finished = finished;
        this.join = new JoinModel(station, tasks, reopened);
        this.template.set(station.printing().target().template());
        String current = station.printing().target().printer();
        this.printer.set(current == null || current.isBlank() ? null : current);
        done.setAll(alreadyDone);
        go(start);
    }

    /** The set-up code screen's model (the shell hands it a scanned code). */
    public org.arrivals.ui.join.JoinModel join() {
        return join;
    }

    public Step step() {
        return step.get();
    }

    /** Goes to a step (a done one, from the list of steps, or the next one). */
    public void go(Step s) {
        asking.set(false);
        printerMessage.set(Message.NONE);
        pinMessage.set(Message.NONE);
        modeMessage.set(Message.NONE);
        // asked before the page is shown: an answer that comes at once is on the page as it is built
        if (s == Step.PRINTER) {
            loadPrinters();
        }
        if (s == Step.PINS) {
            tasks.query(
                    () -> pins.isSet(Role.SUPERVISOR) && pins.isSet(Role.ADMIN), pinsSet::set, e -> pinsSet.set(false));
        }
        step.set(s);
    }

    /** This step is done: on to the next. */
    public void next() {
        Step s = step.get();
        if (!done.contains(s)) {
            done.add(s);
        }
        if (s.ordinal() + 1 < Step.values().length) {
            go(Step.values()[s.ordinal() + 1]);
        }
    }

    /** Works without a hub: the roster is imported here instead. */
    void alone() {
        next();
    }

    /** The printers: the spooler's queues with their state, and the templates with their label sizes. */
    void loadPrinters() {
        busy.set(true);
        tasks.query(
                () -> station.setup().printers(),
                found -> {
                    busy.set(false);
                    printers.setAll(found);
                    String p = printer.get();
                    if (p != null && found.stream().noneMatch(f -> f.name().equals(p))) {
                        addPrinter(p);
                    }
                },
                e -> {
                    busy.set(false);
                    printers.clear();
                });
        tasks.query(() -> station.setup().templates(), templates::setAll, e -> templates.clear());
    }

    private void addPrinter(String setting) {
        tasks.query(
                () -> new Printers.Found(setting, station.setup().state(setting)),
                f -> {
                    printers.removeIf(x -> x.name().equals(setting));
                    printers.add(f);
                },
                e -> {});
    }

    /** A Zebra on the network, by its address: added to the list and chosen. */
    void zebra(String address) {
        StationSetup.Zebra z = StationSetup.zebra(address);
        if (!z.valid()) {
            printerMessage.set(new Message(Tone.ERROR, i18n.t("setup.printer.badZebra")));
            return;
        }
        printer.set(z.setting());
        addPrinter(z.setting());
        printerMessage.set(Message.NONE);
    }

    /** Prints the made-up test badge on the printer chosen, with the template chosen (nothing is recorded). */
    void testPrint() {
        String p = printer.get();
        String t = template.get();
        if (p == null || p.isBlank()) {
            printerMessage.set(new Message(Tone.ERROR, i18n.t("setup.printer.choose")));
            return;
        }
        busy.set(true);
        asking.set(false);
        printerMessage.set(new Message(Tone.INFO, i18n.t("setup.printer.printing", p)));
        tasks.run(
                () -> station.printing().testBadge(actor, p, t).get(30, TimeUnit.SECONDS),
                o -> {
                    busy.set(false);
                    switch (o.result()) {
                        case HANDED_OVER, HELD -> {
                            asking.set(true); // the page asks "did it come out right?"
                            printerMessage.set(Message.NONE);
                        }
                        default -> printerMessage.set(problem(o, p));
                    }
                },
                e -> {
                    busy.set(false);
                    printerMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
                });
    }

    private Message problem(PrintOutcome o, String p) {
        return switch (o.result()) {
            case NOT_ALLOWED -> new Message(Tone.ERROR, i18n.t("error.notAllowed"));
            case BAD_TEMPLATE -> new Message(Tone.ERROR, i18n.t("setup.printer.badTemplate"));
            case NO_PRINTER -> new Message(Tone.ERROR, i18n.t("setup.printer.choose"));
            default ->
                o.printer() != null
                        ? new Message(Tone.ERROR, i18n.printer(o.printer(), p))
                        : new Message(Tone.ERROR, i18n.t("error.unexpected"));
        };
    }

    /** The answer to "did the test badge come out right?": yes keeps this printer and template. */
    void answer(boolean right) {
        asking.set(false);
        if (!right) {
            printerMessage.set(new Message(Tone.WARNING, i18n.t("setup.printer.notRight")));
            return;
        }
        String p = printer.get();
        String t = template.get();
        busy.set(true);
        tasks.run(
                () -> station.printing()
                        .choose(actor, new PrintService.Target(p, t))
                        .get(10, TimeUnit.SECONDS),
                o -> {
                    busy.set(false);
                    switch (o.result()) {
                        case NOT_ALLOWED, BAD_TEMPLATE -> printerMessage.set(problem(o, p));
                        default -> next();
                    }
                },
                e -> {
                    busy.set(false);
                    printerMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
                });
    }

    /** The supervisor's and the admin's PINs, each typed twice. */
    void savePins(String supervisor, String supervisorAgain, String admin, String adminAgain) {
        busy.set(true);
        tasks.run(
                () -> station.setup().setPins(actor, pins, supervisor, supervisorAgain, admin, adminAgain),
                o -> {
                    busy.set(false);
                    if (o == StationSetup.PinOutcome.SAVED) {
                        next();
                    } else {
                        pinMessage.set(new Message(Tone.ERROR, i18n.t("setup.pins." + o.name(), StaffPin.MIN_DIGITS)));
                    }
                },
                e -> {
                    busy.set(false);
                    pinMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
                });
    }

    /** Saves the mode chosen (and the wizard's language as the station's) and leaves the wizard for it. */
    void finish() {
        Mode m = mode.get();
        String language = i18n.language();
        busy.set(true);
        tasks.run(
                () -> station.setup().finish(actor, m, language),
                o -> {
                    busy.set(false);
                    if (o == StationSetup.ModeOutcome.SAVED) {
                        if (!done.contains(Step.MODE)) {
                            done.add(Step.MODE);
                        }
                        finished.accept(m);
                    } else {
                        modeMessage.set(new Message(Tone.ERROR, i18n.t("setup.mode." + o.name())));
                    }
                },
                e -> {
                    busy.set(false);
                    modeMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
                });
    }
}
