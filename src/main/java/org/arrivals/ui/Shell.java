package org.arrivals.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintListener;
import org.arrivals.print.PrinterState;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.KioskSettings.Mode;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationSetup.Step;
import org.arrivals.sync.protocol.SetupCode;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.NameFonts;
import org.arrivals.ui.common.PinGate;
import org.arrivals.ui.common.ScannerInput;
import org.arrivals.ui.common.StatusBar;
import org.arrivals.ui.common.StatusModel;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Ui;
import org.arrivals.ui.desk.DeskModel;
import org.arrivals.ui.desk.DeskView;
import org.arrivals.ui.door.DoorModel;
import org.arrivals.ui.door.DoorView;
import org.arrivals.ui.self.SelfServiceModel;
import org.arrivals.ui.self.SelfServiceView;
import org.arrivals.ui.setup.SetupModel;
import org.arrivals.ui.setup.SetupView;
import org.arrivals.ui.staff.StaffModel;
import org.arrivals.ui.staff.StaffView;

/**
 * The kiosk's window: one scene whose content is the current mode (desk, self-service or staff),
 * with the status bar, the scanner filter, the PIN gate and the language. The models live as long
 * as the window; a mode's view is rebuilt when it is entered or the language changes.
 */
public final class Shell {
    private final Stage stage;
    private final Station station;
    private final StaffPin pin;
    private final KioskSettings settings;
    private final Tasks tasks;
    private final I18n i18n;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final Scene scene;
    private final PinGate pinGate;
    private final StatusModel status;
    private final DeskModel desk;
    private final SelfServiceModel self;
    private final StaffModel staff;
    private final DoorModel door;
    private DoorView doorView;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>();
    private DeskView deskView;
    private final LongSupplier keyClock;
    private SelfServiceView selfView;
    private boolean largeText;

    public Shell(Stage stage, Station station, KioskSettings settings, StaffPin pin, Tasks tasks) {
        this(stage, station, settings, pin, tasks, System::nanoTime);
    }

