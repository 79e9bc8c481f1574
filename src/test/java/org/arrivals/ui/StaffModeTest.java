package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.checkin.EventKind;
import org.arrivals.print.PrintJob;
import org.arrivals.station.KioskSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Staff mode behind the PIN: a reprint needs a reason and is counted; the queue retries a failed badge. */
@ExtendWith(ApplicationExtension.class)
class StaffModeTest {
    @TempDir
    static Path dir;
    private KioskFixture kiosk;

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new KioskFixture(dir.resolve("staff-" + System.nanoTime()));
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.DESK, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    private void unlock(FxRobot robot) {
        robot.clickOn("#staff");
        robot.clickOn("#pin-field").write(KioskFixture.PIN).type(KeyCode.ENTER);
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.STAFF);
    }

    @Test
    void aReprintNeedsAReasonAndIsRecordedAndCounted(FxRobot robot) throws Exception {
        kiosk.station.checkIns().checkIn("AR-0001", null);
        kiosk.station.printing().print("AR-0001", "zebra://127.0.0.1:" + kiosk.zebra.port(), "thermal-4x3");
        unlock(robot);
        robot.clickOn("#tab-reprint");
        robot.clickOn("#reprint-search").write("minh");
        robot.clickOn("#reprint-go");
        assertThat(robot.lookup("#reprint-message").queryAs(Label.class).getText())
                .isEqualTo("Choose a person and a reason first.");
        @SuppressWarnings("unchecked")
        ComboBox<String> reason = robot.lookup("#reprint-reason").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> reason.setValue("lost")).get();
        robot.clickOn("#reprint-go");
        assertThat(robot.lookup("#reprint-message").queryAs(Label.class).getText())
                .isEqualTo("A new badge for Minh Khai Nguyễn Thị is printing.");
        assertThat(kiosk.station.checkIns().events("AR-0001")).extracting(e -> e.kind())
                .containsExactly(EventKind.CHECKED_IN, EventKind.BADGE_PRINTED, EventKind.BADGE_REPRINTED);
        assertThat(kiosk.station.checkIns().arrival("AR-0001").reprints()).isEqualTo(1);
        // the audit log says the supervisor's PIN opened staff mode and who reprinted whose badge, and why
        assertThat(kiosk.station.audit().all()).extracting(e -> e.actor() + " " + e.action() + " " + e.subject()
                + " " + e.detail() + " " + e.stationId())
                .containsExactly("supervisor staff mode null null desk-1", "supervisor reprint AR-0001 lost desk-1");
    }

    @Test
    void aFailedBadgeWaitsInTheQueueAndARetryPrintsIt(FxRobot robot) throws Exception {
        kiosk.zebra.paperOut(true);
        kiosk.station.checkIns().checkIn("AR-0005", null);
        kiosk.station.printing().print("AR-0005", "zebra://127.0.0.1:" + kiosk.zebra.port(), "thermal-4x3");
        unlock(robot);
        robot.clickOn("#tab-queue");
        TableView<?> table = robot.lookup("#queue-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(((PrintJob) table.getItems().get(0)).state()).isEqualTo(PrintJob.State.FAILED);
        assertThat(robot.lookup("waiting to retry").tryQuery()).isPresent();
        kiosk.zebra.paperOut(false);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get();
        robot.clickOn("#queue-retry");
        assertThat(((PrintJob) table.getItems().get(0)).state()).isEqualTo(PrintJob.State.DONE);
        for (int i = 0; i < 100 && kiosk.zebra.jobCount() < 1; i++) {
            Thread.sleep(50);
        }
        assertThat(kiosk.zebra.jobCount()).isEqualTo(1);
    }

    @Test
    void theDashboardCountsArrivalsAndTheLockReturnsToTheDesk(FxRobot robot) throws Exception {
        kiosk.station.checkIns().checkIn("AR-0001", null);
        kiosk.station.checkIns().checkIn("AR-0002", null);
        kiosk.shell.status().refresh(javafx.application.Platform::runLater);
        WaitForAsyncUtils.waitForFxEvents();
        unlock(robot);
        assertThat(robot.lookup("#dash-arrived").queryAs(Label.class).getText()).isEqualTo("2 of 9");
        assertThat(robot.lookup("#status-arrived").queryAs(Label.class).getText()).isEqualTo("Arrived 2 of 9");
        robot.clickOn("#lock");
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.DESK);
    }

    @Test
    void arabicFlipsTheDeskRightToLeftAndKeepsNamesInTheirScript(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> kiosk.shell.i18n().setLanguage("ar")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#search").query().getEffectiveNodeOrientation())
                .isEqualTo(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        assertThat(robot.lookup("#checkin").queryButton().getText()).isEqualTo("تسجيل الحضور والطباعة - Enter");
        robot.clickOn("#search").write("محمد");
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("محمد عبد الله");
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getFont().getFamily()).isEqualTo("Noto Sans Arabic UI");
    }
}
