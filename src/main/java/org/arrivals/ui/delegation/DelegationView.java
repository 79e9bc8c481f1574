package org.arrivals.ui.delegation;

import java.time.LocalDate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.arrivals.delegation.DelegationService;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Ui;

/** An organization's page: find it, its people with their arrival on each event day, check several in at once. */
public final class DelegationView {
    private final DelegationModel model;
    private final I18n i18n;
    private final VBox root = new VBox(12);
    final TextField search = new TextField();

    public DelegationView(DelegationModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        search.setId("delegation-search");
        search.setPromptText(i18n.t("delegation.search.prompt"));
        search.setAccessibleText(i18n.t("delegation.search.prompt"));
        search.getStyleClass().add("search-field");
        search.textProperty().bindBidirectional(model.query);

        ListView<DelegationService.Summary> matches = Ui.id(new ListView<>(model.matches), "delegation-matches");
        matches.setPrefHeight(150);
        matches.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DelegationService.Summary s, boolean empty) {
                super.updateItem(s, empty);
                setText(
                        empty || s == null
                                ? null
                                : i18n.t(
                                        "delegation.summary",
                                        s.organization(),
                                        i18n.number(s.arrived()),
                                        i18n.number(s.expected())));
                setStyle(empty || s == null ? "" : org.arrivals.ui.common.NameFonts.style(s.organization()));
            }
        });
        matches.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.choose(now));
        var several = javafx.beans.binding.Bindings.isNotEmpty(model.matches);
        matches.visibleProperty().bind(several);
        matches.managedProperty().bind(several);
        Label severalHint = Ui.label(i18n.t("delegation.several"), "muted");
        severalHint.visibleProperty().bind(several);
        severalHint.managedProperty().bind(several);

        Label summary = Ui.id(Ui.label("", "section-title"), "delegation-summary");
        Ui.listen(summary, model.delegation, (o, was, d) -> summary.setText(summaryOf(d)));
        summary.setText(summaryOf(model.delegation.get()));

        TableView<DelegationService.Member> table = Ui.id(new TableView<>(model.members), "delegation-table");
        table.setEditable(true);
        table.setPlaceholder(Ui.label(i18n.t("delegation.empty"), "muted"));
        VBox.setVgrow(table, Priority.ALWAYS);
        Runnable columns = () -> columns(table);
        Ui.listen(table, model.days, (javafx.collections.ListChangeListener<LocalDate>) c -> columns.run());
        columns.run();

        Button chooseMissing = Ui.id(
                Ui.button(i18n.t("delegation.chooseMissing"), "secondary", () -> {
                    model.chooseEveryoneNotInToday();
                    table.refresh();
                }),
                "delegation-choose-missing");
        Button checkIn =
                Ui.id(Ui.button(i18n.t("delegation.checkIn"), "primary", model::checkInChosen), "delegation-checkin");
        chooseMissing.disableProperty().bind(model.delegation.isNull());
        checkIn.disableProperty().bind(model.delegation.isNull());
        Label message = Ui.id(Ui.label("", "message"), "delegation-message");
        Ui.bindMessage(message, model.message);
        HBox buttons = new HBox(12, chooseMissing, checkIn);
        buttons.setAlignment(Pos.CENTER_LEFT);
        root.getChildren()
                .addAll(
                        Ui.label(i18n.t("delegation.title"), "section-title"),
                        Ui.label(i18n.t("delegation.hint"), "muted"),
                        search,
                        severalHint,
                        matches,
                        summary,
                        table,
                        buttons,
                        message);
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        search.requestFocus();
    }

    private String summaryOf(DelegationService.Delegation d) {
        return d == null
                ? ""
                : i18n.t("delegation.summary", d.organization(), i18n.number(d.arrived()), i18n.number(d.expected()));
    }

    private void columns(TableView<DelegationService.Member> table) {
        table.getColumns().clear();
        TableColumn<DelegationService.Member, Boolean> pick = new TableColumn<>(i18n.t("delegation.col.choose"));
        pick.setCellValueFactory(f -> model.chosen(f.getValue().attendee().code()));
        pick.setCellFactory(CheckBoxTableCell.forTableColumn(pick));
        pick.setEditable(true);
        pick.setPrefWidth(70);
        table.getColumns().add(pick);
        TableColumn<DelegationService.Member, String> name = new TableColumn<>(i18n.t("delegation.col.name"));
        name.setCellValueFactory(
                f -> new ReadOnlyStringWrapper(f.getValue().attendee().displayName()));
        name.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setStyle(empty || s == null ? "" : org.arrivals.ui.common.NameFonts.style(s));
            }
        });
        name.setPrefWidth(260);
        table.getColumns().add(name);
        TableColumn<DelegationService.Member, String> code = new TableColumn<>(i18n.t("delegation.col.code"));
        code.setCellValueFactory(
                f -> new ReadOnlyStringWrapper(f.getValue().attendee().code()));
        code.setPrefWidth(120);
        table.getColumns().add(code);
        TableColumn<DelegationService.Member, String> status = new TableColumn<>(i18n.t("delegation.col.status"));
        status.setCellValueFactory(f -> new ReadOnlyStringWrapper(
                i18n.t("status." + f.getValue().attendee().status().name())));
        status.setPrefWidth(120);
        table.getColumns().add(status);
        java.time.format.DateTimeFormatter dates = java.time.format.DateTimeFormatter.ofLocalizedDate(
                        java.time.format.FormatStyle.MEDIUM)
                .withLocale(i18n.locale())
                .withDecimalStyle(java.time.format.DecimalStyle.of(i18n.locale()));
        for (LocalDate d : model.days) {
            TableColumn<DelegationService.Member, String> day =
                    new TableColumn<>(dates.format(d).replaceAll("[\u061C\u200E\u200F]", ""));
            day.setCellValueFactory(
                    f -> new ReadOnlyObjectWrapper<>(f.getValue().arrival().checkedInOn(d) ? "✓" : ""));
            day.setPrefWidth(110);
            day.setStyle("-fx-alignment: CENTER;");
            if (d.equals(model.today.get())) {
                day.setText(i18n.t("delegation.col.today"));
            }
            table.getColumns().add(day);
        }
    }
}
