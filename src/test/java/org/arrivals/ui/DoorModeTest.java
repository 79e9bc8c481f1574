package org.arrivals.ui;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.audit.Actor;
import org.arrivals.session.ScheduleImport;
import org.arrivals.station.KioskSettings;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The door of a session room: the current session chosen, every scan an entry (or an exit),
 * inside / seats in large type that turns red when full, a supervisor's PIN to let someone into a
 * full room, a word about someone not checked in at registration today; in English and Arabic.
 */
@ExtendWith(ApplicationExtension.class)
class DoorModeTest {
    @TempDir
    static Path dir;

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) throws Exception {
        Path home = dir.resolve("door-" + System.nanoTime());
        kiosk = new KioskFixture(home);
        String today = LocalDate.now().toString();
        ScheduleImport s = kiosk.station
                .sessions()
                .importSchedule(
                        Actor.cli(),
                        Files2.write(
                                home,
                                "schedule.csv",
                                crlf(
                                        "Session ID,Title,Track,Room,Date,Start,End,Capacity",
                                        "T1,Housing First for Newly Arrived Families,Resettlement,Room 101," + today
                                                + ",00:00,23:59,2",
                                        "T2,Adult ESL,Language,Room 102," + today + ",00:00,23:59,"),
                                StandardCharsets.UTF_8,
                                false),
                        null,
                        false);
        assertThat(s.outcome()).isEqualTo(ScheduleImport.Outcome.IMPORTED);
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.DOOR, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void scan(FxRobot robot, String code) {
        robot.clickOn("#door-code").write(code).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scansCountPeopleInAndAFullRoomNeedsASupervisor(FxRobot robot) {
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.DOOR);
        assertThat(text(robot, "#door-title")).isEqualTo("Housing First for Newly Arrived Families");
        assertThat(text(robot, "#door-count")).isEqualTo("0 / 2");

        scan(robot, "AR-0001");
        assertThat(text(robot, "#door-message")).isEqualTo("Welcome, Minh Khai Nguyễn Thị.");
        assertThat(text(robot, "#door-warning")).contains("has not checked in at registration today");
        assertThat(text(robot, "#door-count")).isEqualTo("1 / 2");

        kiosk.station.checkIns().checkIn(Actor.desk(), "AR-0003");
        scan(robot, "AR-0003");
        assertThat(robot.lookup("#door-warning").queryAs(Label.class).isVisible())
                .isFalse();
        assertThat(text(robot, "#door-count")).isEqualTo("2 / 2");
        assertThat(text(robot, "#door-state")).isEqualTo("Full");
        assertThat(robot.lookup(".door-panel").query().getStyleClass()).contains("fill-full");

        scan(robot, "AR-0005");
        assertThat(text(robot, "#door-message")).startsWith("The room is full: Selam Tesfaye cannot come in");
        assertThat(kiosk.station.sessions().count("T1").orElseThrow().inside()).isEqualTo(2);
        robot.clickOn("#door-admit");
        robot.clickOn("#pin-field").write(KioskFixture.PIN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#door-count")).isEqualTo("3 / 2");
        assertThat(kiosk.station.audit().all())
                .anyMatch(e ->
                        e.action().equals("session-over-capacity") && e.actor().equals("supervisor"));

        robot.clickOn("#door-exit");
        scan(robot, "AR-0001");
        assertThat(text(robot, "#door-message")).isEqualTo("Goodbye, Minh Khai Nguyễn Thị.");
        assertThat(text(robot, "#door-count")).isEqualTo("2 / 2");
        scan(robot, "NOBODY");
        assertThat(text(robot, "#door-message")).isEqualTo("No attendee has this code.");
    }

    @Test
    void theDoorSpeaksArabicWithItsOwnDigits(FxRobot robot) throws Exception {
        scan(robot, "AR-0002");
        WaitForAsyncUtils.asyncFx(() -> kiosk.shell.i18n().setLanguage("ar")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#header-mode")).isEqualTo("باب الجلسة");
        assertThat(text(robot, "#door-count")).isEqualTo("١ / ٢");
        assertThat(text(robot, "#door-caption")).isEqualTo("في الداخل / المقاعد");
        scan(robot, "AR-0002");
        assertThat(text(robot, "#door-message")).isEqualTo("محمد عبد الله في الداخل بالفعل. لم يُسجَّل شيء.");
    }
}
