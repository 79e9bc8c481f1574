package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.arrivals.print.PrintJob;
import org.arrivals.station.KioskSettings;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Badges;
import org.arrivals.testing.Files2;
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
        kiosk.station.log().checkIn("AR-0001", null);
        Badges.print(kiosk.station, "AR-0001", "zebra://127.0.0.1:" + kiosk.zebra.port(), "thermal-4x3");
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
        Badges.settle(kiosk.station);
        assertThat(kiosk.station.arrivals().events("AR-0001"))
                .extracting(e -> e.kind())
                .containsExactly(EventKind.CHECKED_IN, EventKind.BADGE_PRINTED, EventKind.BADGE_REPRINTED);
        assertThat(kiosk.station.arrivals().arrival("AR-0001").reprints()).isEqualTo(1);
        // the audit log says the supervisor's PIN opened staff mode and who reprinted whose badge, and why
        assertThat(kiosk.station.audit().all())
                .extracting(
                        e -> e.actor() + " " + e.action() + " " + e.subject() + " " + e.detail() + " " + e.stationId())
                .containsExactly(
                        "cli print AR-0001 job 1 desk-1",
                        "supervisor staff mode null null desk-1",
                        "supervisor reprint AR-0001 lost desk-1");
    }

    @Test
    void theImportPreviewShowsFieldsByTheirNamesWhoWouldChangeAndItsProblemsWhichStayAfterTheImport(FxRobot robot)
            throws Exception {
        Path csv = Files2.write(
                dir,
                "more-" + System.nanoTime() + ".csv",
                Files2.crlf(
                        "code,first_name,last_name,organization",
                        "AR-0100,Thandiwe,Moyo,Welcoming Cities",
                        "AR-0001,Minh Khai,Nguyễn Thị Anh,Boat People SOS",
                        ",No,Code,Somewhere"),
                StandardCharsets.UTF_8,
                false);
        unlock(robot);
        robot.clickOn("#tab-import");
        robot.interact(() -> kiosk.shell.staff().previewImport(csv));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#import-columns").queryAs(GridPane.class).getChildren())
                .extracting(n -> n instanceof Label l ? l.getText() : "")
                .contains("First name", "Last name", "Organization", "Attendee code");
        assertThat(robot.lookup("#import-changes").queryAs(ListView.class).getItems())
                .hasSize(2);
        assertThat(robot.lookup("#import-problems").queryAs(TableView.class).getItems())
                .hasSize(1);
        assertThat(kiosk.station.attendees().findByCode("AR-0100"))
                .as("a preview changes nothing")
                .isEmpty();
        robot.clickOn("#import-commit");
        assertThat(kiosk.station.attendees().findByCode("AR-0100")).isPresent();
        assertThat(robot.lookup("#import-problems").queryAs(TableView.class).getItems())
                .as("the problems stay to be read after the import")
                .hasSize(1);
    }

    @Test
    void aFailedBadgeWaitsInTheQueueAndARetryPrintsIt(FxRobot robot) throws Exception {
        kiosk.zebra.paperOut(true);
        kiosk.station.log().checkIn("AR-0005", null);
        Badges.print(kiosk.station, "AR-0005", "zebra://127.0.0.1:" + kiosk.zebra.port(), "thermal-4x3");
        unlock(robot);
        robot.clickOn("#tab-queue");
        TableView<?> table = robot.lookup("#queue-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(((PrintJob) table.getItems().get(0)).state()).isEqualTo(PrintJob.State.FAILED);
        assertThat(robot.lookup("waiting to retry").tryQuery()).isPresent();
        kiosk.zebra.paperOut(false);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get();
        robot.clickOn("#queue-retry");
        // the print worker sends it; the table follows it
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> ((PrintJob) table.getItems().get(0)).state() == PrintJob.State.DONE);
        for (int i = 0; i < 100 && kiosk.zebra.jobCount() < 1; i++) {
            Thread.sleep(50);
        }
        assertThat(kiosk.zebra.jobCount()).isEqualTo(1);
    }

    @Test
    void theDashboardCountsArrivalsAndTheLockReturnsToTheDesk(FxRobot robot) throws Exception {
        kiosk.station.log().checkIn("AR-0001", null);
        kiosk.station.log().checkIn("AR-0002", null);
        kiosk.shell.status().refresh(Platform::runLater);
        WaitForAsyncUtils.waitForFxEvents();
        unlock(robot);
        assertThat(robot.lookup("#dash-arrived").queryAs(Label.class).getText()).isEqualTo("2 of 9");
        assertThat(robot.lookup("#status-arrived").queryAs(Label.class).getText())
                .isEqualTo("Arrived 2 of 9");
        robot.clickOn("#lock");
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.DESK);
    }

    @Test
    void arabicFlipsTheDeskRightToLeftAndKeepsNamesInTheirScript(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> kiosk.shell.i18n().setLanguage("ar")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#search").query().getEffectiveNodeOrientation())
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(robot.lookup("#checkin").queryButton().getText()).isEqualTo("تسجيل الحضور والطباعة - Enter");
        robot.clickOn("#search").write("محمد");
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("محمد عبد الله");
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getFont().getFamily())
                .isEqualTo("Noto Sans Arabic UI");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void setText(FxRobot robot, String id, String text) throws Exception {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> f.setText(text)).get();
    }

    @Test
    void onlyAnAdminExportsTheListOrTheAuditLog(FxRobot robot) throws Exception {
        kiosk.station.log().checkIn("AR-0001", null);
        Path usb = Files.createDirectories(dir.resolve("usb-" + System.nanoTime()));
        unlock(robot);
        robot.clickOn("#tab-export");
        // no USB stick on this machine: nothing is suggested, and the screen says the list would stay here
        assertThat(text(robot, "#export-message")).startsWith("No USB stick is plugged in.");
        assertThat(robot.lookup("#export-folder").queryAs(TextField.class).getText())
                .isEmpty();
        // a folder that is not there (the stick was pulled out): a sentence, and no file anywhere
        setText(robot, "#export-folder", usb.resolve("gone").toString());
        robot.clickOn("#export-list");
        // the whole list needs the admin's PIN; the supervisor's that opened staff mode is not enough
        robot.clickOn("#pin-field").write(KioskFixture.PIN).type(KeyCode.ENTER);
        assertThat(text(robot, "#pin-message")).startsWith("That PIN is not right");
        robot.write(KioskFixture.ADMIN_PIN).type(KeyCode.ENTER);
        assertThat(text(robot, "#export-message"))
                .startsWith("There is no folder ")
                .contains("gone");
        assertThat(usb.resolve("gone")).doesNotExist();

        setText(robot, "#export-folder", usb.toString());
        robot.clickOn("#export-list");
        robot.clickOn("#pin-field").write(KioskFixture.ADMIN_PIN).type(KeyCode.ENTER);
        // a folder on this computer's own disk is asked about first
        assertThat(text(robot, "#gate-confirm-question")).contains("on this computer's own disk");
        robot.clickOn("#gate-confirm-yes");
        assertThat(text(robot, "#export-message"))
                .startsWith("Saved 10 people to ")
                .contains("Saved 0 session attendance rows to arrivals-attendance-desk-1-");
        try (var files = Files.list(usb)) {
            // the list, and beside it the session attendance rows
            List<Path> csvs =
                    files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
            assertThat(csvs).hasSize(2);
            assertThat(csvs.get(0).getFileName().toString()).startsWith("arrivals-attendance-desk-1-");
            assertThat(Files.readString(csvs.get(0))).startsWith("\uFEFFcode,session,entered,left,minutes");
            Path csv = csvs.get(1);
            assertThat(csv.getFileName().toString()).startsWith("arrivals-list-desk-1-");
            assertThat(Files.readString(csv)).contains("Nguyễn Thị", "García López");
        }

        // the supervisor's PIN opened staff mode: the audit log needs the admin's, and the supervisor's is refused
        robot.clickOn("#export-audit");
        robot.clickOn("#pin-field").write(KioskFixture.PIN).type(KeyCode.ENTER);
        assertThat(text(robot, "#pin-message")).startsWith("That PIN is not right");
        robot.write(KioskFixture.ADMIN_PIN).type(KeyCode.ENTER);
        assertThat(text(robot, "#export-message")).startsWith("Saved ").contains("audit entries");
        Path json;
        try (var files = Files.list(usb)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        var entries = new ObjectMapper().readTree(json.toFile());
        assertThat(entries)
                .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
                .contains("supervisor staff mode", "admin export");
        // the audit export itself is recorded once it is written
        assertThat(kiosk.station.audit().all())
                .extracting(e -> e.actor() + " " + e.action())
                .endsWith("admin export audit");
        // the audit log names no one
        assertThat(Files.readString(json)).doesNotContain("Nguyễn").doesNotContain("Minh");
    }

    @Test
    void theKiosksOwnSettingsNeedTheAdminsPin(FxRobot robot) throws Exception {
        unlock(robot);
        robot.clickOn("#tab-settings");
        setText(robot, "#admin-idle", "soon");
        robot.clickOn("#admin-save");
        robot.clickOn("#pin-field").write(KioskFixture.ADMIN_PIN).type(KeyCode.ENTER);
        assertThat(text(robot, "#admin-message")).isEqualTo("Give the seconds as a whole number from 5 to 3600.");

        setText(robot, "#admin-idle", "45");
        @SuppressWarnings("unchecked")
        ComboBox<KioskSettings.Mode> mode = robot.lookup("#admin-mode").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Locale> language = robot.lookup("#admin-language").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> {
                    mode.setValue(KioskSettings.Mode.SELF);
                    language.setValue(Locale.forLanguageTag("es"));
                })
                .get();
        robot.clickOn("#admin-save");
        // a supervisor's PIN does not save them
        robot.clickOn("#pin-field").write(KioskFixture.PIN).type(KeyCode.ENTER);
        assertThat(text(robot, "#pin-message")).startsWith("That PIN is not right");
        assertThat(KioskSettings.load(kiosk.station.home()).idleSeconds()).isEqualTo(30);
        robot.write(KioskFixture.ADMIN_PIN).type(KeyCode.ENTER);
        assertThat(text(robot, "#admin-message")).isEqualTo("Saved. They take effect when Arrivals next starts.");
        KioskSettings saved = KioskSettings.load(kiosk.station.home());
        assertThat(saved.idleSeconds()).isEqualTo(45);
        assertThat(saved.mode()).isEqualTo(KioskSettings.Mode.SELF);
        assertThat(saved.language()).isEqualTo("es");
        assertThat(kiosk.station.audit().all()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.action()).isEqualTo("configuration");
            assertThat(e.detail()).contains("kiosk.idle.seconds=45");
        });
    }
}
