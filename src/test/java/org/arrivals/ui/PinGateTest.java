package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.arrivals.audit.Role;
import org.arrivals.station.StaffPin;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.PinGate;
import org.arrivals.ui.common.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The PIN gate when the check takes a while, as it does (PBKDF2 on a background thread): an answer
 * that comes back after Cancel, or after another gate was opened, approves nothing.
 */
@ExtendWith(ApplicationExtension.class)
class PinGateTest {
    @TempDir
    static Path home;

    private PinGate gate;
    private final List<Runnable> held = new ArrayList<>();
    private final List<Role> approved = new ArrayList<>();

    /** Work runs at once, but its answer waits until the test lets it through (on the FX thread). */
    private final class HeldTasks extends Tasks.OneLane {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                T result = work.call();
                held.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                held.add(() -> onFailure.accept(e));
            }
        }
    }

    @Start
    void start(Stage stage) {
        Path dir = home.resolve("gate-" + System.nanoTime());
        StaffPin.set(dir, Role.SUPERVISOR, "246813");
        StackPane host = new StackPane();
        gate = new PinGate(host, StaffPin.load(dir, Clock.systemUTC()), new HeldTasks(), new I18n("en"));
        stage.setScene(new Scene(host, 600, 700));
        stage.show();
    }

    private void release() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    List<Runnable> now = new ArrayList<>(held);
                    held.clear();
                    now.forEach(Runnable::run);
                })
                .get();
    }

    @Test
    void aRightPinCheckedAfterCancelApprovesNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> gate.ask("override", Role.SUPERVISOR, approved::add))
                .get();
        robot.clickOn("#pin-field").write("246813").type(KeyCode.ENTER);
        robot.clickOn("#pin-cancel");
        release();
        assertThat(approved).isEmpty();
        assertThat(gate.isOpen()).isFalse();

        // the same with a second gate opened before the first answer came back
        WaitForAsyncUtils.asyncFx(() -> gate.ask("first", Role.SUPERVISOR, r -> approved.add(Role.ADMIN)))
                .get();
        robot.clickOn("#pin-field").write("246813").type(KeyCode.ENTER);
        WaitForAsyncUtils.asyncFx(() -> gate.ask("second", Role.SUPERVISOR, approved::add))
                .get();
        release();
        assertThat(approved)
                .as("the first gate's answer neither approves nor closes the second")
                .isEmpty();
        assertThat(gate.isOpen()).isTrue();
        robot.clickOn("#pin-field").write("246813").type(KeyCode.ENTER);
        release();
        assertThat(approved).containsExactly(Role.SUPERVISOR);
    }

    @Test
    void anAdminActionWithNoAdminPinSaysSoAndCountsNoWrongTries(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> gate.ask("settings", Role.ADMIN, approved::add))
                .get();
        assertThat(robot.lookup("#pin-message").queryAs(Label.class).getText()).startsWith("No admin PIN is set");
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#pin-field").write("246813").type(KeyCode.ENTER);
            release();
        }
        assertThat(robot.lookup("#pin-message").queryAs(Label.class).getText()).startsWith("No admin PIN is set");
        assertThat(approved).isEmpty();
        robot.clickOn("#pin-cancel");
        // six tries later the supervisor's own gate is not locked
        WaitForAsyncUtils.asyncFx(() -> gate.ask("staff", Role.SUPERVISOR, approved::add))
                .get();
        robot.clickOn("#pin-field").write("246813").type(KeyCode.ENTER);
        release();
        assertThat(approved).containsExactly(Role.SUPERVISOR);
    }
}
