package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.arrivals.station.KioskSettings;
import org.arrivals.ui.self.SelfServiceModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The attendee's station: find your name on the touch keyboard, confirm, collect; idle reset; PIN. */
@ExtendWith(ApplicationExtension.class)
class SelfServiceModeTest {
    @TempDir
    static Path dir;

    private KioskFixture kiosk;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        kiosk = new KioskFixture(dir.resolve("self-" + System.nanoTime()));
        // the shortest idle time the settings file allows is 5 s; the test's own settings go lower
        kiosk.start(stage, KioskFixture.settings(KioskSettings.Mode.SELF, 2));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    private VBox matches(FxRobot robot) {
        return robot.lookup("#self-matches").queryAs(VBox.class);
    }

    private void touchKeys(FxRobot robot, String letters) {
        for (char c : letters.toCharArray()) {
            robot.clickOn("#key-" + Character.toUpperCase(c));
        }
    }

    @Test
    void findYourNameShowsAtMostFiveFirstNamesWithInitialsThenConfirmPrintsTheBadge(FxRobot robot) throws Exception {
        robot.clickOn("#find");
        touchKeys(robot, "ga");
        assertThat(matches(robot).getChildren())
                .as("fewer than three letters show no one")
                .isEmpty();
        touchKeys(robot, "r");
        assertThat(matches(robot).getChildren()).hasSize(5);
        String shown = robot.lookup("#self-matches").queryAll().stream()
                .map(this::allText)
                .reduce("", String::concat);
        assertThat(shown)
                .doesNotContain("García López")
                .doesNotContain("Garber")
                .doesNotContain("@");
        touchKeys(robot, "cia");
        Button only = (Button) matches(robot).getChildren().get(0);
        assertThat(allText(only)).contains("Ana G.").contains("Centro Legal de la Raza");
        robot.clickOn(only);
        assertThat(robot.lookup("#confirm-name").queryAs(Label.class).getText()).isEqualTo("Ana G.");
        // no email is known for her: the last four characters of her registration code
        assertThat(robot.lookup("#verify-question").queryAs(Label.class).getText())
                .contains("last four characters");
        robot.clickOn("#self-answer").write("0003");
        robot.clickOn("#confirm-yes");
        assertThat(robot.lookup("#done-title").queryAs(Label.class).getText()).isEqualTo("Welcome, Ana!");
        assertThat(kiosk.station.arrivals().arrival("AR-0003").checkedIn()).isTrue();
        for (int i = 0; i < 100 && kiosk.zebra.jobCount() < 1; i++) {
            Thread.sleep(50);
        }
        assertThat(kiosk.zebra.jobCount()).isEqualTo(1);
    }

    @Test
    void aNameMatchWithoutTheRightAnswerPrintsNothingAndRecordsNothing(FxRobot robot) throws Exception {
        robot.clickOn("#find");
        touchKeys(robot, "garcia");
        robot.clickOn((Button) matches(robot).getChildren().get(0));
        for (String guess : List.of("1234", "9999")) {
            robot.clickOn("#self-answer").write(guess);
            robot.clickOn("#confirm-yes");
            assertThat(robot.lookup("#verify-message").queryAs(Label.class).getText())
                    .startsWith("That is not it.");
        }
        robot.clickOn("#self-answer").write("0000");
        robot.clickOn("#confirm-yes");
        assertThat(robot.lookup("#desk-reason").queryAs(Label.class).getText())
                .isEqualTo("We could not confirm it is you.");
        assertThat(kiosk.station.arrivals().arrival("AR-0003").checkedIn()).isFalse();
        assertThat(kiosk.station.arrivals().allEvents()).isEmpty();
        Thread.sleep(300);
        assertThat(kiosk.zebra.jobCount()).isZero();
    }

    @Test
    void anOrganizationOrOneLetterWordsListNoOne(FxRobot robot) {
        robot.clickOn("#find");
        touchKeys(robot, "refugee");
        assertThat(matches(robot).getChildren()).as("an organization's word").isEmpty();
        robot.clickOn("#self-query").write(" g");
        assertThat(matches(robot).getChildren()).as("a word of one letter").isEmpty();
    }

