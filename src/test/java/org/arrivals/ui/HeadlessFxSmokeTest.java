package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Proves the UI test stack runs here: JavaFX 21 headless through Monocle (17.0.10, the build that
 * runs on Java 17), driven by TestFX. The kiosk screens' own tests build on this.
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessFxSmokeTest {
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("Welcome");
        Button button = new Button("Check in");
        button.setId("checkin");
        button.setOnAction(e -> label.setText("Checked in"));
        stage.setScene(new Scene(new VBox(label, button), 320, 200));
        stage.show();
    }

    @Test
    void aClickReachesTheHandlerOnTheFxThread(FxRobot robot) {
        robot.clickOn("#checkin");
        assertThat(label.getText()).isEqualTo("Checked in");
    }
}
