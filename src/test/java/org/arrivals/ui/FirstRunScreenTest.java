package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.station.HubHost;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.sync.SyncWorker;
import org.arrivals.sync.protocol.StationRole;
import org.arrivals.ui.common.Tasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A fresh kiosk (no hub, no roster) first asks for its set-up code, scanned or typed, or works
 * alone. A real hub serves HTTPS on loopback with its own certificate and a roster; the kiosk is a
 * real station in a temporary folder, opened again under the hub's name once it joined.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunScreenTest {
    private static final int ROSTER = 40;

    @TempDir
    static Path dir;

    static HubHost hub;
    static String hubUrl;

    private Stage stage;
    private Path home;
    private Station station;
    private Shell shell;
    /** The keyboard clock: a person's keys are 200 ms apart, a scanner's 5 ms. */
    private final AtomicLong clock = new AtomicLong();

    private volatile long keyGapNanos = 200_000_000L;

    @BeforeAll
    static void startHub() throws Exception {
        hub = HubHost.open(dir.resolve("hub"), null, Clock.systemUTC());
        Path roster = dir.resolve("hub-roster.csv");
        try (Writer w = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            DemoEventGenerator.writeCsv(w, 15, ROSTER);
        }
        assertThat(hub.importRoster(roster).rows()).isEqualTo(ROSTER);
        hubUrl = "https://127.0.0.1:" + hub.serveTls("127.0.0.1", 0, 4, null, null);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        home = dir.resolve("kiosk-" + System.nanoTime());
        station = Station.open(home, "default", Clock.systemUTC());
        shell = shell(station);
        stage.show();
    }

    /** The kiosk's window on {@code s}, opened again on the new station once it joined (as the kiosk does). */
    private Shell shell(Station s) {
        Shell made = new Shell(
                stage,
                s,
                KioskFixture.settings(KioskSettings.Mode.DESK, 30),
                StaffPin.load(home, Clock.systemUTC()),
                Tasks.sameThread(),
                () -> clock.addAndGet(keyGapNanos));
        made.onReopened(again -> {
            station = again;
            shell = shell(again);
        });
        return made;
    }

    @AfterEach
    void close() {
        shell.stop();
        station.close();
    }

    private String message(FxRobot robot) {
        return robot.lookup("#join-message").queryAs(Label.class).getText();
    }

    private String address(FxRobot robot) {
        Label l = robot.lookup("#join-address").queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    /** Puts a code in the field at once (as a paste would; typing 200 characters takes the robot 20 s), then Enter. */
    private void paste(FxRobot robot, String code) {
        robot.clickOn("#join-code");
        robot.interact(() -> robot.lookup("#join-code").queryTextInputControl().setText(code));
        robot.type(KeyCode.ENTER);
    }

    private String stationFile() throws Exception {
        Path file = home.resolve("station.properties");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void aTypedSetUpCodeJoinsTheHubOverPinnedTlsAndTheDeskFollows(FxRobot robot) throws Exception {
        String code = hub.addStationWithSetupCode("desk-7", StationRole.DESK, hubUrl, null, null);
        assertThat(shell.firstRunScreen()).isTrue();
        assertThat(robot.lookup("#join-title").queryAs(Label.class).getText()).isEqualTo("Set up this station");
        String before = stationFile();

        // a garbled code (one character changed): a sentence, and nothing changes
        int at = code.length() - 6;
        String garbled = code.substring(0, at) + (code.charAt(at) == 'A' ? 'B' : 'A') + code.substring(at + 1);
        paste(robot, garbled);
        assertThat(message(robot)).startsWith("The set-up code is damaged");
        assertThat(shell.firstRunScreen()).isTrue();
        assertThat(station.joining().firstRun()).isTrue();
        assertThat(stationFile()).isEqualTo(before);

        robot.clickOn("#join-code").write(code);
        robot.clickOn("#join-go");

        // opened again under the hub's name, on the desk
        assertThat(shell.firstRunScreen()).isFalse();
        assertThat(shell.mode()).isEqualTo(KioskSettings.Mode.DESK);
        assertThat(robot.lookup("#search").tryQuery()).isPresent();
        assertThat(station.settings().id()).isEqualTo("desk-7");
        assertThat(station.joining().firstRun()).isFalse();
        // and it syncs with the hub, its certificate pinned: the hub's roster arrives
        SyncWorker.Report report = station.sync().syncOnce();
        assertThat(report).isNotNull();
        assertThat(station.attendees().count()).isEqualTo(ROSTER);
        assertThat(hub.stations())
                .filteredOn(s -> s.name().equals("desk-7"))
                .singleElement()
                .satisfies(s -> assertThat(s.lastSeen()).isNotNull());
    }

    @Test
    void aScannedCodeOfARevokedStationIsRefusedWithASentenceAndNothingChanges(FxRobot robot) throws Exception {
        String code = hub.addStationWithSetupCode("gone-1", StationRole.DESK, hubUrl, null, null);
        assertThat(hub.revoke("gone-1")).isTrue();
        String before = stationFile();
        keyGapNanos = 5_000_000L; // a keyboard-wedge scanner
        robot.clickOn("#join-code").write(code).type(KeyCode.ENTER);
        assertThat(message(robot)).startsWith("The hub refused this set-up code");
        assertThat(robot.lookup("#join-code").queryTextInputControl().getText()).isEmpty();
        assertThat(shell.firstRunScreen()).isTrue();
        assertThat(station.joining().firstRun()).isTrue();
        assertThat(stationFile()).isEqualTo(before);
    }

    @Test
    void aHubThatDoesNotAnswerOrShowsAnotherCertificateChangesNothing(FxRobot robot) throws Exception {
        String before = stationFile();
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        String nobody =
                hub.addStationWithSetupCode("desk-8", StationRole.DESK, "https://127.0.0.1:" + closed, null, null);
        paste(robot, nobody);
        assertThat(message(robot))
                .isEqualTo("The hub does not answer. Check that it is running and that this station is on its"
                        + " network, then try again. Nothing was changed.");
        assertThat(address(robot)).isEqualTo("The hub's address: https://127.0.0.1:" + closed);

        try (HubHost impostor = HubHost.open(dir.resolve("impostor-" + System.nanoTime()), null, Clock.systemUTC())) {
            // the impostor's certificate in the code, the real hub's address: not the pinned certificate
            String other = impostor.addStationWithSetupCode("desk-9", StationRole.DESK, hubUrl, null, null);
            paste(robot, other);
        }
        assertThat(message(robot)).startsWith("The hub showed a certificate other than the one in the set-up code");
        assertThat(address(robot)).isEqualTo("The hub's address: " + hubUrl);
        assertThat(shell.firstRunScreen()).isTrue();
        assertThat(station.joining().firstRun()).isTrue();
        assertThat(stationFile()).isEqualTo(before);
    }

    @Test
    void workingWithoutAHubGoesOnToTheRosterThenTheDesk(FxRobot robot) {
        robot.clickOn("#join-skip");
        // the wizard's next step: the roster (import later is allowed), then the printer, PINs and mode
        assertThat(shell.firstRunScreen()).isTrue();
        assertThat(shell.setup().step()).isEqualTo(org.arrivals.station.StationSetup.Step.ROSTER);
        robot.clickOn("#setup-next");
        robot.clickOn("#setup-skip-printer");
        robot.clickOn("#setup-pin-supervisor").write("482916");
        robot.clickOn("#setup-pin-supervisor-again").write("482916");
        robot.clickOn("#setup-pin-admin").write("735104");
        robot.clickOn("#setup-pin-admin-again").write("735104");
        robot.clickOn("#setup-pins-save");
        robot.clickOn("#setup-finish");
        assertThat(shell.firstRunScreen()).isFalse();
        assertThat(shell.mode()).isEqualTo(KioskSettings.Mode.DESK);
        assertThat(robot.lookup("#search").tryQuery()).isPresent();
        assertThat(station.settings().id()).isNotEqualTo("desk-7");
    }
}
