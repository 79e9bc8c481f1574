package org.arrivals.ui.self;

import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.EventType;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.arrivals.checkin.SelfCheckIn;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.NameFonts;
import org.arrivals.ui.common.Ui;

/**
 * The attendee's station: full screen, large targets, four languages. Any touch or key restarts
 * the idle timer; when it runs out, everything typed is cleared and the welcome screen returns.
 */
public final class SelfServiceView {
    private final SelfServiceModel model;
    private final I18n i18n;
    private final String homeLanguage;
    private final BorderPane root = new BorderPane();
    private final PauseTransition idle;
    private final PauseTransition doneTimer = new PauseTransition(Duration.seconds(10));
    /** Made once and reused by every visit to the find screen, so no listener is added per visit. */
    private final VBox results = new VBox(10);

    private final Label hint = Ui.label("", "self-hint");

    public SelfServiceView(SelfServiceModel model, I18n i18n, int idleSeconds, String homeLanguage) {
        this.model = model;
        this.i18n = i18n;
        this.homeLanguage = homeLanguage;
        root.getStyleClass().add("self");
        idle = new PauseTransition(Duration.seconds(idleSeconds));
        // a timer that runs out after the kiosk left self-service leaves the screen (and its language) alone
        idle.setOnFinished(e -> {
            if (root.getScene() != null) {
                resetToWelcome();
            }
        });
        doneTimer.setOnFinished(e -> {
            if (root.getScene() != null) {
                resetToWelcome();
            }
        });
        for (var type :
                List.<EventType<? extends InputEvent>>of(KeyEvent.ANY, MouseEvent.MOUSE_PRESSED, TouchEvent.ANY)) {
            root.addEventFilter(type, e -> idle.playFromStart());
        }
        results.setId("self-matches");
        results.setAlignment(Pos.TOP_CENTER);
        model.matches.addListener((ListChangeListener<SelfServiceModel.Match>) c -> fillMatches());
        model.query.addListener((o, was, now) -> fillMatches());
        model.finding.addListener((o, was, now) -> fillMatches());
        model.triesLeft.addListener((o, was, now) -> {
            if (model.screen.get() == SelfServiceModel.Screen.CONFIRM && model.chosen.get() != null) {
                show();
            }
        });
        model.screen.addListener((o, was, now) -> show());
        i18n.localeProperty().addListener((o, was, now) -> show());
        show();
    }

    public Parent root() {
        return root;
    }

    /** The idle reset: forget the person, back to the welcome screen in the station's language. */
    public void resetToWelcome() {
        idle.stop();
        doneTimer.stop();
        if (!i18n.language().equals(homeLanguage)) {
            i18n.setLanguage(homeLanguage);
        }
        model.reset();
        show();
    }

    public void stopTimers() {
        idle.stop();
        doneTimer.stop();
    }

    private void show() {
        root.setNodeOrientation(i18n.orientation());
        root.setTop(languageBar());
        Node content = switch (model.screen.get()) {
            case WELCOME -> welcome();
            case FIND -> find();
            // a reset clears the person before it leaves the screen: never draw a confirm screen for no one
            case CONFIRM -> model.chosen.get() == null ? welcome() : confirm();
            case DONE -> done();
            case SEE_DESK -> seeDesk();
        };
        root.setCenter(content);
        if (model.screen.get() == SelfServiceModel.Screen.WELCOME) {
            idle.stop();
        } else {
            idle.playFromStart();
        }
        if (model.screen.get() == SelfServiceModel.Screen.DONE) {
            doneTimer.playFromStart();
        } else {
            doneTimer.stop();
        }
    }

