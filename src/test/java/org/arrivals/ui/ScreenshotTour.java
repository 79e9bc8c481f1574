package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.arrivals.station.HubHost;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.sync.protocol.StationRole;
import org.arrivals.ui.common.Tasks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check: {@code scripts/screenshots} runs this under Xvfb with the real window system to
 * save a PNG of every main screen, in English and in Arabic, on the demo event. Skipped unless
 * {@code -Darrivals.screenshots=DIR} is given.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {
    private static final String OUT = System.getProperty("arrivals.screenshots");
    private KioskFixture kiosk;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Assumptions.assumeTrue(OUT != null, "screenshots only on request (scripts/screenshots)");
        this.stage = stage;
        Path home = Files.createTempDirectory("arrivals-tour");
        kiosk = new KioskFixture(home);
        kiosk.station
                .roster()
                .importDemo(org.arrivals.audit.Actor.cli(), 1200, 2026)
                .report();
        kiosk.station.lookup().rosterReloaded();
        stage.setWidth(1280);
        stage.setHeight(800);
        kiosk.start(
                stage,
                new KioskSettings(
                        KioskSettings.Mode.DESK,
                        300,
                        "en",
                        false,
                        "thermal-4x3",
                        "National Immigrant Integration Conference 2026"));
    }

    private void shot(String name) throws Exception {
        shot(name, stage.getScene());
    }

    /** The top window other than the kiosk's own (a form, a dialog). */
    private void shotOfDialog(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        javafx.scene.Scene dialog = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                        .filter(w -> w != stage && w.isShowing() && w.getScene() != null)
                        .map(javafx.stage.Window::getScene)
                        .findFirst()
                        .orElse(stage.getScene()))
                .get(10, TimeUnit.SECONDS);
        shot(name, dialog);
    }

    private void shot(String name, javafx.scene.Scene scene) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WritableImage img =
                WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
            }
        }
        Path dir = Path.of(OUT);
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }

    private void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyMainScreenInEnglishAndArabic(FxRobot robot) throws Exception {
        for (String lang :
                System.getProperty("arrivals.screenshots.languages", "en,ar").split(",")) {
            firstRun(robot, lang);
        }
        fx(() -> stage.setScene(kiosk.shell.scene()));
        for (String lang :
                System.getProperty("arrivals.screenshots.languages", "en,ar").split(",")) {
            fx(() -> kiosk.shell.show(KioskSettings.Mode.DESK));
            fx(() -> kiosk.shell.i18n().setLanguage(lang));
            kiosk.shell.status().refresh(Platform::runLater);
            shot(lang + "-01-desk-ready");
            robot.clickOn("#search").write(lang.equals("ar") ? "محمد" : "garcía");
            shot(lang + "-02-desk-search");
            robot.type(KeyCode.ENTER);
            shot(lang + "-03-desk-checked-in");
            robot.type(KeyCode.ENTER);
            shot(lang + "-04-desk-already");
            robot.type(KeyCode.ESCAPE).write("garber");
            shot(lang + "-04b-desk-blocked");
            robot.type(KeyCode.ESCAPE);
            robot.clickOn("#walkin");
            shotOfDialog(lang + "-04c-desk-walkin");
            String cancel = kiosk.shell.i18n().t("dialog.cancel");
            robot.clickOn(cancel);
            robot.clickOn("#staff");
            shot(lang + "-05-pin");
            robot.clickOn("#pin-field").write(KioskFixture.PIN).type(KeyCode.ENTER);
            kiosk.shell.status().refresh(Platform::runLater);
            shot(lang + "-06-staff-dashboard");
            robot.clickOn("#tab-reprint");
            robot.clickOn("#reprint-search").write(lang.equals("ar") ? "عبد" : "nguyen");
            shot(lang + "-07-staff-reprint");
            robot.clickOn("#tab-queue");
            shot(lang + "-08-staff-queue");
            robot.clickOn("#tab-import");
            shot(lang + "-08b-staff-import");
            robot.clickOn("#tab-settings");
            shot(lang + "-09-staff-settings");
            fx(() -> robot.lookup(".scroll-pane")
                    .queryAll()
                    .forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
            shot(lang + "-09b-staff-admin-settings");
            robot.clickOn("#tab-export");
            shot(lang + "-09c-staff-export");
            fx(() -> kiosk.shell.show(KioskSettings.Mode.SELF));
            fx(() -> kiosk.shell.i18n().setLanguage(lang));
            shot(lang + "-10-self-welcome");
            robot.clickOn("#find");
            for (String k : (lang.equals("ar") ? "محم" : "NGU").split("")) {
                robot.clickOn("#key-" + k);
            }
            shot(lang + "-11-self-find");
            robot.clickOn(robot.lookup("#self-matches")
                    .queryAs(javafx.scene.layout.VBox.class)
                    .getChildren()
                    .get(0));
            robot.clickOn("#self-answer").write(lang.equals("ar") ? "0002" : "0001");
            shot(lang + "-12-self-confirm");
            robot.clickOn("#confirm-yes");
            shot(lang + "-13-self-done");
            fx(() -> kiosk.shell.show(KioskSettings.Mode.DESK));
        }
        assertThat(Files.list(Path.of(OUT)).filter(f -> f.toString().endsWith("-13-self-done.png")))
                .isNotEmpty();
        Platform.runLater(() -> kiosk.shell.stop());
    }

    /** The first-run screen of a fresh station (no hub, no roster), and its sentence for a damaged code. */
    private void firstRun(FxRobot robot, String lang) throws Exception {
        Path home = Files.createTempDirectory("arrivals-first-run");
        try (Station fresh = Station.open(home, "default", Clock.systemUTC())) {
            Shell[] shell = new Shell[1];
            fx(() -> shell[0] = new Shell(
                    stage,
                    fresh,
                    new KioskSettings(KioskSettings.Mode.DESK, 300, lang, false, "thermal-4x3", ""),
                    StaffPin.load(home, Clock.systemUTC()),
                    Tasks.sameThread()));
            shot(lang + "-00-first-run");
            robot.clickOn("#join-code");
            fx(() -> robot.lookup("#join-code").queryTextInputControl().setText("ARRIVALS-SETUP:1.HELLO-WORLD"));
            robot.type(KeyCode.ENTER);
            shot(lang + "-00b-first-run-damaged");
            String code;
            try (HubHost hub = HubHost.open(home.resolve("hub"), null, Clock.systemUTC())) {
                code = hub.addStationWithSetupCode(
                        "desk-2", StationRole.DESK, "https://127.0.0.1:9", null, null); // nothing listens there
            }
            fx(() -> robot.lookup("#join-code").queryTextInputControl().setText(code));
            robot.clickOn("#join-go");
            shot(lang + "-00c-first-run-no-hub");
            fx(() -> shell[0].stop());
        }
    }
}
