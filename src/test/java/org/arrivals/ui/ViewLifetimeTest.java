package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
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

/**
 * A kiosk runs all day and rebuilds its screens at every mode switch and language change; the
 * models live on. A screen that was left must be collectable, or each switch leaks a screen.
 */
@ExtendWith(ApplicationExtension.class)
class ViewLifetimeTest {
    @TempDir
    static Path dir;

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new KioskFixture(dir.resolve("life-" + System.nanoTime()));
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.DESK, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    @Test
    void screensThatWereLeftAreCollected(FxRobot robot) throws Exception {
        List<WeakReference<Node>> left = new ArrayList<>();
        kiosk.shell.status().refresh(Platform::runLater);
        for (int i = 0; i < 3; i++) {
            left.add(new WeakReference<>(
                    robot.lookup("#search").query().getParent().getParent()));
            left.add(new WeakReference<>(robot.lookup("#status-network").query().getParent()));
            WaitForAsyncUtils.asyncFx(() -> kiosk.shell.show(KioskSettings.Mode.STAFF))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            left.add(new WeakReference<>(robot.lookup("#dash-arrived").query()));
            left.add(new WeakReference<>(robot.lookup(".staff-tabs").query()));
            left.add(new WeakReference<>(robot.lookup("#chart-by-type").query()));
            left.add(new WeakReference<>(robot.lookup("#settings-printer").query()));
            WaitForAsyncUtils.asyncFx(() -> kiosk.shell.show(KioskSettings.Mode.DESK))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            String language = i % 2 == 0 ? "es" : "en";
            WaitForAsyncUtils.asyncFx(() -> kiosk.shell.i18n().setLanguage(language))
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
        }
        // the models still change after the screens are gone: nothing may reach back to them
        kiosk.shell.status().refresh(Platform::runLater);
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 20 && left.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(left.stream()
                        .map(r -> r.get() == null
                                ? "collected"
                                : r.get().getClass().getSimpleName()))
                .as("screens left behind")
                .containsOnly("collected");
    }
}
