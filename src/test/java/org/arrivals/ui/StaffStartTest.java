package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.station.KioskSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A kiosk started with --mode staff: the PIN box has the keyboard, and the desk behind it never sees the PIN. */
@ExtendWith(ApplicationExtension.class)
class StaffStartTest {
    @TempDir
    static Path dir;

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new KioskFixture(dir.resolve("staff-" + System.nanoTime()));
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.STAFF, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    @Test
    void thePinTypedAtStartGoesIntoThePinBoxNotTheSearchBox(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        // no click: whoever starts the kiosk just types
        robot.write(KioskFixture.PIN);
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
        robot.type(KeyCode.ENTER);
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.STAFF);
    }
}
