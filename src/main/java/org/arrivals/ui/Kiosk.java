package org.arrivals.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.arrivals.search.SearchHit;
import org.arrivals.startup.Timeline;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.station.StationSetup;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.NameFonts;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Ui;
import org.arrivals.ui.common.UnlockView;
import org.arrivals.ui.setup.KeyModel;
import org.arrivals.ui.setup.KeyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the kiosk window on an open station and returns when it closes. The station is opened
 * before the window (so the FX thread never waits for the database); the search index is warmed
 * in the background while the first screen draws.
 */
public final class Kiosk {
    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    private static volatile Station station;
    private static volatile KioskSettings settings;
    private static volatile StaffPin pin;
    /** Set when the kiosk starts locked: opens the station with the key typed on screen. */
    private static volatile Function<StationKey, Station> unlock;

    private static volatile String language;
    /** Why the kiosk starts locked although a key was meant to be given (a message key), or null. */
    private static volatile String lockedReason;
    /** Set when the kiosk opens its station beside the window: the station, once open. */
    private static volatile CompletableFuture<Station> opening;
    /** True when the event has no database yet: the first screen is the set-up wizard's key step. */
    private static volatile boolean fresh;
    /** Where the wizard looks for a station key file on a USB stick. */
    private static volatile List<Path> usbRoots = List.of();
    /** The kiosk's tasks: in the background, or (tests) in order on the FX thread. */
    static volatile Supplier<Tasks> tasksMaker = Tasks::background;
    /** When JavaFX was asked to start (see {@link Timeline}). */
    private static volatile long launchedAt;

    private Kiosk() {}

    /**
     * The station the window ended on, or null: after joining a hub on the first-run screen it is
     * not the one the kiosk was started with (that one is closed), and whoever started the kiosk
     * closes this one too.
     */
    public static Station station() {
        return station;
    }

    public static void run(Station s, KioskSettings k, StaffPin p) {
        station = s;
        settings = k;
        pin = p;
        warmUp(s);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Unexpected error on {}", t.getName(), e));
        launch();
    }

    private static void launch() {
        Timeline.record("command line", Timeline.endOf("jvm"));
        launchedAt = Timeline.now();
        Application.launch(App.class);
    }

