package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.audit.Actor;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
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

/** A kiosk started without its key asks for it on screen, and opens the station only with the right one. */
@ExtendWith(ApplicationExtension.class)
class UnlockScreenTest {
    @TempDir
    static Path dir;

    private Path home;
    private final AtomicReference<Station> unlocked = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        home = dir.resolve("unlock-" + System.nanoTime());
        try (Station s = Station.open(
                home, "default", null, Clock.systemUTC(), null, StationKey.passphrase("the right station key"))) {
            s.roster().importDemo(Actor.cli(), 4, 3).report();
        }
        UnlockView view = new UnlockView(
                new I18n("en"),
                Tasks.sameThread(),
                key -> Station.open(home, "default", null, Clock.systemUTC(), null, key),
                unlocked::set);
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
    void aWrongKeyIsRefusedInASentenceAndTheRightOneOpensTheStation(FxRobot robot) {
        robot.clickOn("#unlock-field").write("a wrong station key").type(KeyCode.ENTER);
        assertThat(robot.lookup("#unlock-message").queryAs(Label.class).getText())
                .isEqualTo("That key does not unlock this station. Check it and try again.");
        assertThat(unlocked.get()).isNull();

        robot.clickOn("#unlock-field").write("short").type(KeyCode.ENTER);
        assertThat(robot.lookup("#unlock-message").queryAs(Label.class).getText())
                .isEqualTo("A station key has at least 8 characters. Check it and try again.");
        // counted as the key is, in UTF-8 bytes: seven Arabic letters and digits are a key long enough to try
        robot.clickOn("#unlock-field").write("مفتاح26").type(KeyCode.ENTER);
        assertThat(robot.lookup("#unlock-message").queryAs(Label.class).getText())
                .isEqualTo("That key does not unlock this station. Check it and try again.");

        robot.clickOn("#unlock-field").write("the right station key");
        robot.clickOn("#unlock-ok");
        assertThat(unlocked.get()).isNotNull();
        assertThat(unlocked.get().attendees().all()).hasSize(4);
    }
}
