package org.arrivals.ui.join;

import javafx.application.Platform;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.arrivals.station.StationJoin;
import org.arrivals.sync.protocol.SetupCode;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tone;
import org.arrivals.ui.common.Ui;

/**
 * The first-run screen: scan or type the station's set-up code, or work without a hub (the roster
 * is then imported in staff mode, as on any station). Every answer of the service is a sentence
 * here; once joined, the station opens again under its new name and the desk follows.
 */
public final class JoinView {
    private final StackPane root = new StackPane();

    /**
     * @param skip work without a hub: the kiosk's usual modes
     * @param restart end Arrivals, when the station joined but did not open again
     */
    public JoinView(JoinModel model, I18n i18n, Runnable skip, Runnable restart) {
        Label title = Ui.id(Ui.label(i18n.t("join.title"), "card-empty-title"), "join-title");
        Label hint = Ui.id(Ui.label(i18n.t("join.hint"), "muted"), "join-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        TextField field = Ui.id(new TextField(), "join-code");
        field.getStyleClass().add("search-field");
        field.setAccessibleText(i18n.t("join.field"));
        field.setPromptText(SetupCode.PREFIX + "…");
        field.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT); // a code is Latin letters and digits
        field.textProperty().bindBidirectional(model.code);
        field.setOnAction(e -> model.submit());
        Label fieldLabel = Ui.labelFor(i18n.t("join.field"), field);
        Button go = Ui.id(Ui.button(i18n.t("join.go"), "primary", model::submit), "join-go");
        Button alone = Ui.id(Ui.button(i18n.t("join.skip"), "secondary", skip), "join-skip");
        go.disableProperty().bind(model.busy);
        alone.disableProperty().bind(model.busy);
        field.disableProperty().bind(model.busy);
        Label message = Ui.id(Ui.label("", "message"), "join-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        Ui.showMessage(message, Message.NONE);
        // the hub's address on a line of its own: a Latin address inside a wrapped Arabic sentence is misdrawn
        Label address = Ui.id(Ui.label("", "muted"), "join-address");
        address.setWrapText(false);
        Button start = Ui.id(Ui.button(i18n.t("join.restart"), "primary", restart), "join-restart");
        start.setVisible(false);
        start.setManaged(false);
        HBox buttons = new HBox(16, alone, Ui.spacer(), go);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Runnable say = () -> {
            Message m = sentence(model, i18n);
            Ui.showMessage(message, m);
            String hub = hubAddress(model);
            address.setText(hub == null ? "" : i18n.t("join.address", hub));
            address.setVisible(hub != null);
            address.setManaged(hub != null);
            boolean stuck = model.failure.get() == JoinModel.Failure.REOPEN;
            start.setVisible(stuck);
            start.setManaged(stuck);
            buttons.setVisible(!stuck);
            buttons.setManaged(!stuck);
        };
        Ui.listen(message, model.result, (o, was, now) -> say.run());
        Ui.listen(message, model.failure, (o, was, now) -> say.run());
        address.setVisible(false);
        address.setManaged(false);
        VBox card = new VBox(14, title, hint, fieldLabel, field, buttons, message, address, start);
        card.getStyleClass().add("card");
        card.setStyle("-fx-padding: 32;");
        card.setMaxWidth(760);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.setStyle("-fx-padding: 40;");
        Platform.runLater(field::requestFocus);
    }

    /** The sentence for the model's state: the service's answer, or what failed around it. */
    static Message sentence(JoinModel model, I18n i18n) {
        StationJoin.Joined r = model.result.get();
        if (model.failure.get() == JoinModel.Failure.REOPEN) {
            return new Message(Tone.ERROR, i18n.t("join.reopenFailed", r == null ? "" : r.station()));
        }
        if (model.failure.get() == JoinModel.Failure.JOIN) {
            return new Message(Tone.ERROR, i18n.t("join.failed"));
        }
        if (r == null) {
            return Message.NONE;
        }
        return switch (r.outcome()) {
            case JOINED -> new Message(Tone.SUCCESS, i18n.t("join.done", r.station()));
            default -> new Message(Tone.ERROR, i18n.t("join." + r.outcome().name()));
        };
    }

    /** The hub's address when the answer is about that hub (it did not answer, or showed another certificate). */
    private static String hubAddress(JoinModel model) {
        StationJoin.Joined r = model.result.get();
        if (r == null || model.failure.get() != null) {
            return null;
        }
        return switch (r.outcome()) {
            case HUB_UNREACHABLE, CERTIFICATE_REFUSED, TOKEN_REFUSED, UNSAFE_ADDRESS -> r.hubUrl();
            default -> null;
        };
    }

    public Parent root() {
        return root;
    }
}
