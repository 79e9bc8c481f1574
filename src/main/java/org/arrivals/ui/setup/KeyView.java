package org.arrivals.ui.setup;

import java.util.List;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.arrivals.station.StationSetup;
import org.arrivals.station.StationSetup.Step;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Ui;

/** The wizard's key step: the key file found on a USB stick, or a new key typed twice. */
public final class KeyView {
    private final BorderPane root = new BorderPane();

    public KeyView(KeyModel model, I18n i18n) {
        Label title = Ui.id(Ui.label(i18n.t("setup.key.title"), "card-empty-title"), "setup-key-title");
        var why = SetupView.paragraph(i18n.t("setup.key.why", StationSetup.KEY_FILE), i18n);
        Label found = Ui.id(Ui.label("", "setup-found"), "setup-key-found");
        SetupView.wrapped(found);
        // a path is Latin letters: on a line of its own, left to right, even in Arabic
        Label path = Ui.id(Ui.label("", "muted"), "setup-key-path");
        path.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        Button use = Ui.id(Ui.button(i18n.t("setup.key.use"), "primary", model::useFound), "setup-key-use");
        Button look = Ui.id(Ui.button(i18n.t("setup.key.look"), "secondary", model::look), "setup-key-look");
        Runnable showFound = () -> {
            boolean any = model.found.get() != null;
            found.setText(any ? i18n.t("setup.key.found") : i18n.t("setup.key.plugIn"));
            path.setText(any ? model.found.get().toString() : "");
            path.setVisible(any);
            path.setManaged(any);
            use.setVisible(any);
            use.setManaged(any);
        };
        Ui.listen(found, model.found, (o, was, now) -> showFound.run());
        model.look(); // answered at once in tests, while this page is built: shown below either way
        showFound.run();
        PasswordField key = Ui.id(new PasswordField(), "setup-key-new");
        key.getStyleClass().add("pin-field");
        PasswordField again = Ui.id(new PasswordField(), "setup-key-again");
        again.getStyleClass().add("pin-field");
        Runnable typed = () -> {
            char[] k = key.getText().toCharArray();
            char[] a = again.getText().toCharArray();
            key.clear();
            again.clear();
            model.typed(k, a);
        };
        again.setOnAction(e -> typed.run());
        Button ok = Ui.id(Ui.button(i18n.t("setup.key.ok"), "primary", typed), "setup-key-ok");
        for (var n : List.of(use, look, key, again, ok)) {
            n.disableProperty().bind(model.busy);
        }
        Label message = Ui.id(Ui.label("", "message"), "setup-key-message");
        SetupView.wrapped(message);
        Ui.bindMessage(message, model.message);
        VBox page = new VBox(
                14,
                title,
                why,
                Ui.label(i18n.t("setup.key.fromUsb"), "section-title"),
                found,
                path,
                new HBox(12, use, look),
                Ui.label(i18n.t("setup.key.typeNew"), "section-title"),
                Ui.labelFor(i18n.t("setup.key.new"), key),
                key,
                Ui.labelFor(i18n.t("setup.key.again"), again),
                again,
                ok,
                message);
        page.setAlignment(Pos.TOP_LEFT);
        root.setCenter(SetupView.page(page));
        root.setLeft(Steps.sidebar(i18n, Step.KEY, List.of(), null));
        root.getStyleClass().add("setup");
        root.setNodeOrientation(i18n.orientation());
        root.setStyle(Ui.fontStyle(i18n));
    }

    public Parent root() {
        return root;
    }
}
