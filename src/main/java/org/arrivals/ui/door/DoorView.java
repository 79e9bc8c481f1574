package org.arrivals.ui.door;

import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.arrivals.audit.Role;
import org.arrivals.session.Session;
import org.arrivals.session.SessionService;
import org.arrivals.ui.common.Authority;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Ui;

/**
 * The door of a session room: the room and session, the door's direction, and how many are
 * inside against the seats, large enough to read from two metres; the count turns amber at 90%
 * and red when the room is full. A full room refuses entry unless a supervisor's PIN lets the
 * person in; someone not checked in at registration today is let in with a word for the
 * volunteer. Scans come from the scanner anywhere on the screen, or a code typed and Enter.
 */
public final class DoorView {
    private final DoorModel model;
    private final I18n i18n;
    private final Authority authority;
    private final BorderPane root = new BorderPane();
    private final Timeline poll;
    final TextField code = new TextField();

    public DoorView(DoorModel model, I18n i18n, Authority authority) {
        this.model = model;
        this.i18n = i18n;
        this.authority = authority;
        root.getStyleClass().add("door");
        root.setTop(choices());
        root.setCenter(counter());
        root.setBottom(scanRow());
        // the count follows other doors of the room (their scans come in through sync)
        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> model.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts following the room, once the view is on the screen (it updates only while it is). */
    public void start() {
        model.load();
        poll.play();
    }

    public Parent root() {
        return root;
    }

    /** Stops following the room (the door's screen was left). */
    public void stop() {
        poll.stop();
    }

    public void focusCode() {
        code.requestFocus();
    }

    private HBox choices() {
        ComboBox<String> room = Ui.id(new ComboBox<>(model.rooms), "door-room");
        room.setAccessibleText(i18n.t("door.room"));
        room.valueProperty().bindBidirectional(model.room);
        room.setOnAction(e -> {
            if (room.getValue() != null && !room.getValue().equals(model.room.get())) {
                model.chooseRoom(room.getValue());
            }
        });
        room.setPrefWidth(220);
        ComboBox<Session> session = Ui.id(new ComboBox<>(model.sessions), "door-session");
        session.setAccessibleText(i18n.t("door.session"));
        session.valueProperty().bindBidirectional(model.session);
        session.setCellFactory(v -> sessionCell());
        session.setButtonCell(sessionCell());
        session.setPrefWidth(460);
        session.setPlaceholder(Ui.label(i18n.t("door.noneToday"), "muted"));
        ToggleGroup direction = new ToggleGroup();
        HBox directions = new HBox(0);
        for (SessionService.Door d : SessionService.Door.values()) {
            ToggleButton b = Ui.id(
                    new ToggleButton(i18n.t("door.direction." + d.name().toLowerCase(java.util.Locale.ROOT))),
                    "door-" + d.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(direction);
            b.setUserData(d);
            b.getStyleClass().add("door-direction");
            b.setSelected(model.door.get() == d);
            b.setMnemonicParsing(false);
            directions.getChildren().add(b);
        }
        direction.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one is always chosen
            } else {
                model.door.set((SessionService.Door) now.getUserData());
                focusCode();
            }
        });
        HBox h = new HBox(
                12,
                Ui.labelFor(i18n.t("door.room"), room),
                room,
                Ui.labelFor(i18n.t("door.session"), session),
                session,
                Ui.spacer(),
                directions);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("door-choices");
        return h;
    }

    private ListCell<Session> sessionCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Session s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : times(s) + "  " + s.title());
                setStyle(empty || s == null ? "" : org.arrivals.ui.common.NameFonts.style(s.title()));
            }
        };
    }

    private String times(Session s) {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(i18n.locale())
                .withDecimalStyle(DecimalStyle.of(i18n.locale()));
        return i18n.t("door.time", strip(f.format(s.start())), strip(f.format(s.end())));
    }

    private static String strip(String s) {
        return s.replaceAll("[\u061C\u200E\u200F]", "");
    }

    private VBox counter() {
        Label title = Ui.id(Ui.label("", "door-title"), "door-title");
        Label when = Ui.label("", "door-when");
        Label count = Ui.id(Ui.label("", "door-count"), "door-count");
        Label caption = Ui.id(Ui.label("", "door-caption"), "door-caption");
        Label state = Ui.id(Ui.label("", "door-state"), "door-state");
        VBox panel = new VBox(4, count, caption, state);
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().addAll("door-panel", "fill-room");
        Runnable show = () -> {
            Session s = model.session.get();
            Ui.setName(title, s == null ? i18n.t("door.noSession") : s.title());
            when.setText(s == null ? "" : times(s) + (s.track() == null ? "" : " · " + s.track()));
            int n = model.inside.get();
            count.setText(
                    s == null
                            ? "–"
                            : s.limited()
                                    ? i18n.t("door.count", i18n.number(n), i18n.number(s.capacity()))
                                    : i18n.number(n));
            caption.setText(s == null ? "" : s.limited() ? i18n.t("door.caption") : i18n.t("door.captionNoLimit"));
            DoorModel.Fill f = model.fill.get();
            panel.getStyleClass().removeAll("fill-room", "fill-nearly", "fill-full");
            panel.getStyleClass()
                    .add(
                            switch (f) {
                                case ROOM -> "fill-room";
                                case NEARLY_FULL -> "fill-nearly";
                                case FULL -> "fill-full";
                            });
            state.setText(
                    switch (f) {
                        case ROOM -> "";
                        case NEARLY_FULL -> i18n.t("door.nearlyFull");
                        case FULL -> i18n.t("door.full");
                    });
            state.setVisible(!state.getText().isEmpty());
            count.setAccessibleText(count.getText() + " " + caption.getText() + " " + state.getText());
        };
        Ui.listen(count, model.session, (o, was, now) -> show.run());
        Ui.listen(count, model.inside, (o, was, now) -> show.run());
        Ui.listen(count, model.fill, (o, was, now) -> show.run());
        show.run();
        VBox.setVgrow(panel, Priority.ALWAYS);
        panel.setMaxWidth(Double.MAX_VALUE);
        panel.setMinHeight(0); // on a small screen the panel gives way before the scan field is pushed off
        VBox box = new VBox(10, title, when, panel);
        box.getStyleClass().add("door-center");
        return box;
    }

    private VBox scanRow() {
        code.setId("door-code");
        code.setPromptText(i18n.t("door.code.prompt"));
        code.setAccessibleText(i18n.t("door.code.prompt"));
        code.getStyleClass().add("search-field");
        code.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                String c = code.getText();
                code.clear();
                if (!c.isBlank()) {
                    model.scan(c);
                }
                e.consume();
            }
        });
        HBox.setHgrow(code, Priority.ALWAYS);
        Label message = Ui.id(Ui.label("", "message"), "door-message");
        Ui.bindMessage(message, model.message);
        message.getStyleClass().add("door-message");
        Label warning = Ui.id(Ui.label("", "message"), "door-warning");
        Ui.bindMessage(warning, model.warning);
        Button admit = Ui.id(
                Ui.button(
                        i18n.t("door.admit"),
                        "secondary",
                        () -> authority.ask(
                                i18n.t("pin.why.overCapacity", model.refusedName()), Role.SUPERVISOR, by -> {
                                    model.admit(by);
                                    focusCode();
                                })),
                "door-admit");
        admit.visibleProperty().bind(model.canAdmit);
        admit.managedProperty().bind(model.canAdmit);
        HBox entry = new HBox(12, code, admit);
        entry.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, message, warning, Ui.label(i18n.t("door.code.prompt"), "muted"), entry);
        box.getStyleClass().add("door-bottom");
        return box;
    }
}