    /** @param keyClock the clock that tells a scanner's burst from a person's typing (tests drive it) */
    public Shell(
            Stage stage, Station station, KioskSettings settings, StaffPin pin, Tasks tasks, LongSupplier keyClock) {
        this.stage = stage;
        this.keyClock = keyClock;
        this.station = station;
        this.settings = settings;
        this.pin = pin;
        this.tasks = tasks;
        this.i18n = new I18n(settings.language());
        this.largeText = settings.largeText();
        NameFonts.loadScreens(); // names in other scripts: their fonts load when first needed (NameFonts.style)
        status = new StatusModel(station);
        desk = new DeskModel(station, tasks, i18n);
        self = new SelfServiceModel(station, tasks);
        staff = new StaffModel(station, tasks, i18n);
        door = new DoorModel(station, tasks, i18n);
        root.getChildren().add(frame);
        root.getStyleClass().add("kiosk");
        pinGate = new PinGate(root, pin, tasks, i18n, (needed, lockedOut) -> {
            Actor.Face face = mode.get() == Mode.SELF ? Actor.Face.SELF_SERVICE : Actor.Face.DESK;
            tasks.run(
                    () -> {
                        station.kiosk().pinRefused(face, needed, lockedOut);
                        return face;
                    },
                    ok -> {},
                    e -> {});
        });
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Shell.class.getResource("kiosk.css").toExternalForm());
        // an overlay (the PIN gate) owns the keyboard: no key typed while it is open reaches the screen behind
        scene.addEventFilter(KeyEvent.ANY, this::overlayOwnsKeys);
        new ScannerInput(
                        station.settings().scannerPrefix(), station.settings().scannerSuffix(), this::scanned, keyClock)
                .install(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        i18n.localeProperty().addListener((o, was, now) -> {
            languageChanged();
            if (setup != null) {
                showSetup();
            } else if (mode.get() != null && mode.get() != Mode.SELF) {
                show(mode.get());
            }
        });
        languageChanged();
        stage.setScene(scene);
        stage.setTitle(i18n.t("app.title"));
        stage.setOnCloseRequest(this::closing);
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (focused && mode.get() == Mode.SELF) {
                fullScreen(true);
            }
        });
        station.checkIns().addListener(a -> Platform.runLater(status::poke));
        station.printing().addListener(new PrintListener() {
            @Override
            public void jobChanged(PrintJob job) {
                Platform.runLater(status::poke);
            }

            @Override
            public void printerChanged(String printer, PrinterState state) {
                Platform.runLater(status::poke);
            }
        });
        station.sync().addListener(st -> Platform.runLater(status::poke));
        if (station.joining().firstRun()) {
            // a station with no hub and no roster: the set-up wizard, from its set-up code (scanned or
            // typed) or working alone with a roster, to the printer, the PINs and the mode
            openSetup(Step.HUB, List.of(Step.KEY), null);
            return;
        }
        startModes();
    }

    /** The wizard's model while it shows; null otherwise. */
    private SetupModel setup;
    /** True when the wizard was opened from staff mode (it leads back there). */
    private boolean setupFromStaff;
    /** Where the wizard goes on once the station joined a hub and opened again; null otherwise. */
    private Step resumeSetup;

    /** Whoever opened the kiosk with the station key on its first run: the admin, at the kiosk's screen. */
    private static final Actor KIOSK_ADMIN = new Actor(Role.ADMIN, Actor.Face.STAFF);

    /**
     * Shows the set-up wizard at {@code at}: on a first run (the admin's authority: the station key
     * opened it), or from staff mode (the authority of the PIN that opened it; each step can be
     * come back to, and the wizard leads back to staff mode).
     */
    private void openSetup(Step at, List<Step> done, Actor fromStaff) {
        setupFromStaff = fromStaff != null;
        Actor actor = fromStaff != null ? fromStaff : KIOSK_ADMIN;
        if (fromStaff == null) {
            staff.actor(Role.ADMIN); // the roster step imports as staff mode does, on the admin's authority
        }
        pinGate.close();
        mode.set(null);
        setup = new SetupModel(station, tasks, i18n, staff, pin, actor, this::joined, at, done, this::setupFinished);
        showSetup();
    }

    private void showSetup() {
        root.getStyleClass().removeAll("mode-desk", "mode-self", "mode-staff", "mode-door");
        frame.setTop(null);
        frame.setBottom(null);
        frame.setCenter(new SetupView(setup, i18n, Platform::exit).root());
        fullScreen(false);
        stage.setTitle(i18n.t("app.title"));
    }

    private void setupFinished(Mode chosen) {
        boolean back = setupFromStaff;
        setup = null;
        if (back) {
            show(Mode.STAFF);
            return;
        }
        staff.actor(Role.SUPERVISOR);
        show(chosen);
    }

    /** Goes on with the wizard at {@code at} (the station joined a hub on its first run and opened again). */
    public void continueSetup(Step at) {
        openSetup(at, List.of(Step.KEY, Step.HUB, Step.ROSTER), null);
    }

    /** Where the wizard goes on after this shell's station joined a hub; null when it was not in the wizard. */
    public Step setupResumesAt() {
        return resumeSetup;
    }

    /** The wizard's model while it shows (tests read where it is); null otherwise. */
    public SetupModel setup() {
        return setup;
    }

    /** Gets the station opened again after it joined a hub; null: Arrivals must be started again. */
    private Consumer<Station> reopened;

    /**
     * What to do with the station once the first-run screen joined it to a hub and opened it
     * again under the hub's name: the kiosk builds its window anew on it (this shell is stopped).
     */
    public void onReopened(Consumer<Station> then) {
        this.reopened = then;
    }

    private void joined(Station again) {
        stop();
        // the hub's roster arrives through sync: the wizard goes on with the printer
        resumeSetup = setup != null && !setupFromStaff ? Step.PRINTER : null;
        setup = null;
        if (reopened != null) {
            reopened.accept(again);
        } else {
            again.close();
            Platform.exit();
        }
    }

    /** True while the set-up wizard shows. */
    public boolean firstRunScreen() {
        return setup != null;
    }

    private void startModes() {
        setup = null;
        show(settings.mode() == Mode.STAFF ? Mode.DESK : settings.mode());
        if (settings.mode() == Mode.STAFF) {
            askPin(i18n.t("pin.why.staff"), () -> enterStaff("staff mode"));
        }
    }

    public Scene scene() {
        return scene;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Staff mode's model (a file chosen for import arrives here from the file chooser, or a test). */
    public StaffModel staff() {
        return staff;
    }

    public StatusModel status() {
        return status;
    }

    public Mode mode() {
        return mode.get();
    }

    public DoorModel door() {
        return door;
    }

    public SelfServiceView selfView() {
        return selfView;
    }

    /** Starts the print worker (badges left waiting print now) and the background status refresh. */
    public void startStatus() {
        station.printing().start();
        status.start(3);
    }

    public void stop() {
        status.stop();
        if (doorView != null) {
            doorView.stop();
        }
        if (selfView != null) {
            selfView.stopTimers();
        }
    }

    public void show(Mode m) {
        setup = null;
        mode.set(m);
        pinGate.close();
        // at a self-service station a PIN box left open goes with the idle reset, as everything else does
        pinGate.closeWhenIdle(m == Mode.SELF ? settings.idleSeconds() : 0, () -> {
            if (selfView != null && mode.get() == Mode.SELF) {
                selfView.resetToWelcome();
            }
        });
        root.getStyleClass().removeAll("mode-desk", "mode-self", "mode-staff", "mode-door", "large-text");
        root.getStyleClass().add("mode-" + m.name().toLowerCase(Locale.ROOT));
        if (largeText) {
            root.getStyleClass().add("large-text");
        }
        if (selfView != null && m != Mode.SELF) {
            selfView.stopTimers();
        }
        if (doorView != null) {
            doorView.stop(); // a new door view follows the room from now on, or none does
            doorView = null;
        }
        switch (m) {
            case DESK -> {
                deskView = new DeskView(desk, i18n, pinGate, keyClock);
                frame.setTop(header(false));
                frame.setCenter(deskView.root());
                frame.setBottom(new StatusBar(status, i18n));
                fullScreen(false);
                DeskView shown = deskView;
                Platform.runLater(() -> {
                    if (!pinGate.isOpen()) { // a PIN asked for at start keeps the keyboard
                        shown.focusSearch();
                    }
                });
            }
            case DOOR -> {
                doorView = new DoorView(door, i18n, pinGate);
                frame.setTop(header(false));
                frame.setCenter(doorView.root());
                frame.setBottom(new StatusBar(status, i18n));
                fullScreen(false);
                doorView.start();
                DoorView shown = doorView;
                Platform.runLater(() -> {
                    if (!pinGate.isOpen()) {
                        shown.focusCode();
                    }
                });
            }
            case SELF -> {
                if (selfView == null) {
                    selfView = new SelfServiceView(self, i18n, settings.idleSeconds(), settings.language());
                }
                selfView.resetToWelcome();
                frame.setTop(null);
                frame.setCenter(selfView.root());
                frame.setBottom(null);
                stage.setFullScreenExitHint("");
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                fullScreen(true);
            }
            case STAFF -> {
                frame.setTop(header(true));
                frame.setCenter(new StaffView(
                                staff,
                                status,
                                i18n,
                                new StaffView.Actions() {
                                    @Override
                                    public void desk() {
                                        show(Mode.DESK);
                                    }

                                    @Override
                                    public void self() {
                                        show(Mode.SELF);
                                    }

                                    @Override
                                    public void door() {
                                        show(Mode.DOOR);
                                    }

                                    @Override
                                    public void exit() {
                                        Platform.exit();
                                    }

                                    @Override
                                    public void setup(Role by) {
                                        openSetup(
                                                Step.PRINTER, List.of(Step.values()), new Actor(by, Actor.Face.STAFF));
                                    }

                                    @Override
                                    public void largeText(boolean on) {
                                        largeText = on;
                                        tasks.run(
                                                () -> station.kiosk().largeText(staff.actorNow(), on),
                                                ok -> {},
                                                e -> {});
                                        show(Mode.STAFF);
                                    }

                                    @Override
                                    public boolean largeText() {
                                        return largeText;
                                    }
                                },
                                pinGate)
                        .root());
                frame.setBottom(new StatusBar(status, i18n));
                fullScreen(false);
            }
        }
        stage.setTitle(i18n.t("app.title"));
    }

    /**
     * Right to left for Arabic, and the Arabic font as the scene's own: JavaFX places punctuation
     * and Latin words wrongly in Arabic text whose letters come from a fallback font.
     */
    private void languageChanged() {
        scene.setNodeOrientation(i18n.orientation());
        root.setStyle(Ui.fontStyle(i18n));
        desk.languageChanged();
    }

    /**
     * Full screen only for a window that is up and focused (a window system can refuse it
     * otherwise); self-service asks again whenever its window gains the focus.
     */
    private void fullScreen(boolean on) {
        if (stage.isShowing() && stage.isFocused() && stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
    }

    private HBox header(boolean inStaff) {
        String event = settings.eventName().isBlank() ? i18n.t("app.title") : settings.eventName();
        Label title = Ui.label(event, "header-title");
        title.setWrapText(false);
        Label modeLabel = Ui.id(
                Ui.label(
                        i18n.t(inStaff ? "mode.staff" : mode.get() == Mode.DOOR ? "mode.door" : "mode.desk"),
                        "header-mode"),
                "header-mode");
        ComboBox<Locale> language = Ui.languagePicker(i18n, "language");
        Button modeButton = inStaff
                ? Ui.id(Ui.button(i18n.t("header.lock"), "header-button", () -> show(Mode.DESK)), "lock")
                : Ui.id(
                        Ui.button(
                                i18n.t("header.staff"),
                                "header-button",
                                () -> askPin(i18n.t("pin.why.staff"), () -> enterStaff("staff mode"))),
                        "staff");
        // the buttons keep their words; a long event name gives way first
        modeButton.setMinWidth(Region.USE_PREF_SIZE);
        language.setMinWidth(Region.USE_PREF_SIZE);
        modeLabel.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        HBox h = new HBox(16, title, modeLabel, Ui.spacer(), language, modeButton);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("header");
        return h;
    }

    /** Staff mode after an accepted PIN: its role acts in staff mode, and the audit log says so. */
    private void enterStaff(String action) {
        Role role = pinGate.acceptedRole();
        staff.actor(role);
        tasks.run(
                () -> {
                    station.kiosk().staffEntered(new Actor(role, Actor.Face.STAFF), action);
                    return role;
                },
                e -> {},
                e -> {});
        show(Mode.STAFF);
    }

    private void askPin(String why, Runnable then) {
        pinGate.ask(why, then);
    }

    private void overlayOwnsKeys(KeyEvent e) {
        if (pinGate.isOpen() && !pinGate.contains(e.getTarget())) {
            e.consume();
            pinGate.takeFocus();
        }
    }

    private void scanned(ScannerInput.Scan scan) {
        String code = scan.code();
        if (pinGate.isOpen()) {
            pinGate.refuseScan();
            return;
        }
        if (setup != null) {
            // the wizard's hub step: a scanned set-up code (whole, even if a stall split the burst)
            if (setup.step() == Step.HUB) {
                setup.join()
                        .submit(SetupCode.looksLikeOne(code) || scan.before().isEmpty() ? code : scan.joined());
            }
            return;
        }
        switch (mode.get()) {
            case DESK -> desk.scan(code, scan.before());
            case SELF -> {
                SelfServiceModel.Screen s = self.screenProperty().get();
                if (s == SelfServiceModel.Screen.WELCOME || s == SelfServiceModel.Screen.FIND) {
                    self.scan(code);
                }
            }
            case STAFF -> staff.scannedForReprint(code);
            case DOOR -> door.scan(code);
        }
    }

    private void keys(KeyEvent e) {
        if (mode.get() == Mode.SELF && e.getCode() == KeyCode.ESCAPE && !pinGate.isOpen()) {
            e.consume();
            askPin(i18n.t("pin.why.leave"), () -> enterStaff("leave self-service"));
        } else if (mode.get() == Mode.SELF && e.getCode() == KeyCode.F4 && e.isAltDown()) {
            e.consume();
            askPin(i18n.t("pin.why.leave"), () -> enterStaff("leave self-service"));
        }
    }

    private void closing(WindowEvent e) {
        if (mode.get() == Mode.SELF) {
            e.consume();
            askPin(i18n.t("pin.why.leave"), () -> enterStaff("leave self-service"));
        }
    }
}