    private String allText(Node n) {
        StringBuilder b = new StringBuilder();
        if (n instanceof Label l) {
            b.append(l.getText()).append('|');
        }
        if (n instanceof Button btn && btn.getGraphic() != null) {
            b.append(allText(btn.getGraphic()));
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                b.append(allText(c));
            }
        }
        return b.toString();
    }

    @Test
    void aScannedConfirmationCodeChecksInFromTheWelcomeScreen(FxRobot robot) {
        kiosk.scannerSpeed();
        robot.write("AR-0002").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(robot.lookup("#done-title").queryAs(Label.class).getText()).isEqualTo("Welcome, محمد!");
        kiosk.scannerSpeed();
        robot.clickOn("#done-ok");
        robot.write("AR-0002").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(robot.lookup("#desk-reason").queryAs(Label.class).getText())
                .isEqualTo("You are already checked in.");
    }

    @Test
    void onALaterDayAPersonChecksInForTheDayAndKeepsTheBadgeTheyHave(FxRobot robot) {
        // yesterday: checked in at a desk and given a badge
        kiosk.station.log().checkIn("AR-0003", null, java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        kiosk.station.log().badgePrinted("AR-0003");
        kiosk.scannerSpeed();
        robot.write("AR-0003").type(KeyCode.ENTER);
        kiosk.personSpeed();
        assertThat(robot.lookup("#done-title").queryAs(Label.class).getText()).isEqualTo("Welcome, Ana!");
        assertThat(robot.lookup(".self-subtitle").queryAll())
                .anyMatch(n -> ((Label) n)
                        .getText()
                        .equals("You are checked in for today. Please wear the badge you already have."));
        assertThat(kiosk.station.printing().jobs()).isEmpty();
        assertThat(kiosk.station.arrivals().arrival("AR-0003").days()).hasSize(2);
    }

    @Test
    void someoneWhoAnsweredWronglyAndWalkedAwayLeavesNoNameOnTheScreen(FxRobot robot) throws Exception {
        robot.clickOn("#find");
        touchKeys(robot, "garcia");
        robot.clickOn((Button) matches(robot).getChildren().get(0));
        robot.clickOn("#self-answer").write("9999");
        robot.clickOn("#confirm-yes");
        assertThat(robot.lookup("#verify-message").queryAs(Label.class).getText())
                .startsWith("That is not it.");
        assertThat(robot.lookup("#confirm-name").tryQuery()).isPresent();
        // the person walks away from the confirm screen: the idle reset
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#self-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirm-name").tryQuery()).isEmpty();
        assertThat(robot.lookup("#self-title").tryQuery()).isPresent();
    }

    @Test
    void leftIdleTheStationForgetsWhatWasTypedAndReturnsToWelcome(FxRobot robot) throws Exception {
        robot.clickOn("#find");
        touchKeys(robot, "gar");
        assertThat(matches(robot).getChildren()).isNotEmpty();
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#self-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#find");
        assertThat(robot.lookup("#self-query").queryAs(TextField.class).getText())
                .isEmpty();
        assertThat(matches(robot).getChildren()).isEmpty();
    }

    @Test
    void leavingNeedsTheStaffPinWhetherByEscapeOrClosingTheWindow(FxRobot robot) throws Exception {
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#pin-field").tryQuery()).isPresent();
        robot.clickOn("#pin-cancel");
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("closing is caught").isTrue();
        assertThat(robot.lookup("#pin-field").tryQuery()).isPresent();
        for (char c : "1111".toCharArray()) {
            robot.clickOn("#pin-key-" + c);
        }
        robot.clickOn("#pin-key-ok");
        assertThat(robot.lookup("#pin-message").queryAs(Label.class).getText())
                .isEqualTo("That PIN is not right. 4 tries left before a pause.");
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.SELF);
        for (char c : KioskFixture.PIN.toCharArray()) {
            robot.clickOn("#pin-key-" + c);
        }
        robot.clickOn("#pin-key-ok");
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.STAFF);
    }

    @Test
    void aPinBoxLeftOpenGoesWithTheIdleResetAndEveryWrongPinIsAudited(FxRobot robot) throws Exception {
        robot.type(KeyCode.ESCAPE);
        for (char c : "1111".toCharArray()) {
            robot.clickOn("#pin-key-" + c);
        }
        robot.clickOn("#pin-key-ok");
        assertThat(kiosk.station.audit().all())
                .extracting(e -> e.actor() + " " + e.action() + " " + e.detail())
                .contains("attendee pin refused for supervisor at self-service");
        // nobody touches it: the idle reset closes it, as it would any other screen
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#pin-field").tryQuery().isEmpty());
        assertThat(kiosk.shell.mode()).isEqualTo(KioskSettings.Mode.SELF);
        assertThat(robot.lookup("#self-title").tryQuery()).isPresent();
    }

    @Test
    void thePersianKeyboardTypesPersianLettersAndItsRowsRunRightToLeft(FxRobot robot) {
        robot.clickOn("#find");
        robot.clickOn("#key-layout"); // Arabic
        robot.clickOn("#key-layout"); // Persian
        robot.clickOn("#key-پ");
        robot.clickOn("#key-ک");
        assertThat(robot.lookup("#self-query").queryAs(TextField.class).getText())
                .isEqualTo("پک");
        Node row = robot.lookup("#key-پ").query().getParent();
        assertThat(row.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
    }

    @Test
    void aLockedPinGateCountsDownTheSecondsLeft(FxRobot robot) throws Exception {
        robot.type(KeyCode.ESCAPE);
        for (int i = 0; i < 6; i++) {
            for (char c : "1111".toCharArray()) {
                robot.clickOn("#pin-key-" + c);
            }
            robot.clickOn("#pin-key-ok");
        }
        String first = robot.lookup("#pin-message").queryAs(Label.class).getText();
        assertThat(first).startsWith("Too many wrong PINs. Try again in ");
        int before = Integer.parseInt(first.replaceAll("\\D+", ""));
        Thread.sleep(1300); // less than the idle time: the gate stays
        String later = robot.lookup("#pin-message").queryAs(Label.class).getText();
        assertThat(Integer.parseInt(later.replaceAll("\\D+", ""))).isLessThan(before);
        assertThat(kiosk.station.audit().all()).extracting(e -> e.action()).contains("pin locked out");
    }

    @Test
    void arabicTurnsTheScreenRightToLeftAndTheIdleResetReturnsToTheStationsLanguage(FxRobot robot) throws Exception {
        robot.clickOn("#lang-ar");
        assertThat(robot.lookup("#self-title").queryAs(Label.class).getText()).isEqualTo("أهلًا وسهلًا");
        assertThat(robot.lookup("#self-title").queryAs(Label.class).getEffectiveNodeOrientation())
                .isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        robot.clickOn("#find");
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#self-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#self-title").queryAs(Label.class).getText()).isEqualTo("Welcome");
        assertThat(robot.lookup("#self-title").queryAs(Label.class).getEffectiveNodeOrientation())
                .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
    }

    @Test
    void everyTouchTargetIsAtLeast48PixelsAndEveryControlHasAccessibleText(FxRobot robot) {
        checkTargets(robot, "welcome");
        robot.clickOn("#find");
        touchKeys(robot, "gar");
        checkTargets(robot, "find");
        robot.clickOn((Button) matches(robot).getChildren().get(0));
        checkTargets(robot, "confirm");
        assertThat(SelfServiceModel.MAX_MATCHES).isEqualTo(5);
    }

    private void checkTargets(FxRobot robot, String screen) {
        var buttons = robot.lookup(".button").queryAllAs(Button.class);
        assertThat(buttons).as(screen).isNotEmpty();
        for (Button b : buttons) {
            if (!b.isVisible()) {
                continue;
            }
            assertThat(b.getHeight())
                    .as(screen + ": height of " + b.getAccessibleText())
                    .isGreaterThanOrEqualTo(48);
            assertThat(b.getWidth())
                    .as(screen + ": width of " + b.getAccessibleText())
                    .isGreaterThanOrEqualTo(48);
            assertThat(b.getAccessibleText()).as(screen + ": accessible text").isNotBlank();
        }
    }
}
