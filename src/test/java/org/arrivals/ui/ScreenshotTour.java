package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.arrivals.audit.Actor;
import org.arrivals.station.HubHost;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationSetup;
import org.arrivals.sync.protocol.StationRole;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.UnlockView;
import org.arrivals.ui.setup.KeyModel;
import org.arrivals.ui.setup.KeyView;
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
    private static KioskFixture kiosk;
    private Stage stage;

    /** The demo event on its second day, loaded before the window starts (it takes longer than a window's start may). */
    @org.junit.jupiter.api.BeforeAll
    static void prepare() throws Exception {
        Assumptions.assumeTrue(OUT != null, "screenshots only on request (scripts/screenshots)");
        Path home = Files.createTempDirectory("arrivals-tour");
        kiosk = new KioskFixture(home);
        kiosk.station.roster().importDemo(Actor.cli(), 1200, 2026).report();
        busyEvent(kiosk.station);
        kiosk.station.lookup().rosterReloaded();
    }

    @Start
    void start(Stage stage) throws Exception {
        Assumptions.assumeTrue(OUT != null, "screenshots only on request (scripts/screenshots)");
        this.stage = stage;
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

    /**
     * Day 2 of the demo event: most people came yesterday and many today, sessions are under way
     * (the small workshop nearly full), some delegations are not complete.
     */
    static void busyEvent(org.arrivals.station.Station station) {
        var cli = org.arrivals.audit.Actor.cli();
        java.time.ZoneId zone = station.sessions().zone();
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        station.sessions().importDemo(cli, today.minusDays(1));
        java.time.Instant yesterday =
                today.minusDays(1).atTime(7, 45).atZone(zone).toInstant();
        java.time.Instant now = java.time.Instant.now();
        java.util.Random random = new java.util.Random(7);
        for (int i = 1; i <= 1200; i++) {
            String code = String.format("AR-%06d", i);
            if (i % 10 < 8) {
                station.checkIns().checkInAt(cli, code, yesterday.plusSeconds(random.nextInt(9000)));
            }
            if (i % 10 < 6) {
                station.checkIns().checkInAt(cli, code, now.minusSeconds(60 + random.nextInt(7200)));
            }
        }
        // today's first block: people in the rooms (the small workshop nearly full)
        String[] rooms = {"D2-B1-T1", "D2-B1-T2", "D2-B1-T3", "D2-B1-T4", "D2-B1-T7", "D2-B1-T9"};
        int[] people = {70, 55, 40, 90, 120, 18};
        int next = 1;
        for (int r = 0; r < rooms.length; r++) {
            for (int k = 0; k < people[r]; k++) {
                station.sessions()
                        .scan(
                                cli,
                                rooms[r],
                                String.format("AR-%06d", next++),
                                org.arrivals.session.SessionService.Door.ENTRANCE,
                                false,
                                now.minusSeconds(30));
            }
        }
    }

    private void shot(String name) throws Exception {
        shot(name, stage.getScene());
    }

    /** The top window other than the kiosk's own (a form, a dialog). */
    private void shotOfDialog(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        Scene dialog = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                        .filter(w -> w != stage && w.isShowing() && w.getScene() != null)
                        .map(Window::getScene)
                        .findFirst()
                        .orElse(stage.getScene()))
                .get(10, TimeUnit.SECONDS);
        shot(name, dialog);
    }

    private void shot(String name, Scene scene) throws Exception {
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
            setupKey(lang);
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
            fx(() -> kiosk.shell.i18n().setLanguage(lang)); // the real window system's click may reach the header
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
            Path sample = Files.createTempFile("arrivals-tour", ".csv");
            Files.writeString(
                    sample,
                    "Attendee #,Order #,First Name,Last Name,Company,Attendee Status\r\n"
                            + "900001,500001,Thandiwe,Moyo,Welcoming Cities,Attending\r\n"
                            + "900002,500002,Rahel,Tesfaye,Ethiopian Community Center,Attending\r\n"
                            + "900003,500003,,,Unknown,Attending\r\n"
                            + "900004,500004,Omar,Haddad,Arab American Family Services,Cancelled\r\n");
            fx(() -> kiosk.shell.staff().previewImport(sample));
            shot(lang + "-08b-staff-import");
            robot.clickOn("#tab-settings");
            shot(lang + "-09-staff-settings");
            fx(() -> robot.lookup(".scroll-pane").queryAll().forEach(n -> ((ScrollPane) n).setVvalue(1)));
            shot(lang + "-09b-staff-admin-settings");
            robot.clickOn("#tab-export");
            shot(lang + "-09c-staff-export");
            robot.clickOn("#tab-dashboard");
            kiosk.shell.status().refresh(Platform::runLater);
            fx(() -> robot.lookup(".dashboard-scroll")
                    .queryAll()
                    .forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
            shot(lang + "-06b-staff-dashboard-sessions");
            robot.clickOn("#tab-delegations");
            fx(() -> robot.lookup("#delegation-search")
                    .queryAs(javafx.scene.control.TextField.class)
                    .clear());
            robot.clickOn("#delegation-search").write("refugee");
            shot(lang + "-09d-staff-delegations-several");
            robot.clickOn("#delegation-matches");
            robot.type(KeyCode.DOWN);
            robot.clickOn("#delegation-choose-missing");
            shot(lang + "-09e-staff-delegation");
            fx(() -> kiosk.shell.show(KioskSettings.Mode.DOOR));
            fx(() -> kiosk.shell.door().chooseRoom("Workshop B"));
            fx(() -> kiosk.shell.door().sessionsShown().stream()
                    .filter(x -> x.id().startsWith("D2-B1"))
                    .findFirst()
                    .ifPresent(x -> kiosk.shell.door().choose(x)));
            shot(lang + "-14-door-nearly-full");
            robot.clickOn("#door-code").write("AR-000999").type(KeyCode.ENTER);
            robot.clickOn("#door-code").write("AR-000998").type(KeyCode.ENTER);
            shot(lang + "-15-door-full");
            robot.clickOn("#door-code").write("AR-000997").type(KeyCode.ENTER);
            shot(lang + "-16-door-refused");
            fx(() -> kiosk.shell.door().choose(null));
            fx(() -> kiosk.shell.door().chooseRoom("Room 101"));
            robot.clickOn("#door-code").write("AR-001159").type(KeyCode.ENTER);
            shot(lang + "-17-door-not-checked-in");
            fx(() -> kiosk.shell.show(KioskSettings.Mode.SELF));
            fx(() -> kiosk.shell.i18n().setLanguage(lang));
            shot(lang + "-10-self-welcome");
            robot.clickOn("#find");
            for (String k : (lang.equals("ar") ? "محم" : "NGU").split("")) {
                robot.clickOn("#key-" + k);
            }
            shot(lang + "-11-self-find");
            robot.clickOn(robot.lookup("#self-matches")
                    .queryAs(VBox.class)
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
            // the rest of the wizard: working alone, the roster's preview, the printer, the PINs, the mode
            robot.clickOn("#join-skip");
            Path sample = Files.createTempFile("arrivals-tour", ".csv");
            Files.writeString(
                    sample,
                    "Attendee #,Order #,First Name,Last Name,Company,Attendee Status\r\n"
                            + "900001,500001,Thandiwe,Moyo,Welcoming Cities,Attending\r\n"
                            + "900002,500002,رحاب,حداد,Arab American Family Services,Attending\r\n"
                            + "900003,500003,,,Unknown,Attending\r\n");
            fx(() -> shell[0].staff().previewImport(sample));
            shot(lang + "-00d-setup-roster");
            robot.clickOn("#setup-next");
            robot.clickOn("#setup-zebra").write("127.0.0.1:" + kiosk.zebra.port());
            robot.clickOn("#setup-zebra-use");
            robot.clickOn("#setup-test-print");
            shot(lang + "-00e-setup-printer");
            robot.clickOn("#setup-print-yes");
            robot.clickOn("#setup-pin-supervisor").write("482916");
            robot.clickOn("#setup-pin-supervisor-again").write("482917");
            robot.clickOn("#setup-pins-save");
            shot(lang + "-00f-setup-pins");
            robot.clickOn("#setup-pin-supervisor").write("482916");
            robot.clickOn("#setup-pin-supervisor-again").write("482916");
            robot.clickOn("#setup-pin-admin").write("735104");
            robot.clickOn("#setup-pin-admin-again").write("735104");
            robot.clickOn("#setup-pins-save");
            shot(lang + "-00g-setup-mode");
            fx(() -> shell[0].stop());
        }
    }

    /** The wizard's first step on a station with no event: a key file found on a "USB stick". */
    private void setupKey(String lang) throws Exception {
        Path usb = Files.createTempDirectory("arrivals-usb");
        Files.createDirectories(usb.resolve("KEYSTICK"));
        Files.writeString(usb.resolve("KEYSTICK").resolve(StationSetup.KEY_FILE), "tour-station-key\n");
        fx(() -> {
            I18n i18n = new I18n(lang);
            KeyModel model = new KeyModel(
                    Tasks.sameThread(),
                    i18n,
                    k -> {
                        throw new IllegalStateException("not opened in the tour");
                    },
                    opened -> {},
                    List.of(usb));
            Scene scene = new Scene(new KeyView(model, i18n).root(), 1280, 800);
            scene.getStylesheets().add(Kiosk.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
        });
        shot(lang + "-00a-setup-key");
        // a later start without the key, the stick plugged in: the unlock screen offers its key file
        fx(() -> {
            I18n i18n = new I18n(lang);
            UnlockView unlock = new UnlockView(
                    i18n,
                    Tasks.sameThread(),
                    k -> {
                        throw new IllegalStateException("not opened in the tour");
                    },
                    opened -> {},
                    List.of(usb));
            Scene scene = new Scene(unlock.root(), 1280, 800);
            scene.getStylesheets().add(Kiosk.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
        });
        shot(lang + "-00h-unlock-usb");
    }
}
