package org.arrivals.ui.setup;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.arrivals.print.Printers;
import org.arrivals.station.KioskSettings.Mode;
import org.arrivals.station.StationSetup;
import org.arrivals.station.StationSetup.Step;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Ui;
import org.arrivals.ui.join.JoinView;
import org.arrivals.ui.staff.ImportPane;

/**
 * The wizard's pages after the key: the list of steps beside the page of the current one. A page
 * is built when its step is entered; it binds to the model and forwards clicks, nothing more.
 */
public final class SetupView {
    private final BorderPane root = new BorderPane();
    private final SetupModel model;
    private final I18n i18n;
    private final Runnable restart;

    /** @param restart ends Arrivals, when the station joined a hub but did not open again */
    public SetupView(SetupModel model, I18n i18n, Runnable restart) {
        this.model = model;
        this.i18n = i18n;
        this.restart = restart;
        root.getStyleClass().add("setup");
        root.setNodeOrientation(i18n.orientation());
        Ui.listen(root, model.step, (o, was, now) -> render());
        render();
    }

    private void render() {
        Step s = model.step();
        root.setLeft(Steps.sidebar(i18n, s, model.done, model::go));
        root.setCenter(
                switch (s) {
                    case KEY, HUB -> new JoinView(model.join, i18n, model::alone, restart).root();
                    case ROSTER -> page(roster(), next());
                    case PRINTER -> page(printer());
                    case PINS -> page(pins());
                    case MODE -> page(mode());
                });
    }

    /**
     * A step's page, padded. Not in a scroll pane: in Arabic, wrapped sentences in a scroll pane
     * were drawn past its edge (their ends under the list of steps); the one long page, the
     * roster's, scrolls inside its import pane.
     */
    static Node page(Region content) {
        content.setPadding(new Insets(32, 40, 24, 40));
        content.getStyleClass().add("setup-page");
        return content;
    }

    /** A step's page with buttons that stay in sight below it, however long the page. */
    static Node page(Region content, Node buttons) {
        BorderPane pane = new BorderPane(page(content));
        HBox bar = new HBox(12, Ui.spacer(), buttons);
        bar.setPadding(new Insets(12, 40, 16, 40));
        bar.getStyleClass().add("setup-buttons");
        pane.setBottom(bar);
        return pane;
    }

    private Label title(String key) {
        return Ui.id(Ui.label(i18n.t(key), "card-empty-title"), "setup-title");
    }

    private Region hint(String key, Object... args) {
        return paragraph(i18n.t(key, args), i18n);
    }

    /**
     * Sentences of help under a title. In Arabic each sentence is a line of its own: JavaFX drew
     * a wrapped Arabic paragraph wider than its box (its ends under the list of steps, whether in
     * a label or a text flow), while a line that fits is drawn right.
     */
    static Region paragraph(String text, I18n i18n) {
        if (!i18n.rightToLeft()) {
            Label l = wrapped(Ui.label(text, "muted"));
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        }
        VBox lines = new VBox(2);
        for (String sentence : text.split("(?<=[.:؟!])\\s+|\n")) {
            if (!sentence.isBlank()) {
                lines.getChildren().add(wrapped(Ui.label(sentence.strip(), "muted")));
            }
        }
        lines.setMaxWidth(Double.MAX_VALUE);
        return lines;
    }

