package org.arrivals.ui;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.audit.Role;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.print.Printers;
import org.arrivals.station.HubHost;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.station.StationSetup;
import org.arrivals.station.StationSetup.Step;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.StationRole;
import org.arrivals.testing.Files2;
import org.arrivals.ui.common.Tasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fresh machine: an empty data folder and no station key given. The kiosk starts as {@code
 * arrivals kiosk} starts it ({@link Kiosk.App} on the test's stage, its work in order on the FX
 * thread) and the wizard is driven to a working desk: the key from a key file on a "USB stick" (a
 * folder), a roster imported with its preview, a real CUPS queue and a test badge that reaches the
 * printer, the two PINs, desk mode; then a search finds someone and the check-in is in the real
 * H2 file. The second test joins a real hub on loopback with a set-up code instead.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunWizardTest {
    private static final String KEY = "wizard-station-key-2026";
    private static final String SUPERVISOR_PIN = "482916";
    private static final String ADMIN_PIN = "735104";

    @TempDir
    static Path dir;

    static FakeZebraForCli printer;
    static String queue;
    static HubHost hub;
    static String hubUrl;

    private Path home;
    private Path usb;
    private StaffPin pins;
    private Kiosk.App app;

    @BeforeAll
    static void queueAndHub() throws Exception {
        printer = new FakeZebraForCli();
        queue = "arrivals-wizard-" + ProcessHandle.current().pid();
        Process p = new ProcessBuilder(
                        "lpadmin",
                        "-p",
                        queue,
                        "-E",
                        "-v",
                        "socket://127.0.0.1:" + printer.port(),
                        "-m",
                        "drv:///sample.drv/zebra.ppd")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (!(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0)) {
            String message = "FIRST-RUN WIZARD TEST NOT RUN: no CUPS queue could be made (run ./scripts/test)";
            System.err.println(message);
            if (System.getenv("CI") != null) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        hub = HubHost.open(dir.resolve("hub"), null, Clock.systemUTC());
        Path roster = dir.resolve("hub-roster.csv");
        try (Writer w = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, 15, 30);
        }
        hub.importRoster(roster);
        hubUrl = "https://127.0.0.1:" + hub.serveTls("127.0.0.1", 0, 4, null, null);
    }

    @AfterAll
    static void removeQueueAndHub() throws Exception {
        new ProcessBuilder("lpoptions", "-x", queue).start().waitFor(10, TimeUnit.SECONDS);
        new ProcessBuilder("lpadmin", "-x", queue).start().waitFor(10, TimeUnit.SECONDS);
        printer.close();
        if (hub != null) {
            hub.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        home = dir.resolve("fresh-" + System.nanoTime());
        usb = dir.resolve("usb-" + System.nanoTime());
        Files.createDirectories(usb.resolve("KEYS"));
        Files.writeString(usb.resolve("KEYS").resolve(StationSetup.KEY_FILE), KEY + "\n");
        assertThat(StationSetup.freshEvent(home, "default")).isTrue();
        // as KioskCommand does: the PINs are read with the key once the station opened with it
        pins = StaffPin.locked(home, Clock.systemUTC());
        Function<StationKey, Station> open = key -> {
            Station s = Station.open(home, "default", null, Clock.systemUTC(), null, key);
            if (!pins.unlocked()) {
                pins.unlock(key);
            }
            return s;
        };
        Kiosk.tasksMaker = Tasks::sameThread;
        Kiosk.forgetEarlierStart();
        Kiosk.prepareLocked(open, KioskSettings.load(home), pins, true, List.of(usb));
        app = new Kiosk.App();
        stage.setWidth(1280);
        stage.setHeight(800);
        app.start(stage);
        // the kiosk ends JavaFX with its last window; the test's toolkit outlives each test's window
        javafx.application.Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(10, TimeUnit.SECONDS);
        Kiosk.tasksMaker = Tasks::background;
        if (Kiosk.station() != null) {
            Kiosk.station().close();
        }
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Shell shell() {
        return app.shell();
    }

    private void pinsStep(FxRobot robot) {
        robot.clickOn("#setup-pin-supervisor").write(SUPERVISOR_PIN);
        robot.clickOn("#setup-pin-supervisor-again").write(SUPERVISOR_PIN);
        robot.clickOn("#setup-pin-admin").write(SUPERVISOR_PIN);
        robot.clickOn("#setup-pin-admin-again").write(SUPERVISOR_PIN);
        robot.clickOn("#setup-pins-save");
        assertThat(text(robot, "#setup-pins-message")).isEqualTo("The admin's PIN must differ from the supervisor's.");
        assertThat(shell().setup().step()).isEqualTo(Step.PINS);
        robot.clickOn("#setup-pin-supervisor").write(SUPERVISOR_PIN);
        robot.clickOn("#setup-pin-supervisor-again").write(SUPERVISOR_PIN);
        robot.clickOn("#setup-pin-admin").write(ADMIN_PIN);
        robot.clickOn("#setup-pin-admin-again").write(ADMIN_PIN);
        robot.clickOn("#setup-pins-save");
        assertThat(shell().setup().step()).isEqualTo(Step.MODE);
    }

    @Test
    void aFreshStationReachesAWorkingDeskThroughTheWizard(FxRobot robot) throws Exception {
        // (a) the key: a new key typed twice must match; the USB stick's key file is found and used
        assertThat(text(robot, "#setup-key-title")).isEqualTo("The station key");
        assertThat(text(robot, "#setup-key-path"))
                .isEqualTo(usb.resolve("KEYS").resolve(StationSetup.KEY_FILE).toString());
        robot.clickOn("#setup-key-new").write("one-long-key");
        robot.clickOn("#setup-key-again").write("another-key!").type(KeyCode.ENTER);
        assertThat(text(robot, "#setup-key-message")).isEqualTo("The two keys are not the same. Type them again.");
        assertThat(Kiosk.station()).isNull();
        robot.clickOn("#setup-key-use");
        Station station = Kiosk.station();
        assertThat(station).isNotNull();
        assertThat(StationSetup.freshEvent(home, "default")).isFalse();

        // (b) no hub: work alone, and import the roster with its preview first
        assertThat(shell().firstRunScreen()).isTrue();
        assertThat(shell().setup().step()).isEqualTo(Step.HUB);
        robot.clickOn("#join-skip");
        assertThat(shell().setup().step()).isEqualTo(Step.ROSTER);
        Path csv = Files2.write(
                dir,
                "roster-" + System.nanoTime() + ".csv",
                crlf(
                        "code,first_name,last_name,organization,type,status",
                        "AR-0001,Selam,Tesfaye,Ethiopian Community Center,Volunteer,attending",
                        "AR-0002,محمد,عبد الله,Arab American Family Services,General Admission,attending",
                        "AR-0003,Ana,García López,Centro Legal de la Raza,Speaker,attending"),
                StandardCharsets.UTF_8,
                false);
        fx(() -> shell().staff().previewImport(csv));
        assertThat(text(robot, "#import-message")).startsWith("This file would add 3, update 0");
        assertThat(station.attendees().count()).isZero();
        robot.clickOn("#import-commit");
        assertThat(station.attendees().count()).isEqualTo(3);
        robot.clickOn("#setup-next");

        // (c) the printer: the real CUPS queue with its state, a test badge through it, "yes"
        assertThat(shell().setup().step()).isEqualTo(Step.PRINTER);
        @SuppressWarnings("unchecked")
        ListView<Printers.Found> list = robot.lookup("#setup-printers").queryAs(ListView.class);
        Printers.Found ours = list.getItems().stream()
                .filter(f -> f.name().equals(queue))
                .findFirst()
                .orElseThrow();
        assertThat(ours.state().ready()).isTrue();
        fx(() -> list.getSelectionModel().select(ours));
        assertThat(text(robot, "#setup-printer-chosen")).isEqualTo("Printer: " + queue);
        int before = printer.jobCount();
        robot.clickOn("#setup-test-print");
        assertThat(robot.lookup("#setup-question").queryAs(Label.class).isVisible())
                .isTrue();
        for (int i = 0; i < 300 && printer.jobCount() <= before; i++) {
            Thread.sleep(100);
        }
        assertThat(printer.jobCount()).as("the test badge reached the printer").isEqualTo(before + 1);
        robot.clickOn("#setup-print-no");
        assertThat(text(robot, "#setup-printer-message")).startsWith("Check that the labels loaded match");
        assertThat(shell().setup().step()).isEqualTo(Step.PRINTER);
        robot.clickOn("#setup-test-print");
        robot.clickOn("#setup-print-yes");

        // (d) the PINs, (e) the mode
        pinsStep(robot);
        robot.clickOn("#setup-mode-desk");
        robot.clickOn("#setup-finish");

        // a working desk: the search finds someone, Enter checks her in, and the H2 file has it
        assertThat(shell().firstRunScreen()).isFalse();
        assertThat(shell().mode()).isEqualTo(KioskSettings.Mode.DESK);
        robot.clickOn("#search").write("selam");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#desk-message")).isEqualTo("Selam Tesfaye is checked in. The badge is printing.");
        assertThat(station.arrivals().events("AR-0001"))
                .extracting(e -> e.kind())
                .contains(EventKind.CHECKED_IN);
        String settings = Files.readString(home.resolve("station.properties"));
        assertThat(settings).contains("printer=" + queue).contains("kiosk.mode=desk");
        // the PINs are sealed under the station key: another reader with the key accepts them
        StaffPin again = StaffPin.load(home, Clock.systemUTC(), StationKey.passphrase(KEY));
        assertThat(again.check(SUPERVISOR_PIN)).isEqualTo(new StaffPin.Check.Accepted(Role.SUPERVISOR));
        assertThat(again.check(ADMIN_PIN, Role.ADMIN)).isEqualTo(new StaffPin.Check.Accepted(Role.ADMIN));
        assertThat(station.audit().all())
                .extracting(e -> e.action())
                .contains("staff pins", "printer", "test badge", "set-up");

        // each step can be come back to from staff mode (with the admin's PIN)
        robot.clickOn("#staff");
        robot.clickOn("#pin-field").write(ADMIN_PIN).type(KeyCode.ENTER);
        robot.clickOn("#tab-settings");
        fx(() -> robot.lookup(".scroll-pane")
                .queryAll()
                .forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
        robot.clickOn("#setup-open");
        assertThat(shell().setup().step()).isEqualTo(Step.PRINTER);
        robot.clickOn("#setup-step-mode");
        robot.clickOn("#setup-mode-door");
        robot.clickOn("#setup-finish");
        assertThat(shell().mode()).isEqualTo(KioskSettings.Mode.STAFF);
        assertThat(Files.readString(home.resolve("station.properties"))).contains("kiosk.mode=door");
    }

    @Test
    void aTypedKeyAndASetUpCodeJoinTheHubAndTheWizardGoesOnWithThePrinter(FxRobot robot) throws Exception {
        robot.clickOn("#setup-key-new").write(KEY);
        robot.clickOn("#setup-key-again").write(KEY);
        robot.clickOn("#setup-key-ok");
        assertThat(shell().setup().step()).isEqualTo(Step.HUB);
        String code = hub.addStationWithSetupCode("desk-wizard", StationRole.DESK, hubUrl, null, null);
        robot.clickOn("#join-code");
        robot.interact(() -> robot.lookup("#join-code").queryTextInputControl().setText(code));
        robot.type(KeyCode.ENTER);

        // opened again under the hub's name; the roster comes from the hub, so the printer is next
        Station station = Kiosk.station();
        assertThat(station.settings().id()).isEqualTo("desk-wizard");
        assertThat(shell().setup().step()).isEqualTo(Step.PRINTER);
        robot.clickOn("#setup-zebra").write("not an address!");
        robot.clickOn("#setup-zebra-use");
        assertThat(text(robot, "#setup-printer-message")).startsWith("That is not a printer's address.");
        robot.clickOn("#setup-skip-printer");
        pinsStep(robot);
        robot.clickOn("#setup-mode-self");
        robot.clickOn("#setup-finish");
        assertThat(shell().mode()).isEqualTo(KioskSettings.Mode.SELF);
        assertThat(Files.readString(home.resolve("station.properties"))).contains("kiosk.mode=self");
        station.sync().syncOnce();
        assertThat(station.attendees().count()).isEqualTo(30);
    }
}