    private HBox languageBar() {
        HBox bar = new HBox(12);
        bar.getStyleClass().add("language-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        SelfServiceModel.Screen now = model.screen.get();
        if (now == SelfServiceModel.Screen.FIND || now == SelfServiceModel.Screen.CONFIRM) {
            Button back = Ui.id(Ui.button(i18n.t("self.back"), "secondary-large", this::resetToWelcome), "self-back");
            bar.getChildren().addAll(back, Ui.spacer());
        }
        for (Locale l : I18n.LANGUAGES) {
            Button b = Ui.button(I18n.nativeName(l), "language", () -> i18n.setLanguage(l.getLanguage()));
            b.setId("lang-" + l.getLanguage());
            b.setStyle(NameFonts.style(b.getText()));
            if (l.getLanguage().equals(i18n.language())) {
                b.getStyleClass().add("language-current");
            }
            bar.getChildren().add(b);
        }
        return bar;
    }

    private Node welcome() {
        Label title = Ui.id(Ui.label(i18n.t("self.welcome.title"), "self-title"), "self-title");
        Label sub = Ui.label(i18n.t("self.welcome.subtitle"), "self-subtitle");
        VBox scan = new VBox(
                12,
                Ui.label("▣", "scan-icon"),
                Ui.label(i18n.t("self.welcome.scan"), "choice-title"),
                Ui.label(i18n.t("self.welcome.scan.hint"), "choice-hint"));
        scan.getStyleClass().add("choice");
        scan.setAlignment(Pos.CENTER);
        Button find = Ui.id(Ui.button(i18n.t("self.welcome.find"), "choice-button", model::find), "find");
        Label findHint = Ui.label(i18n.t("self.welcome.find.hint"), "choice-hint");
        VBox findBox = new VBox(12, Ui.label("⌨", "scan-icon"), find, findHint);
        findBox.getStyleClass().add("choice");
        findBox.setAlignment(Pos.CENTER);
        HBox choices = new HBox(32, scan, findBox);
        choices.setAlignment(Pos.CENTER);
        VBox box = new VBox(24, title, sub, choices);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("self-content");
        return box;
    }

    /** Name and matches on one side, the keyboard on the other: all of it fits a 1280 x 800 screen. */
    private Node find() {
        Label title = Ui.label(i18n.t("self.find.title"), "self-title-small");
        TextField field = new TextField();
        field.setId("self-query");
        field.getStyleClass().add("self-query");
        field.setPromptText(i18n.t("self.find.prompt"));
        field.setAccessibleText(i18n.t("self.find.prompt"));
        field.textProperty().bindBidirectional(model.query);
        field.textProperty().addListener((o, was, now) -> field.setStyle(NameFonts.style(now)));
        fillMatches();
        VBox left = new VBox(14, field, hint, results);
        left.getStyleClass().add("self-find");
        OnScreenKeyboard keyboard = new OnScreenKeyboard(model.query, i18n);
        keyboard.setMaxHeight(Region.USE_PREF_SIZE);
        HBox main = new HBox(24, left, keyboard);
        main.setAlignment(Pos.TOP_CENTER);
        VBox box = new VBox(20, title, main);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("self-content");
        Platform.runLater(field::requestFocus);
        return box;
    }

    private void fillMatches() {
        results.getChildren().clear();
        for (SelfServiceModel.Match m : model.matches) {
            Label name = Ui.name(m.shortName(), "match-name");
            Label org = Ui.name(m.organization(), "match-org");
            name.setWrapText(false);
            org.setWrapText(false);
            Button b = new Button();
            b.setGraphic(new VBox(2, name, org));
            b.getStyleClass().add("match");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAccessibleText(m.shortName() + ", " + m.organization());
            b.setOnAction(e -> model.choose(m));
            results.getChildren().add(b);
        }
        hint.setText(
                !SelfServiceModel.longEnough(model.query.get())
                        ? i18n.t("self.find.more", SelfServiceModel.MIN_LETTERS)
                        : model.finding.get() == SelfServiceModel.Finding.SLOW_DOWN
                                ? i18n.t("self.find.slowDown")
                                : model.matches.isEmpty() ? i18n.t("self.find.none") : i18n.t("self.find.pick"));
    }

    /** Is this you, and the question only that person can answer; the keyboard beside it. */
    private Node confirm() {
        SelfServiceModel.Match m = model.chosen.get();
        Label q = Ui.label(i18n.t("self.confirm.title"), "self-title-small");
        Label name = Ui.id(Ui.name(m.shortName(), "confirm-name"), "confirm-name");
        Label org = Ui.name(m.organization(), "confirm-org");
        String asked = model.question.get() == SelfCheckIn.Question.CODE_END
                ? i18n.t("self.verify.codeEnd")
                : i18n.t("self.verify.emailStart");
        Label ask = Ui.id(Ui.label(asked, "self-subtitle"), "verify-question");
        TextField field = new TextField();
        field.setId("self-answer");
        field.getStyleClass().add("self-query");
        field.setAccessibleText(asked);
        field.textProperty().bindBidirectional(model.answer);
        field.setOnAction(e -> model.confirm());
        Label wrong = Ui.id(
                Ui.label(
                        model.triesLeft.get() > 0 ? i18n.t("self.verify.wrong", model.triesLeft.get()) : "",
                        "self-hint"),
                "verify-message");
        Button yes = Ui.id(Ui.button(i18n.t("self.confirm.yes"), "primary-large", model::confirm), "confirm-yes");
        Button no = Ui.id(Ui.button(i18n.t("self.confirm.no"), "secondary-large", model::find), "confirm-no");
        // one above the other: the column beside the keyboard is narrower than two large buttons
        VBox buttons = new VBox(16, yes, no);
        buttons.setAlignment(Pos.CENTER);
        // the question and its answer's verdict run across the whole screen, on one line in every
        // language; the column beside the keyboard holds the person, the field and the buttons
        for (Label l : List.of(ask, wrong, org)) {
            l.setTextAlignment(TextAlignment.CENTER);
            l.setAlignment(Pos.CENTER); // centred in its full width, as the title above it
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox left = new VBox(16, name, org, field, buttons);
        left.setAlignment(Pos.CENTER);
        // beside a keyboard of about 720 pixels on a 1280-pixel screen
        left.setMaxWidth(460);
        left.setPrefWidth(460);
        left.setMinWidth(360);
        OnScreenKeyboard keyboard = new OnScreenKeyboard(model.answer, i18n);
        keyboard.setMaxHeight(Region.USE_PREF_SIZE);
        keyboard.setMinWidth(Region.USE_PREF_SIZE); // every key whole: the column gives way
        HBox row = new HBox(24, left, keyboard);
        row.setAlignment(Pos.CENTER);
        VBox main = new VBox(12, q, ask, wrong, row);
        main.setAlignment(Pos.CENTER);
        main.getStyleClass().add("self-content");
        Platform.runLater(field::requestFocus);
        return main;
    }

    private Node done() {
        Label title = Ui.id(Ui.name(i18n.t("self.done.title", model.welcomeName.get()), "self-title"), "done-title");
        return ending(
                "✓", title, i18n.t(model.keepsBadge.get() ? "self.done.keepBadge" : "self.done.collect"), "done-ok");
    }

    private Node seeDesk() {
        String reason = model.deskReason.get() == null
                ? "NOT_FOUND"
                : model.deskReason.get().name();
        Label title = Ui.id(Ui.label(i18n.t("self.desk." + reason), "self-title-small"), "desk-reason");
        return ending("ⓘ", title, i18n.t("self.desk.hint"), "desk-ok");
    }

    /** The last screen of a visit: an icon, what happened, what to do, and one button to finish. */
    private Node ending(String icon, Label title, String next, String buttonId) {
        Button ok = Ui.id(Ui.button(i18n.t("self.done.ok"), "primary-large", this::resetToWelcome), buttonId);
        VBox box = new VBox(28, Ui.label(icon, "done-icon"), title, Ui.label(next, "self-subtitle"), ok);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("self-content");
        return box;
    }
}