    /**
     * A label that wraps within its page: as wide as the page allows, not as its one long line
     * (a wrapped right-to-left label left at its own width was drawn past the page's edge).
     */
    static Label wrapped(Label l) {
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private Button next() {
        Button b = Ui.id(Ui.button(i18n.t("setup.next"), "primary", model::next), "setup-next");
        b.disableProperty().bind(model.busy);
        return b;
    }

    private VBox roster() {
        return new VBox(
                14, title("setup.roster.title"), hint("setup.roster.hint"), new ImportPane(model.staff, i18n).root());
    }

    private VBox printer() {
        ListView<Printers.Found> list =
                Ui.id(new ListView<>(FXCollections.observableArrayList(model.printers)), "setup-printers");
        Ui.listen(list, model.printers, (javafx.collections.ListChangeListener<Printers.Found>)
                c -> list.getItems().setAll(model.printers));
        list.setPrefHeight(120);
        list.setPlaceholder(Ui.label(i18n.t("setup.printer.none"), "muted"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Printers.Found f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : i18n.printer(f.state(), f.name()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.printer.set(now.name());
            }
        });
        Button refresh = Ui.id(
                Ui.button(i18n.t("setup.printer.refresh"), "secondary", model::loadPrinters), "setup-printers-refresh");
        TextField zebra = Ui.id(new TextField(), "setup-zebra");
        zebra.setPromptText("192.168.1.50:9100");
        zebra.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT); // an address is Latin letters and digits
        zebra.setOnAction(e -> model.zebra(zebra.getText()));
        Button useZebra = Ui.id(
                Ui.button(i18n.t("setup.printer.zebraUse"), "secondary", () -> model.zebra(zebra.getText())),
                "setup-zebra-use");
        ComboBox<StationSetup.Template> template =
                Ui.id(new ComboBox<>(FXCollections.observableArrayList(model.templates)), "setup-template");
        Ui.listen(template, model.templates, (javafx.collections.ListChangeListener<StationSetup.Template>) c -> {
            template.getItems().setAll(model.templates);
            selectTemplate(template);
        });
        selectTemplate(template);
        template.setCellFactory(v -> templateCell());
        template.setButtonCell(templateCell());
        template.setAccessibleText(i18n.t("setup.printer.template"));
        template.setOnAction(e -> {
            if (template.getValue() != null) {
                model.template.set(template.getValue().name());
            }
        });
        Label chosen = Ui.id(Ui.label("", "section-title"), "setup-printer-chosen");
        Runnable showChosen = () -> chosen.setText(
                model.printer.get() == null
                        ? i18n.t("setup.printer.noneChosen")
                        : i18n.t("setup.printer.chosen", model.printer.get()));
        Ui.listen(chosen, model.printer, (o, was, now) -> showChosen.run());
        showChosen.run();
        Button test = Ui.id(Ui.button(i18n.t("setup.printer.test"), "primary", model::testPrint), "setup-test-print");
        Button skip = Ui.id(Ui.button(i18n.t("setup.printer.skip"), "secondary", model::next), "setup-skip-printer");
        for (var n : List.of(test, skip, refresh, useZebra)) {
            n.disableProperty().bind(model.busy);
        }
        Label question = wrapped(Ui.id(Ui.label(i18n.t("setup.printer.question"), "section-title"), "setup-question"));
        Button yes =
                Ui.id(Ui.button(i18n.t("setup.printer.yes"), "primary", () -> model.answer(true)), "setup-print-yes");
        Button no =
                Ui.id(Ui.button(i18n.t("setup.printer.no"), "secondary", () -> model.answer(false)), "setup-print-no");
        VBox ask = new VBox(10, question, new HBox(12, yes, no));
        ask.getStyleClass().add("card");
        ask.setPadding(new Insets(16));
        ask.visibleProperty().bind(model.asking);
        ask.managedProperty().bind(model.asking);
        Label message = Ui.id(Ui.label("", "message"), "setup-printer-message");
        wrapped(message);
        Ui.bindMessage(message, model.printerMessage);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.addRow(0, Ui.labelFor(i18n.t("setup.printer.zebra"), zebra), new HBox(12, zebra, useZebra));
        form.addRow(1, Ui.labelFor(i18n.t("setup.printer.template"), template), template);
        return new VBox(
                14,
                title("setup.printer.title"),
                hint("setup.printer.hint"),
                Ui.labelFor(i18n.t("setup.printer.queues"), list),
                list,
                refresh,
                form,
                hint("setup.printer.labels"),
                chosen,
                new HBox(12, test, Ui.spacer(), skip),
                message,
                ask);
    }

