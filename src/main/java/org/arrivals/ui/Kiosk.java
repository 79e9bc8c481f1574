package org.arrivals.ui;

import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.UnlockView;
import org.arrivals.ui.common.Tasks;
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

    private Kiosk() {
    }

    public static void run(Station s, KioskSettings k, StaffPin p) {
        station = s;
        settings = k;
        pin = p;
        warmUp(s);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Unexpected error on {}", t.getName(), e));
        Application.launch(App.class);
    }

    /**
     * Starts the kiosk locked: the first screen asks for the station key, and {@code open} opens
     * the station with it (it throws with a sentence when the key is wrong). {@code k} and
     * {@code p} are the settings and PINs, read from the station's folder without the key.
     */
    public static void runLocked(Function<StationKey, Station> open, KioskSettings k, StaffPin p) {
        unlock = open;
        settings = k;
        pin = p;
        language = k.language();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Unexpected error on {}", t.getName(), e));
        Application.launch(App.class);
    }

    private static void warmUp(Station s) {
        s.sync().start(); // nothing happens when no hub is configured
        Thread warm = new Thread(() -> s.lookup().warm(), "arrivals-warm");
        warm.setDaemon(true);
        warm.start();
    }

    /** The JavaFX application; public only because JavaFX builds it by reflection. */
    public static final class App extends Application {
        private Shell shell;
        private Tasks tasks;

        @Override
        public void start(Stage stage) {
            Platform.setImplicitExit(true);
            tasks = Tasks.background();
            if (station == null) {
                org.arrivals.ui.common.NameFonts.load(); // the unlock screen in the kiosk's own fonts too
                UnlockView locked = new UnlockView(new I18n(language), tasks, unlock, s -> {
                    station = s;
                    warmUp(s);
                    open(stage);
                });
                stage.setScene(new javafx.scene.Scene(locked.root(), 1280, 800));
                stage.getScene().getStylesheets().add(Kiosk.class.getResource("kiosk.css").toExternalForm());
                stage.setMinWidth(1024);
                stage.setMinHeight(700);
                stage.show();
                LOG.info("Kiosk started locked: waiting for the station key");
                return;
            }
            open(stage);
        }

        private void open(Stage stage) {
            shell = new Shell(stage, station, settings, pin, tasks);
            shell.startStatus();
            stage.setMinWidth(1024);
            stage.setMinHeight(700);
            stage.show();
            LOG.info("Kiosk started in {} mode at station {}", shell.mode(), station.stationId());
            if (Boolean.getBoolean("arrivals.exitWhenReady")) {
                // for measuring start-up (scripts/bench startup): the first frame is drawn, then quit
                javafx.animation.AnimationTimer firstFrame = new javafx.animation.AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        stop();
                        long ms = ProcessHandle.current().info().startInstant()
                                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
                        System.err.println("Ready in " + ms + " ms");
                        Platform.exit();
                    }
                };
                firstFrame.start();
            }
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
