package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.arrivals.audit.Actor;
import org.arrivals.print.FakeZebraForCli;
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
 * A desk with two printers: the status bar names each with its state; the dashboard counts badges
 * picked up apart from arrivals.
 */
@ExtendWith(ApplicationExtension.class)
class PrinterPoolOnScreenTest {
    @TempDir
    static Path dir;

    private FakeZebraForCli one;
    private FakeZebraForCli second;
    private KioskFixture kiosk;
    private String first;
    private String other;

    @Start
    void start(Stage stage) throws Exception {
        one = new FakeZebraForCli();
        second = new FakeZebraForCli();
        first = "zebra://127.0.0.1:" + one.port();
        other = "zebra://127.0.0.1:" + second.port();
        kiosk = new KioskFixture(dir.resolve("pool-" + System.nanoTime()), Map.of("printer", first + ", " + other));
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.DESK, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
        one.close();
        second.close();
    }

    @Test
    void theStatusBarNamesEachPrinterWithItsState(FxRobot robot) throws Exception {
        assertThat(kiosk.station.printing().target().printers()).hasSize(2);
        one.paperOut(true);
        kiosk.station.printing().probe(first).get(10, TimeUnit.SECONDS);
        kiosk.station.printing().probe(other).get(10, TimeUnit.SECONDS);
        kiosk.shell.status().refresh(Platform::runLater);
        WaitForAsyncUtils.waitForFxEvents();
        String a = first.substring("zebra://".length());
        String b = other.substring("zebra://".length());
        assertThat(robot.lookup("#status-printer").queryAs(Label.class).getText())
                .isEqualTo("Printers: " + a + ": out of labels · " + b + ": ready");
        assertThat(robot.lookup("#status-printer")
                        .queryAs(Label.class)
                        .getTooltip()
                        .getText())
                .isEqualTo(a + " is out of labels. Load a new roll; the badge will print then.");

        kiosk.station.checkIns().pickUp(Actor.desk(), "AR-0001");
        kiosk.station.checkIns().checkIn(Actor.desk(), "AR-0002");
        kiosk.shell.status().refresh(Platform::runLater);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> kiosk.shell.show(KioskSettings.Mode.STAFF))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dash-arrived").queryAs(Label.class).getText()).isEqualTo("1 of 9");
        assertThat(robot.lookup("#dash-picked-up").queryAs(Label.class).getText())
                .isEqualTo("1 of 9");
    }
}