    private void selectTemplate(ComboBox<StationSetup.Template> box) {
        box.getItems().stream()
                .filter(t -> t.name().equals(model.template.get()))
                .findFirst()
                .ifPresent(box::setValue);
    }

    private ListCell<StationSetup.Template> templateCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(StationSetup.Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(
                        empty || t == null
                                ? null
                                : i18n.t(
                                        "setup.printer.templateSize",
                                        t.name(),
                                        i18n.number(Math.round(t.widthMm())),
                                        i18n.number(Math.round(t.heightMm()))));
            }
        };
    }

    private VBox pins() {
        PasswordField supervisor = pinField("setup-pin-supervisor");
        PasswordField supervisorAgain = pinField("setup-pin-supervisor-again");
        PasswordField admin = pinField("setup-pin-admin");
        PasswordField adminAgain = pinField("setup-pin-admin-again");
        Runnable save = () -> {
            String a = supervisor.getText();
            String b = supervisorAgain.getText();
            String c = admin.getText();
            String d = adminAgain.getText();
            for (PasswordField f : List.of(supervisor, supervisorAgain, admin, adminAgain)) {
                f.clear();
            }
            model.savePins(a, b, c, d);
        };
        adminAgain.setOnAction(e -> save.run());
        Button ok = Ui.id(Ui.button(i18n.t("setup.pins.save"), "primary", save), "setup-pins-save");
        ok.disableProperty().bind(model.busy);
        Button keep = Ui.id(Ui.button(i18n.t("setup.pins.keep"), "secondary", model::next), "setup-pins-keep");
        keep.visibleProperty().bind(model.pinsSet);
        keep.managedProperty().bind(model.pinsSet);
        Label message = Ui.id(Ui.label("", "message"), "setup-pins-message");
        wrapped(message);
        Ui.bindMessage(message, model.pinMessage);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.addRow(0, Ui.labelFor(i18n.t("setup.pins.supervisor"), supervisor), supervisor);
        form.addRow(1, Ui.labelFor(i18n.t("setup.pins.again"), supervisorAgain), supervisorAgain);
        form.addRow(2, Ui.labelFor(i18n.t("setup.pins.admin"), admin), admin);
        form.addRow(3, Ui.labelFor(i18n.t("setup.pins.again"), adminAgain), adminAgain);
        return new VBox(
                14,
                title("setup.pins.title"),
                hint("setup.pins.hint", org.arrivals.station.StaffPin.MIN_DIGITS),
                form,
                new HBox(12, ok, Ui.spacer(), keep),
                message);
    }

    private static PasswordField pinField(String id) {
        PasswordField f = Ui.id(new PasswordField(), id);
        f.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        f.setPrefColumnCount(12);
        return f;
    }

    private VBox mode() {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(10);
        for (Mode m : List.of(Mode.DESK, Mode.SELF, Mode.DOOR)) {
            String name = m.name().toLowerCase(Locale.ROOT);
            ToggleButton b = Ui.id(new ToggleButton(i18n.t("setup.mode." + name)), "setup-mode-" + name);
            b.getStyleClass().add("setup-mode");
            b.setToggleGroup(group);
            b.setSelected(model.mode.get() == m);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setWrapText(true);
            b.setOnAction(e -> {
                model.mode.set(m);
                b.setSelected(true); // a choice, not a switch: clicking the chosen one keeps it
            });
            choices.getChildren().add(b);
        }
        Button finish = Ui.id(Ui.button(i18n.t("setup.finish"), "primary", model::finish), "setup-finish");
        finish.disableProperty().bind(model.busy);
        Label message = Ui.id(Ui.label("", "message"), "setup-mode-message");
        wrapped(message);
        Ui.bindMessage(message, model.modeMessage);
        return new VBox(
                14,
                title("setup.mode.title"),
                hint("setup.mode.hint"),
                choices,
                hint("setup.mode.later"),
                finish,
                message);
    }

    public Parent root() {
        return root;
    }
}
