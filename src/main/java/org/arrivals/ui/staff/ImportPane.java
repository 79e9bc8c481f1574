package org.arrivals.ui.staff;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.importing.ImportProblem;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.NameFonts;
import org.arrivals.ui.common.Ui;

/**
 * Importing the roster with a preview first: staff mode's import page, and the first-run
 * wizard's roster step at a station that works without a hub. The model ({@link StaffModel})
 * asks the roster service; this page only shows its report.
 */
public final class ImportPane {
    private final StaffModel model;
    private final I18n i18n;
    private final Parent root;

    /** An import problem in the screen's language: its kind's sentence, a field named as people call it. */
    private String problemText(ImportProblem p) {
        Object[] args = p.args().toArray();
        if (p.kind() == ImportProblem.Kind.EDIT_KEPT || p.kind() == ImportProblem.Kind.TOO_LONG) {
            args[0] = p.args().get(0).equals("other")
                    ? i18n.t("import.problem.otherColumns")
                    : AttendeeField.byCliName(p.args().get(0))
                            .map(f -> i18n.t("field." + f.name()))
                            .orElse(p.args().get(0));
        }
        if (p.kind() == ImportProblem.Kind.BLOCKED_STATUS) {
            args[0] = RegistrationStatus.parse(p.args().get(0))
                    .map(s -> i18n.t("status." + s.name()))
                    .orElse(p.args().get(0));
        }
        return i18n.t("import.problem." + p.kind().name(), args);
    }

    private static TableColumn<ImportProblem, String> importColumn(
            String title, Function<ImportProblem, String> value, double width) {
        TableColumn<ImportProblem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The page: choose a file, its preview (columns, changes, problems), then import. */
    public ImportPane(StaffModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.root = build();
    }

    public Parent root() {
        return root;
    }

    private Parent build() {
        Label file = Ui.label(i18n.t("staff.import.none"), "muted");
        Ui.listen(
                file,
                model.importFile,
                (o, was, now) -> file.setText(
                        now == null
                                ? i18n.t("staff.import.none")
                                : now.getFileName().toString()));
        Button choose = Ui.id(
                Ui.button(i18n.t("staff.import.choose"), "secondary", () -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle(i18n.t("staff.import.choose"));
                    chooser.getExtensionFilters()
                            .add(new FileChooser.ExtensionFilter("CSV, XLSX", "*.csv", "*.xlsx", "*.txt"));
                    var f = chooser.showOpenDialog(root.getScene().getWindow());
                    if (f != null) {
                        model.previewImport(f.toPath());
                    }
                }),
                "import-choose");
        GridPane columns = new GridPane();
        columns.setHgap(16);
        columns.setVgap(4);
        columns.setId("import-columns");
        Label format = Ui.id(Ui.label("", "muted"), "import-format");
        ListView<String> warnings = Ui.id(new ListView<>(), "import-warnings");
        warnings.setPrefHeight(70);
        // the problems, a row each, scrollable, kept on screen after the import
        TableView<ImportProblem> problems = Ui.id(new TableView<>(), "import-problems");
        problems.setPrefHeight(180);
        problems.setPlaceholder(Ui.label(i18n.t("staff.import.noProblems"), "muted"));
        problems.getColumns().add(importColumn(i18n.t("staff.import.line"), p -> i18n.number(p.line()), 80));
        problems.getColumns().add(importColumn(i18n.t("staff.queue.code"), p -> p.code() == null ? "" : p.code(), 140));
        problems.getColumns().add(importColumn(i18n.t("staff.queue.error"), this::problemText, 640));
        // who would be added or changed, by name, so a wrong file is seen before the doors open
        ListView<ImportReport.Change> changes = Ui.id(new ListView<>(), "import-changes");
        changes.setPrefHeight(160);
        changes.setPrefWidth(460);
        changes.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ImportReport.Change c, boolean empty) {
                super.updateItem(c, empty);
                setText(
                        empty || c == null
                                ? null
                                : i18n.t("staff.import.change." + c.kind().name(), c.name(), c.code(), c.line()));
                setStyle(empty || c == null ? "" : NameFonts.style(c.name()));
            }
        });
        Button commit =
                Ui.id(Ui.button(i18n.t("staff.import.commit"), "primary", model::commitImport), "import-commit");
        commit.disableProperty().bind(model.importPreview.isNull());
        java.util.function.Consumer<ImportReport> showReport = r -> {
            columns.getChildren().clear();
            problems.getItems().clear();
            changes.getItems().clear();
            warnings.getItems().clear();
            format.setText("");
            if (r == null) {
                return;
            }
            format.setText(
                    i18n.t("staff.import.format", i18n.t("format." + r.format().name())));
            int row = 0;
            columns.addRow(
                    row++,
                    Ui.label(i18n.t("staff.import.field"), "dash-title"),
                    Ui.label(i18n.t("staff.import.column"), "dash-title"));
            for (var e : r.columns().entrySet()) {
                // the field as a person calls it (First name), the column as the file names it
                String field = AttendeeField.byCliName(e.getKey())
                        .map(f -> i18n.t("field." + f.name()))
                        .orElse(e.getKey());
                columns.addRow(row++, new Label(field), new Label(e.getValue()));
            }
            problems.getItems().setAll(r.problems());
            changes.getItems().setAll(r.changes());
            for (var w : r.warnings()) {
                warnings.getItems()
                        .add(i18n.t("staff.import.warning." + w.kind().name(), w.column()));
            }
        };
        Ui.listen(columns, model.importShown, (o, was, r) -> showReport.accept(r));
        showReport.accept(model.importShown.get()); // a view made anew (the language changed) shows the report
        warnings.visibleProperty().bind(Bindings.isNotEmpty(warnings.getItems()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        Label message = Ui.id(Ui.label("", "message"), "import-message");
        Ui.bindMessage(message, model.importMessage);
        VBox page = new VBox(
                12,
                Ui.label(i18n.t("staff.tab.import"), "section-title"),
                Ui.label(i18n.t("staff.import.hint"), "muted"),
                new HBox(12, choose, file, commit),
                message,
                format,
                warnings,
                new HBox(32, columns, new VBox(6, Ui.label(i18n.t("staff.import.changes"), "muted"), changes)),
                Ui.label(i18n.t("staff.import.problems"), "muted"),
                problems);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
