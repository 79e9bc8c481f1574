package org.arrivals.ui.staff;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.importing.ImportProblem;
import org.arrivals.print.PrintJob;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.StatusModel;
import org.arrivals.ui.common.Ui;

/** Staff mode, behind the PIN: dashboard, reprints, the print queue, importing, settings. */
public final class StaffView {
    private final StaffModel model;
    private final I18n i18n;
    private final TabPane tabs = new TabPane();

    /** What the shell offers from staff mode: switching modes, text size, leaving. */
    public interface Actions {
        void desk();

        void self();

        void exit();

        void largeText(boolean on);

        boolean largeText();
    }

    public StaffView(StaffModel model, StatusModel status, I18n i18n, Actions actions) {
        this.model = model;
        this.i18n = i18n;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("staff-tabs");
        tabs.getTabs().addAll(tab("tab-dashboard", i18n.t("staff.tab.dashboard"), new DashboardView(status, i18n).root()),
                tab("tab-reprint", i18n.t("staff.tab.reprint"), reprint()),
                tab("tab-queue", i18n.t("staff.tab.queue"), queue()),
                tab("tab-import", i18n.t("staff.tab.import"), importing()),
                tab("tab-settings", i18n.t("staff.tab.settings"), settings(actions)));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && "tab-queue".equals(now.getId())) {
                model.refreshJobs();
            }
        });
    }

    public Parent root() {
        return tabs;
    }

    private static Tab tab(String id, String title, Parent content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        content.getStyleClass().add("staff-page");
        return t;
    }

    private Parent reprint() {
        TextField find = Ui.id(new TextField(), "reprint-search");
        find.setPromptText(i18n.t("desk.search.prompt"));
        find.setAccessibleText(i18n.t("desk.search.prompt"));
        find.textProperty().bindBidirectional(model.reprintQuery);
        ListView<Attendee> people = Ui.id(new ListView<>(model.reprintMatches), "reprint-results");
        people.setPrefHeight(280);
        people.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Attendee a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.displayName() + " · " + (a.organization() == null ? "" : a.organization()));
                setStyle(empty || a == null ? "" : org.arrivals.ui.common.NameFonts.style(a.displayName()));
            }
        });
        Ui.listen(people, model.reprintMatches, (javafx.collections.ListChangeListener<Attendee>) c -> {
            if (!model.reprintMatches.isEmpty()) {
                people.getSelectionModel().select(0);
            }
        });
        ComboBox<String> reason = Ui.id(new ComboBox<>(), "reprint-reason");
        reason.setPromptText(i18n.t("staff.reprint.reason"));
        reason.setAccessibleText(i18n.t("staff.reprint.reason"));
        for (String r : StaffModel.REASONS) {
            reason.getItems().add(r);
        }
        reason.setCellFactory(v -> reasonCell());
        reason.setButtonCell(reasonCell());
        Button go = Ui.id(Ui.button(i18n.t("staff.reprint.go"), "primary",
                () -> model.reprint(people.getSelectionModel().getSelectedItem(), reason.getValue())), "reprint-go");
        Label message = Ui.id(Ui.label("", "message"), "reprint-message");
        Ui.bindMessage(message, model.reprintMessage);
        return new VBox(12, Ui.label(i18n.t("staff.reprint.title"), "section-title"),
                Ui.label(i18n.t("staff.reprint.hint"), "muted"), find, people, new HBox(12, reason, go), message);
    }

    private ListCell<String> reasonCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? i18n.t("staff.reprint.reason") : i18n.t("reason." + r.replace(' ', '_')));
            }
        };
    }

    private Parent queue() {
        TableView<PrintJob> table = Ui.id(new TableView<>(model.jobs), "queue-table");
        table.getColumns().add(column(i18n.t("staff.queue.id"), PrintJob::id, 60));
        table.getColumns().add(column(i18n.t("staff.queue.code"), PrintJob::attendeeCode, 130));
        table.getColumns().add(column(i18n.t("staff.queue.printer"), PrintJob::printer, 160));
        TableColumn<PrintJob, PrintJob.State> state = column(i18n.t("staff.queue.state"), PrintJob::state, 180);
        state.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(PrintJob.State s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : i18n.t("job." + s.name()));
            }
        });
        table.getColumns().add(state);
        table.getColumns().add(column(i18n.t("staff.queue.attempts"), PrintJob::attempts, 80));
        table.getColumns().add(column(i18n.t("staff.queue.error"), PrintJob::error, 420));
        table.setPlaceholder(Ui.label(i18n.t("staff.queue.empty"), "muted"));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button retry = Ui.id(Ui.button(i18n.t("staff.queue.retry"), "primary", () -> {
            PrintJob j = table.getSelectionModel().getSelectedItem();
            if (j != null) {
                model.retry(j);
            }
        }), "queue-retry");
        Button cancel = Ui.id(Ui.button(i18n.t("staff.queue.cancel"), "secondary", () -> {
            PrintJob j = table.getSelectionModel().getSelectedItem();
            if (j != null) {
                model.cancel(j);
            }
        }), "queue-cancel");
        retry.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = Ui.button(i18n.t("staff.queue.refresh"), "secondary", model::refreshJobs);
        Label message = Ui.id(Ui.label("", "message"), "queue-message");
        Ui.bindMessage(message, model.queueMessage);
        return new VBox(12, Ui.label(i18n.t("staff.tab.queue"), "section-title"), table,
                new HBox(12, retry, cancel, refresh), message);
    }

    private static <T> TableColumn<PrintJob, T> column(String title, java.util.function.Function<PrintJob, T> value,
                                                       double width) {
        TableColumn<PrintJob, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Parent importing() {
        Label file = Ui.label(i18n.t("staff.import.none"), "muted");
        Ui.listen(file, model.importFile, (o, was, now) -> file.setText(now == null ? i18n.t("staff.import.none")
                : now.getFileName().toString()));
        Button choose = Ui.id(Ui.button(i18n.t("staff.import.choose"), "secondary", () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.t("staff.import.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV, XLSX", "*.csv", "*.xlsx", "*.txt"));
            var f = chooser.showOpenDialog(tabs.getScene().getWindow());
            if (f != null) {
                model.previewImport(f.toPath());
            }
        }), "import-choose");
        GridPane columns = new GridPane();
        columns.setHgap(16);
        columns.setVgap(4);
        columns.setId("import-columns");
        ListView<String> problems = Ui.id(new ListView<>(), "import-problems");
        problems.setPrefHeight(200);
        Button commit = Ui.id(Ui.button(i18n.t("staff.import.commit"), "primary", model::commitImport), "import-commit");
        commit.disableProperty().bind(model.importPreview.isNull());
        Ui.listen(columns, model.importPreview, (o, was, r) -> {
            columns.getChildren().clear();
            problems.getItems().clear();
            if (r == null) {
                return;
            }
            int row = 0;
            columns.addRow(row++, Ui.label(i18n.t("staff.import.field"), "dash-title"),
                    Ui.label(i18n.t("staff.import.column"), "dash-title"));
            for (var e : r.columns().entrySet()) {
                columns.addRow(row++, new Label(e.getKey()), new Label(e.getValue()));
            }
            for (ImportProblem p : r.problems()) {
                problems.getItems().add(i18n.t("staff.import.problem", p.line(), p.reason()));
            }
        });
        Label message = Ui.id(Ui.label("", "message"), "import-message");
        Ui.bindMessage(message, model.importMessage);
        return new VBox(12, Ui.label(i18n.t("staff.tab.import"), "section-title"), Ui.label(i18n.t("staff.import.hint"),
                "muted"), new HBox(12, choose, file), message, columns, Ui.label(i18n.t("staff.import.problems"), "muted"),
                problems, commit);
    }

    private Parent settings(Actions actions) {
        // Each combo box gets its own copy of the model's list: a JavaFX combo box left holding a
        // long-lived list stays reachable from it (ViewLifetimeTest found it), with its whole screen.
        ComboBox<String> printer = Ui.id(new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                model.printers)), "settings-printer");
        printer.setEditable(true);
        printer.setValue(model.printer.get());
        printer.setAccessibleText(i18n.t("staff.settings.printer"));
        // the list arrives later from the spooler; replacing the items must not blank the current choice
        Ui.listen(printer, model.printers, (javafx.collections.ListChangeListener<String>) c -> {
            printer.getItems().setAll(model.printers);
            if (printer.getValue() == null || printer.getValue().isBlank()) {
                printer.setValue(model.printer.get());
            }
        });
        model.loadPrinters();
        ComboBox<String> template = Ui.id(new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                model.templates)), "settings-template");
        template.setValue(model.template.get());
        template.setAccessibleText(i18n.t("staff.settings.template"));
        Button save = Ui.id(Ui.button(i18n.t("staff.settings.save"), "primary",
                () -> model.choose(printer.getEditor().getText().strip(), template.getValue())), "settings-save");
        CheckBox large = Ui.id(new CheckBox(i18n.t("staff.settings.largeText")), "settings-large");
        large.setSelected(actions.largeText());
        large.setOnAction(e -> actions.largeText(large.isSelected()));
        Label message = Ui.id(Ui.label("", "message"), "settings-message");
        Ui.bindMessage(message, model.settingsMessage);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        Label pl = new Label(i18n.t("staff.settings.printer"));
        pl.setLabelFor(printer);
        Label tl = new Label(i18n.t("staff.settings.template"));
        tl.setLabelFor(template);
        form.addRow(0, pl, printer);
        form.addRow(1, tl, template);
        form.addRow(2, new Label(), large);
        Button desk = Ui.id(Ui.button(i18n.t("staff.mode.desk"), "secondary", actions::desk), "mode-desk");
        Button self = Ui.id(Ui.button(i18n.t("staff.mode.self"), "secondary", actions::self), "mode-self");
        Button exit = Ui.id(Ui.button(i18n.t("staff.exit"), "danger", actions::exit), "exit");
        VBox box = new VBox(14, Ui.label(i18n.t("staff.tab.settings"), "section-title"), form, save, message,
                Ui.label(i18n.t("staff.modes"), "section-title"), new HBox(12, desk, self, exit));
        box.setPadding(new Insets(4));
        return box;
    }
}
