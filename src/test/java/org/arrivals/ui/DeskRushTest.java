package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.audit.Actor;
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
 * The desk under a rush, as volunteers met it: scanner bursts split by stalls of the FX thread,
 * Enter pressed before the matches caught up, scans while a form or the PIN is open, and what the
 * card shows. The key clock is the fixture's: a stall is a jump of it between two keys.
 */
@ExtendWith(ApplicationExtension.class)
class DeskRushTest {
    @TempDir
    static Path dir;

    private KioskFixture kiosk;

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new KioskFixture(dir.resolve("rush-" + System.nanoTime()), Map.of("scanner.prefix", "F12"));
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.DESK, 30));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    private Set<String> arrived() {
        return kiosk.station.arrivals().arrivedCodes();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Types {@code code} as a scanner does, with the FX thread stalled after the first {@code before} keys. */
    private void scanWithStall(FxRobot robot, String code, int before) {
        kiosk.scannerSpeed();
        robot.write(code.substring(0, before));
        kiosk.clock.addAndGet(300_000_000L); // the FX thread was busy: the next key looks 300 ms later
        robot.write(code.substring(before));
        robot.type(KeyCode.ENTER);
        kiosk.personSpeed();
    }

    @Test
    void aBurstSplitByAStallAfterItsFirstLetterIsStillOneScanOfItsPerson(FxRobot robot) {
        robot.clickOn("#search");
        scanWithStall(robot, "AR-0007", 1);
        assertThat(arrived()).containsExactly("AR-0007");
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void aBurstSplitInTheMiddleOrNotABurstAtAllIsStillAScan(FxRobot robot) {
        robot.clickOn("#search");
        scanWithStall(robot, "AR-0005", 4); // two halves, neither with Enter a burst of four
        scanWithStall(robot, "AR-0006", 6);
        // typed at a person's speed, a whole code and Enter: a code is a code however it arrives
        robot.write("AR-0009").type(KeyCode.ENTER);
        assertThat(arrived()).containsExactlyInAnyOrder("AR-0005", "AR-0006", "AR-0009");
    }

    @Test
    void enterChecksInTheBestMatchOfWhatIsTypedNowNotAnOlderKeystrokes(FxRobot robot) {
        robot.clickOn("#search").write("gar");
        // the list shows matches for "gar"; then "y" is typed and Enter pressed at once
        robot.write("y").type(KeyCode.ENTER);
        assertThat(arrived()).containsExactly("AR-0007"); // Gary, not Garber or Garfield
    }

    @Test
    void aScannerPrefixMakesAScanCertainHoweverSlowlyItsKeysArrive(FxRobot robot) {
        robot.clickOn("#search");
        kiosk.personSpeed();
        robot.type(KeyCode.F12);
        robot.write("AR-0001").type(KeyCode.ENTER);
        assertThat(arrived()).containsExactly("AR-0001");
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText())
                .as("a prefixed scan's keys reach no field")
                .isEmpty();
    }

    @Test
    void aScanWhileTheWalkInFormIsOpenIsNeverTypedIntoItsFields(FxRobot robot) {
        robot.clickOn("#search");
        robot.type(KeyCode.F4);
        robot.clickOn("#field-first").write("Yohannes");
        kiosk.scannerSpeed();
        robot.write("AR-0002").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(robot.lookup("#field-first").queryAs(TextField.class).getText())
                .isEqualTo("Yohannes");
        assertThat(robot.lookup("#dialog-message").queryAs(Label.class).getText())
                .startsWith("A code was scanned");
        robot.clickOn("Cancel");
        assertThat(arrived()).isEmpty();
    }

    @Test
    void aCodeTypedAsAWalkInsNameRegistersNoOne(FxRobot robot) {
        robot.clickOn("#search");
        robot.type(KeyCode.F4);
        robot.clickOn("#field-first").write("AR-0002"); // a slow scanner, or a volunteer copying the code
        robot.clickOn("Save");
        assertThat(text(robot, "#desk-message")).startsWith("That looks like a scanned code");
        assertThat(arrived()).isEmpty();
        assertThat(kiosk.station
                        .checkIns()
                        .person("AR-0002")
                        .orElseThrow()
                        .arrival()
                        .checkedIn())
                .isFalse();
    }

    @Test
    void ctrlZNamesWhomItUndoesAndAsksWhenThatIsNotThePersonOnTheCard(FxRobot robot) {
        robot.clickOn("#search").write("gary").type(KeyCode.ENTER);
        assertThat(robot.lookup("#undo").queryButton().getText()).isEqualTo("Undo Gary Nakamura (Ctrl+Z)");
        robot.type(KeyCode.ESCAPE).write("selam");
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("Selam Tesfaye");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(text(robot, "#gate-confirm-question")).startsWith("Undo the check-in of Gary Nakamura?");
        assertThat(arrived()).containsExactly("AR-0007");
        robot.clickOn("#gate-confirm-yes");
        assertThat(arrived()).isEmpty();
    }

    @Test
    void onlyOneUndoIsShownAndABlockedRegistrationsButtonSaysWhy(FxRobot robot) {
        robot.clickOn("#search").write("gary").type(KeyCode.ENTER);
        assertThat(robot.lookup("#undo").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#undo-arrival").queryButton().isVisible()).isFalse();
        robot.type(KeyCode.ESCAPE).write("garber");
        Button checkIn = robot.lookup("#checkin").queryButton();
        assertThat(checkIn.isDisabled()).isTrue();
        assertThat(checkIn.getText()).isEqualTo("Not checked in: registration cancelled");
    }

    @Test
    void aMessageAboutOnePersonGoesWhenAnotherIsShown(FxRobot robot) {
        robot.clickOn("#search").write("gary").type(KeyCode.ENTER);
        assertThat(text(robot, "#desk-message")).startsWith("Gary Nakamura is checked in");
        robot.type(KeyCode.ESCAPE).write("selam");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#desk-message")).isEmpty();
    }

    @Test
    void theCardShowsTheBadgeNameAndTheRegisteredNameAndKeepsThePersonAcrossLanguages(FxRobot robot) {
        kiosk.station.checkIns().edit(Actor.desk(), "AR-0003", Map.of(AttendeeField.BADGE_NAME, "Anita"));
        robot.clickOn("#search").write("ana garc");
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("Anita — Ana García López");
        // Esperanza's card, then the language changes: the card keeps her
        robot.type(KeyCode.ESCAPE).write("mendes");
        robot.interact(() -> kiosk.shell.i18n().setLanguage("es"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#card-name").queryAs(Label.class).getText()).isEqualTo("Garcia Mendes");
    }

    @Test
    void thePinGateOwnsTheKeyboardAndAScanIsNotTypedIntoIt(FxRobot robot) {
        robot.clickOn("#search").write("garber");
        robot.clickOn("#override");
        robot.clickOn("#pin-reason").write("Paid at the door");
        kiosk.scannerSpeed();
        robot.write("AR-0002").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(robot.lookup("#pin-reason").queryAs(TextField.class).getText())
                .isEqualTo("Paid at the door");
        assertThat(text(robot, "#pin-message")).startsWith("A code was scanned");
        assertThat(arrived()).isEmpty();
        // keys aimed at the desk behind it go into the gate
        robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).requestFocus());
        robot.write("1");
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEqualTo("garber");
    }

    @Test
    void cancellingTheWalkInFormKeepsTheScreensLanguage(FxRobot robot) {
        robot.interact(() -> kiosk.shell.i18n().setLanguage("ar"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#search");
        robot.type(KeyCode.F4);
        robot.clickOn("#field-first").write("Yohannes");
        robot.clickOn(kiosk.shell.i18n().t("dialog.cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(kiosk.shell.i18n().language()).isEqualTo("ar");
        assertThat(arrived()).isEmpty();
    }
}
