package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.checkin.CheckInEvent;
import org.arrivals.checkin.Uuid7;
import org.arrivals.station.KioskSettings;
import org.arrivals.sync.protocol.EventKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The registration desk driven as a volunteer would: typing, scanning, Enter, undo, a walk-in. */
@ExtendWith(ApplicationExtension.class)
class DeskModeTest {
    @TempDir
    static Path dir;

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new KioskFixture(dir.resolve("desk-" + System.nanoTime()));
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.DESK, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#desk-message").queryAs(Label.class).getText();
    }

    @Test
    void typingANameShowsMatchesAndEnterChecksInAndPrintsOneBadge(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("nguy");
        ListView<?> results = robot.lookup("#results").queryAs(ListView.class);
        assertThat(results.getItems()).hasSize(1);
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("Minh Khai Nguyễn Thị");
        robot.type(KeyCode.ENTER);
        assertThat(message(robot)).isEqualTo("Minh Khai Nguyễn Thị is checked in. The badge is printing.");
        robot.write("sel");
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText())
                .as("the next name replaces the last")
                .isEqualTo("sel");
        assertThat(kiosk.station.arrivals().events("AR-0001"))
                .extracting(e -> e.kind())
                .containsExactly(EventKind.CHECKED_IN, EventKind.BADGE_PRINTED);
        waitForJobs(1);
    }

    @Test
    void resultsFollowEveryKeystroke(FxRobot robot) {
        robot.clickOn("#search").write("gar");
        int afterThree =
                robot.lookup("#results").queryAs(ListView.class).getItems().size();
        robot.write("c");
        int afterFour =
                robot.lookup("#results").queryAs(ListView.class).getItems().size();
        assertThat(afterThree).isGreaterThan(afterFour).isGreaterThanOrEqualTo(5);
        assertThat(afterFour).isBetween(1, 3);
    }

    @Test
    void aScannerBurstChecksInWhereverTheFocusIsAndReplacesWhatWasTyped(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("ana");
        robot.clickOn("#results"); // the focus leaves the search box
        kiosk.scannerSpeed();
        robot.write("AR-0005").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(message(robot)).isEqualTo("Selam Tesfaye is checked in. The badge is printing.");
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("Selam Tesfaye");
        assertThat(kiosk.station.arrivals().arrival("AR-0005").checkedIn()).isTrue();
        waitForJobs(1);
    }

    @Test
    void aScanTypedIntoTheSearchBoxIsTakenBackOutOfIt(FxRobot robot) {
        robot.clickOn("#search");
        kiosk.scannerSpeed();
        robot.write("AR-0007").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
        assertThat(kiosk.station.arrivals().arrival("AR-0007").checkedIn()).isTrue();
    }

    @Test
    void theSecondScanWarnsAlreadyCheckedInWithStationAndTimeAndPrintsNothing(FxRobot robot) throws Exception {
        robot.clickOn("#search");
        kiosk.scannerSpeed();
        robot.write("AR-0003").type(KeyCode.ENTER);
        robot.write("AR-0003").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(robot.lookup("#card-alert").queryAs(Label.class).getText())
                .startsWith("Already checked in at desk-1");
        waitForJobs(1);
        Thread.sleep(300);
        assertThat(kiosk.zebra.jobCount()).isEqualTo(1);
        assertThat(kiosk.station.arrivals().events("AR-0003"))
                .extracting(e -> e.kind())
                .containsExactly(EventKind.CHECKED_IN, EventKind.BADGE_PRINTED);
    }

    @Test
    void aCancelledRegistrationIsFlaggedAndNotCheckedIn(FxRobot robot) {
        robot.clickOn("#search").write("garber");
        assertThat(robot.lookup("#card-alert").queryAs(Label.class).getText())
                .isEqualTo("Registration cancelled: do not check in. A supervisor can help.");
        robot.type(KeyCode.ENTER);
        assertThat(kiosk.station.arrivals().arrival("AR-0004").checkedIn()).isFalse();
    }

    @Test
    void aStaffNoteShowsOnTheCard(FxRobot robot) {
        robot.clickOn("#search").write("ana garc");
        assertThat(robot.lookup("#card-alert").queryAs(Label.class).getText())
                .isEqualTo("Note from staff: Needs a seat near the stage");
    }

    @Test
    void undoTakesBackTheLastCheckIn(FxRobot robot) {
        robot.clickOn("#search").write("gary");
        robot.type(KeyCode.ENTER);
        assertThat(kiosk.station.arrivals().arrival("AR-0007").checkedIn()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(kiosk.station.arrivals().arrival("AR-0007").checkedIn()).isFalse();
        assertThat(message(robot)).isEqualTo("Check-in of Gary Nakamura undone.");
    }

    @Test
    void aMissingPrinterIsASentenceAndTheCheckInStaysRecorded(FxRobot robot) throws Exception {
        kiosk.zebra.paperOut(true);
        robot.clickOn("#search").write("garfield");
        robot.type(KeyCode.ENTER);
        // the check-in does not wait for the printer; the print worker's answer follows in a moment
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> message(robot).contains("did not print"));
        assertThat(message(robot))
                .startsWith("Garfield Okafor is checked in, but the badge did not print: ")
                .contains("out of labels");
        assertThat(kiosk.station.arrivals().arrival("AR-0006").checkedIn()).isTrue();
        assertThat(kiosk.station.printing().jobs())
                .singleElement()
                .satisfies(j -> assertThat(j.state().name()).isEqualTo("FAILED"));
    }

    @Test
    void aWalkInIsRegisteredCheckedInAndPrinted(FxRobot robot) throws Exception {
        robot.clickOn("#search");
        robot.type(KeyCode.F4);
        robot.clickOn("#field-first").write("Yohannes");
        robot.clickOn("#field-last").write("Bekele");
        robot.clickOn("#field-org").write("Ethiopian Community Center");
        robot.clickOn("Save");
        assertThat(message(robot)).isEqualTo("Yohannes Bekele is checked in. The badge is printing.");
        waitForJobs(1);
    }

    @Test
    void aSupervisorChecksInABlockedRegistrationWithTheirPinAndTheAuditLogSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("garber");
        assertThat(robot.lookup("#override").queryButton().isVisible()).isTrue();
        robot.clickOn("#override");
        // the reason comes first, and a PIN without one is refused with a sentence
        robot.clickOn("#pin-field").write("1111").type(KeyCode.ENTER);
        assertThat(robot.lookup("#pin-message").queryAs(Label.class).getText())
                .isEqualTo("Say why this person is admitted anyway; the reason is recorded.");
        robot.clickOn("#pin-reason").write("Paid at the door");
        // a volunteer who guesses is refused, and nothing is recorded
        robot.clickOn("#pin-field").write("1111").type(KeyCode.ENTER);
        assertThat(robot.lookup("#pin-message").queryAs(Label.class).getText()).startsWith("That PIN is not right");
        assertThat(kiosk.station.arrivals().arrival("AR-0004").checkedIn()).isFalse();
        robot.write(KioskFixture.PIN).type(KeyCode.ENTER);
        assertThat(kiosk.station.arrivals().arrival("AR-0004").checkedIn()).isTrue();
        assertThat(kiosk.station.arrivals().events("AR-0004").get(0).details())
                .contains("overrodeStatus", "cancelled", "Paid at the door");
        assertThat(robot.lookup("#override").queryButton().isVisible())
                .as("done: no second override")
                .isFalse();
        assertThat(kiosk.station.audit().all()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("supervisor");
            assertThat(e.action()).isEqualTo("override");
            assertThat(e.subject()).isEqualTo("AR-0004");
        });
        waitForJobs(1);
    }

    @Test
    void undoingAnotherStationsCheckInNeedsASupervisorButOneMadeHereDoesNot(FxRobot robot) throws Exception {
        long at = System.currentTimeMillis() - 60_000;
        kiosk.station
                .remote()
                .applyRemote(List.of(new CheckInEvent(
                        Uuid7.at(at),
                        "AR-0008",
                        EventKind.CHECKED_IN,
                        "desk-2",
                        OffsetDateTime.now().minusMinutes(1),
                        at << 16,
                        null)));
        robot.clickOn("#search").write("mendes");
        assertThat(robot.lookup("#card-alert").queryAs(Label.class).getText())
                .startsWith("Already checked in at desk-2");
        robot.clickOn("#undo-arrival");
        assertThat(robot.lookup("#pin-field").tryQuery())
                .as("the PIN is asked for")
                .isPresent();
        robot.clickOn("#pin-cancel");
        assertThat(kiosk.station.arrivals().arrival("AR-0008").checkedIn())
                .as("cancelled: nothing undone")
                .isTrue();
        robot.clickOn("#undo-arrival");
        robot.clickOn("#pin-field").write(KioskFixture.PIN).type(KeyCode.ENTER);
        assertThat(kiosk.station.arrivals().arrival("AR-0008").checkedIn()).isFalse();
        assertThat(message(robot)).startsWith("Check-in of ").endsWith(" undone.");
        assertThat(kiosk.station.audit().all()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("supervisor");
            assertThat(e.action()).isEqualTo("undo");
            assertThat(e.detail()).isEqualTo("checked in at desk-2");
        });

        // checked in here, a while ago (not the last one, so not Ctrl+Z's): a volunteer undoes it without a PIN
        assertThat(robot.lookup("#search").queryAs(TextField.class).isFocused())
                .as("typing goes on")
                .isTrue();
        robot.type(KeyCode.ESCAPE).write("gary").type(KeyCode.ENTER);
        robot.write("garfield").type(KeyCode.ENTER);
        robot.write("gary");
        assertThat(robot.lookup("#card-alert").queryAs(Label.class).getText())
                .startsWith("Already checked in at desk-1");
        robot.clickOn("#undo-arrival");
        assertThat(robot.lookup("#pin-field").tryQuery()).isEmpty();
        assertThat(kiosk.station.arrivals().arrival("AR-0007").checkedIn()).isFalse();
        assertThat(kiosk.station.audit().all())
                .filteredOn(e -> "AR-0007".equals(e.subject()) && e.action().equals("undo"))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("volunteer"));
    }

    @Test
    void ctrlZOnACheckInThatSyncMadeAnotherStationsIsRefusedAndTheSupervisorsUndoIsOffered(FxRobot robot) {
        robot.clickOn("#search").write("gary").type(KeyCode.ENTER);
        assertThat(kiosk.station.arrivals().arrival("AR-0007").stationId()).isEqualTo("desk-1");
        // meanwhile desk-2 undid it and checked Gary in itself; sync brings both here
        long later = System.currentTimeMillis() + 5_000;
        kiosk.station
                .remote()
                .applyRemote(List.of(
                        new CheckInEvent(
                                Uuid7.at(later),
                                "AR-0007",
                                EventKind.CHECK_IN_UNDONE,
                                "desk-2",
                                OffsetDateTime.now(),
                                later << 16,
                                null),
                        new CheckInEvent(
                                Uuid7.at(later + 1),
                                "AR-0007",
                                EventKind.CHECKED_IN,
                                "desk-2",
                                OffsetDateTime.now(),
                                (later + 1) << 16,
                                null)));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(message(robot)).isEqualTo("This check-in was made at desk-2: undoing it needs a supervisor.");
        assertThat(kiosk.station.arrivals().arrival("AR-0007").checkedIn()).isTrue();
        assertThat(robot.lookup("#undo-arrival").queryButton().isVisible())
                .as("the supervisor's undo is offered")
                .isTrue();
    }

    private void waitForJobs(int n) throws InterruptedException {
        for (int i = 0; i < 100 && kiosk.zebra.jobCount() < n; i++) {
            Thread.sleep(50);
        }
        assertThat(kiosk.zebra.jobCount()).isEqualTo(n);
    }
}