    /**
     * Starts the kiosk locked: the first screen asks for the station key, and {@code open} opens
     * the station with it (it throws with a sentence when the key is wrong). {@code k} and
     * {@code p} are the settings and PINs, read from the station's folder without the key.
     */
    /**
     * Starts the kiosk and, at the same moment, opens the station with {@code key} on a thread of
     * its own: deriving the key (PBKDF2, about half a second) and opening the database overlap the
     * start of JavaFX instead of coming before it. The window says "Opening the event" until the
     * station is open; a key that does not open it leads to the unlock screen, with the reason.
     */
    public static void runOpening(Function<StationKey, Station> open, StationKey key, KioskSettings k, StaffPin p) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Unexpected error on {}", t.getName(), e));
        opening = new CompletableFuture<>();
        Thread opener = new Thread(
                () -> {
                    try {
                        Station s;
                        try (Timeline.Span span = Timeline.begin("open the event")) {
                            s = open.apply(key);
                        }
                        // the index is built from here on, while the desk is made and drawn
                        warmUp(s);
                        opening.complete(s);
                    } catch (Throwable e) {
                        opening.completeExceptionally(e);
                    }
                },
                "arrivals-open");
        opener.setDaemon(true);
        opener.start();
        runLocked(open, k, p);
        // the window closed: let an open still under way finish, so its station is closed, not cut off
        try {
            opener.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts locked because the key that was meant to open the station could not be read (a key
     * file on a USB stick that is not plugged in): the unlock screen says so, in the station's
     * language ({@code reasonKey}), instead of the kiosk failing before it has a window.
     */
    public static void runLocked(Function<StationKey, Station> open, KioskSettings k, StaffPin p, String reasonKey) {
        lockedReason = reasonKey;
        runLocked(open, k, p);
    }

    public static void runLocked(Function<StationKey, Station> open, KioskSettings k, StaffPin p) {
        prepareLocked(open, k, p, false, List.of());
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Unexpected error on {}", t.getName(), e));
        launch();
    }

    /**
     * Starts a station that has no event yet: the set-up wizard instead of the unlock screen. Its
     * first step takes the station key (a key file found under {@code roots}, or typed twice),
     * then the wizard goes on with the open station: a hub or a roster, the printer, the PINs,
     * the mode.
     */
    public static void runFirstRun(Function<StationKey, Station> open, KioskSettings k, StaffPin p, List<Path> roots) {
        prepareLocked(open, k, p, true, roots);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Unexpected error on {}", t.getName(), e));
        launch();
    }

    /** The state a locked start needs, set without launching JavaFX (tests start {@link App} on their own stage). */
    static void prepareLocked(
            Function<StationKey, Station> open, KioskSettings k, StaffPin p, boolean firstRun, List<Path> roots) {
        unlock = open;
        settings = k;
        pin = p;
        language = k.language();
        fresh = firstRun;
        usbRoots = roots;
    }

    /** Forgets the station, the opening and the reason of an earlier start in this JVM (tests start the kiosk again). */
    static void forgetEarlierStart() {
        station = null;
        opening = null;
        lockedReason = null;
    }

    /** How long the names' fonts wait for a first search before they are loaded anyway. */
    private static final long FONTS_AFTER_MS = 1500;

    private static void warmUp(Station s) {
        s.sync().start(); // nothing happens when no hub is configured
        Thread warm = new Thread(
                () -> {
                    try (Timeline.Span span = Timeline.begin("index")) {
                        s.lookup().warm();
                    }
                    // then the fonts of names in other scripts (13 MB), off the way of the first screen,
                    // the index and a first search (a name in those scripts waits for them if it comes first)
                    try {
                        s.lookup().searched().get(FONTS_AFTER_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException later) {
                        // no search yet: load them now
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    NameFonts.load();
                },
                "arrivals-warm");
        warm.setDaemon(true);
        warm.start();
    }

    /** The JavaFX application; public only because JavaFX builds it by reflection. */
    public static final class App extends Application {
        private Shell shell;
        private Tasks tasks;

        @Override
        public void start(Stage stage) {
            Timeline.record("javafx", launchedAt);
            Platform.setImplicitExit(true);
            tasks = tasksMaker.get();
            if (station != null) {
                open(stage);
                return;
            }
            NameFonts.loadScreens(); // the first screens in the kiosk's own fonts too (names' fonts come later)
            I18n i18n = new I18n(language);
            stage.setMinWidth(1024);
            stage.setMinHeight(700);
            if (opening != null) {
                Label wait = Ui.id(Ui.label(i18n.t("unlock.opening"), "pin-title"), "opening");
                show(stage, Ui.overlay(new StackPane(wait), 460, i18n));
                afterNextFrame(() -> Timeline.mark("first frame"));
                opening.whenComplete((s, e) -> Platform.runLater(() -> {
                    if (e == null) {
                        station = s;
                        open(stage);
                    } else {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        LOG.warn("The station did not open with the key given: {}", cause.getMessage());
                        locked(stage, i18n).say(UnlockView.reason(i18n, cause));
                    }
                }));
                return;
            }
            if (fresh) {
                firstRun(stage, i18n);
                LOG.info("Kiosk started on a station with no event: the set-up wizard");
                return;
            }
            UnlockView view = locked(stage, i18n);
            if (lockedReason != null) {
                view.say(i18n.t(lockedReason));
            }
            LOG.info("Kiosk started locked: waiting for the station key");
        }

        /** The wizard's key step; the language chosen there is the station's from then on. */
        private void firstRun(Stage stage, I18n i18n) {
            KeyModel model = new KeyModel(
                    tasks,
                    i18n,
                    unlock,
                    s -> {
                        station = s;
                        settings = settings.withLanguage(i18n.language());
                        warmUp(s);
                        open(stage);
                    },
                    usbRoots);
            show(stage, new KeyView(model, i18n).root());
            i18n.localeProperty().addListener((o, was, now) -> {
                if (station == null) {
                    stage.getScene().setRoot(new KeyView(model, i18n).root());
                }
            });
        }

        /** The shell on the open station (a test drives it). */
        Shell shell() {
            return shell;
        }

        private UnlockView locked(Stage stage, I18n i18n) {
            UnlockView view = new UnlockView(i18n, tasks, unlock, s -> {
                station = s;
                warmUp(s);
                open(stage);
            });
            show(stage, view.root());
            return view;
        }

        private static void show(Stage stage, Parent root) {
            if (stage.getScene() == null) {
                stage.setScene(new Scene(root, 1280, 800));
                stage.getScene()
                        .getStylesheets()
                        .add(Kiosk.class.getResource("kiosk.css").toExternalForm());
            } else {
                stage.getScene().setRoot(root);
            }
            stage.show();
        }

        private void open(Stage stage) {
            long building = Timeline.now();
            shell = new Shell(stage, station, settings, pin, tasks);
            Timeline.record("desk built", building);
            Shell made = shell;
            made.onReopened(s -> {
                // joined a hub on the first-run screen: the window again, on the station under its new name,
                // and the wizard goes on where it was
                StationSetup.Step resume = made.setupResumesAt();
                station = s;
                warmUp(s);
                open(stage);
                if (resume != null) {
                    shell.continueSetup(resume);
                }
            });
            shell.startStatus();
            stage.setMinWidth(1024);
            stage.setMinHeight(700);
            stage.show();
            LOG.info("Kiosk started in {} mode at station {}", shell.mode(), station.stationId());
            String readyFile = System.getProperty("arrivals.readyFile");
            if (readyFile != null && !readyFile.isBlank()) {
                // for tools that drive the real window (the scan rush test): the desk is drawn and open
                Platform.runLater(() -> {
                    try {
                        Files.writeString(Path.of(readyFile), "ready\n");
                    } catch (IOException e) {
                        LOG.warn("Cannot write the ready file {}: {}", readyFile, e.toString());
                    }
                });
            }
            afterNextFrame(() -> {
                Timeline.mark("desk frame");
                if (Boolean.getBoolean("arrivals.exitWhenReady")) {
                    // for measuring start-up (scripts/bench startup): the desk is drawn; quit once it answers a search
                    long ready = Timeline.now();
                    long asked = Timeline.now();
                    tasks.query(
                            () -> {
                                List<SearchHit> hits = station.lookup().search("a", 1);
                                Timeline.mark("search answered");
                                return hits;
                            },
                            hits -> {
                                Timeline.record("first search", asked);
                                Timeline.print(System.err);
                                System.err.println("Ready in " + ready + " ms");
                                System.err.println("Usable in " + Timeline.now() + " ms");
                                Platform.exit();
                            },
                            e -> Platform.exit());
                }
            });
        }

        /** Runs {@code then} on the FX thread once the next frame has been drawn. */
        private static void afterNextFrame(Runnable then) {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    then.run();
                }
            }.start();
        }

        @Override
        public void stop() {
            if (shell != null) {
                shell.stop();
            }
            tasks.shutdown();
            LOG.info("Kiosk closed");
        }
    }
}
