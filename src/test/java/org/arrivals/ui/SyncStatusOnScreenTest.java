package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.arrivals.station.KioskSettings;
import org.arrivals.sync.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar and dashboard say online or offline, what waits, and what each station did, from a real hub. */
@ExtendWith(ApplicationExtension.class)
class SyncStatusOnScreenTest {
    @TempDir
    static Path dir;

    private TestHub hub;
    private KioskFixture kiosk;

    @Start
    void start(Stage stage) throws Exception {
        Path here = dir.resolve("sync-" + System.nanoTime());
        hub = TestHub.h2(here.resolve("hub"));
        kiosk = new KioskFixture(
                here.resolve("station"), Map.of("hub.url", hub.uri().toString(), "hub.token", hub.token("desk-1")));
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.DESK, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
        if (hub.running()) {
            hub.kill();
        }
        hub.proxy.close();
    }

    private String network(FxRobot robot) {
        kiosk.shell.status().refresh(Platform::runLater);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#status-network").queryAs(Label.class).getText();
    }

    @Test
    void offlineCheckInsWaitAndTheBarSaysSoUntilTheHubAnswers(FxRobot robot) throws Exception {
        hub.kill();
        kiosk.station.log().checkIn("AR-0001", null);
        assertThatThrownBy(() -> kiosk.station.sync().syncOnce()).isNotNull();
        assertThat(network(robot)).startsWith("Offline. Waiting to sync: 1. Last sync never");
        hub.restart();
        kiosk.station.sync().syncOnce();
        assertThat(network(robot)).startsWith("Online. Waiting to sync: 0. Last sync ");
    }

    @Test
    void theDashboardListsEveryStationTheLogHasHeardFrom(FxRobot robot) throws Exception {
        kiosk.station.log().checkIn("AR-0001", null);
        kiosk.station.log().checkIn("AR-0002", null);
        kiosk.station.sync().syncOnce();
        kiosk.shell.status().refresh(Platform::runLater);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> kiosk.shell.show(KioskSettings.Mode.STAFF))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dash-stations").queryAs(Label.class).getText())
                .contains("Online. Waiting to sync: 0.")
                .contains("desk-1: 2 check-ins, last at ");
    }
}
