package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.arrivals.audit.Actor;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.station.StationSetup;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.UnlockView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A kiosk started again without its key, with the key's USB stick plugged in: the unlock screen offers the
 * stick's key file, and it opens the station (the key itself is never stored).
 */
@ExtendWith(ApplicationExtension.class)
class UnlockFromUsbTest {
    @TempDir
    static Path dir;

    private Path home;
    private Path keyFile;
    private final AtomicReference<Station> unlocked = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        home = dir.resolve("home-" + System.nanoTime());
        try (Station s = Station.open(
                home, "default", null, Clock.systemUTC(), null, StationKey.passphrase("the stick's station key"))) {
            s.roster().importDemo(Actor.cli(), 5, 3).report();
        }
        Path media = dir.resolve("media-" + System.nanoTime());
        keyFile = media.resolve("KEYSTICK").resolve(StationSetup.KEY_FILE);
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, "the stick's station key\n", StandardCharsets.UTF_8);
        UnlockView view = new UnlockView(
                new I18n("en"),
                Tasks.sameThread(),
                key -> Station.open(home, "default", null, Clock.systemUTC(), null, key),
                unlocked::set,
                List.of(media));
        Scene scene = new Scene(view.root(), 800, 600);
        scene.getStylesheets().add(Shell.class.getResource("kiosk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        if (unlocked.get() != null) {
            unlocked.get().close();
        }
    }

    @Test
    void theKeyFileOnTheStickOpensTheStation(FxRobot robot) {
        assertThat(robot.lookup("#unlock-usb-path").queryAs(Label.class).getText())
                .isEqualTo(keyFile.toString());
        assertThat(unlocked.get()).isNull();
        robot.clickOn("#unlock-usb");
        assertThat(unlocked.get()).isNotNull();
        assertThat(unlocked.get().attendees().all()).hasSize(5);
    }
}
