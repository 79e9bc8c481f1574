package org.arrivals.ui.staff;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.arrivals.attendee.Attendee;
import org.arrivals.audit.Role;
import org.arrivals.checkin.CheckInService;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrinterState;
import org.arrivals.station.KioskSettings;
import org.arrivals.ui.common.Authority;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.NameFonts;
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

        /** The session door screen. */
        default void door() {}

        void exit();

        /** The set-up wizard again (its steps: printer, PINs, mode, hub or roster), on the admin's authority. */
        default void setup(Role by) {}

        void largeText(boolean on);

        boolean largeText();
    }

    private final Authority authority;

    /** @param authority asks for the admin's PIN when a supervisor opened staff mode and an admin's action is wanted */
    public StaffView(StaffModel model, StatusModel status, I18n i18n, Actions actions, Authority authority) {
        this.model = model;
        this.i18n = i18n;
        this.authority = authority;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("staff-tabs");
        tabs.getTabs()
                .addAll(
                        tab("tab-dashboard", i18n.t("staff.tab.dashboard"), new DashboardView(status, i18n).root()),
                        tab("tab-reprint", i18n.t("staff.tab.reprint"), reprint()),
                        tab(
                                "tab-delegations",
                                i18n.t("staff.tab.delegations"),
                                new org.arrivals.ui.delegation.DelegationView(model.delegations, i18n).root()),
                        tab("tab-queue", i18n.t("staff.tab.queue"), queue()),
                        tab("tab-import", i18n.t("staff.tab.import"), new ImportPane(model, i18n).root()),
                        tab("tab-export", i18n.t("staff.tab.export"), exporting()),
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
        ListView<CheckInService.Person> people = Ui.id(new ListView<>(model.reprintMatches), "reprint-results");
        people.setPrefHeight(240);
        people.setPrefWidth(560);
        find.setPrefWidth(560);
        people.setCellFactory(v -> personCell());
        Ui.listen(people, model.reprintMatches, (ListChangeListener<CheckInService.Person>) c -> {
            if (!model.reprintMatches.isEmpty()) {
                people.getSelectionModel().select(0);
            }
        });
        // the chosen person: their status, whether they are in, their badges so far, and the badge as it would print
        Label who = Ui.id(Ui.label("", "card-name"), "reprint-person");
        Label state = Ui.id(Ui.label("", "muted"), "reprint-state");
        ImageView preview = new ImageView();
        preview.setId("reprint-preview");
        preview.imageProperty().bind(model.reprintPreview);
        preview.setPreserveRatio(true);
        preview.setFitWidth(260);
        preview.setAccessibleText(i18n.t("desk.preview"));
        people.getSelectionModel().selectedItemProperty().addListener((o, was, p) -> {
            who.setText(p == null ? "" : p.attendee().nameForDesk());
            who.setStyle(p == null ? "" : NameFonts.style(p.attendee().displayName()));
            state.setText(p == null ? "" : personState(p));
            model.previewReprint(p == null ? null : p.attendee());
        });
        ComboBox<String> reason = Ui.id(new ComboBox<>(), "reprint-reason");
        reason.setPromptText(i18n.t("staff.reprint.reason"));
        reason.setAccessibleText(i18n.t("staff.reprint.reason"));
        reason.getItems().addAll(StaffModel.REASONS);
        reason.valueProperty().bindBidirectional(model.reprintReason);
        reason.setCellFactory(v -> reasonCell());
        reason.setButtonCell(reasonCell());
        Button go = Ui.id(
                Ui.button(i18n.t("staff.reprint.go"), "primary", () -> {
                    CheckInService.Person p = people.getSelectionModel().getSelectedItem();
                    String why = reason.getValue();
                    if (p != null && why != null && StaffModel.reprintNeedsConfirming(p)) {
                        authority.confirm(
                                i18n.t("staff.reprint.confirm", p.attendee().displayName(), personState(p)),
                                i18n.t("staff.reprint.go"),
                                () -> model.reprint(p.attendee(), why));
                    } else {
                        model.reprint(p == null ? null : p.attendee(), why);
                    }
                }),
                "reprint-go");
        Label message = Ui.id(Ui.label("", "message"), "reprint-message");
        Ui.bindMessage(message, model.reprintMessage);
        VBox chosen = new VBox(6, who, state, preview);
        chosen.getStyleClass().add("preview-box");
        chosen.visibleProperty()
                .bind(people.getSelectionModel().selectedItemProperty().isNotNull());
        HBox findAndShow = new HBox(16, new VBox(12, find, people), chosen);
        // checked in, but no badge: checked in while no printer was chosen, or their job was cancelled
        ListView<CheckInService.Person> missing = Ui.id(new ListView<>(model.withoutBadge), "no-badge-list");
        missing.setPrefHeight(140);
        missing.setCellFactory(v -> personCell());
        missing.setPlaceholder(Ui.label(i18n.t("staff.noBadge.none"), "muted"));
        Button printMissing = Ui.id(
                Ui.button(i18n.t("staff.noBadge.print"), "secondary", model::printMissingBadges), "no-badge-print");
        printMissing.disableProperty().bind(Bindings.isEmpty(model.withoutBadge));
        model.loadWithoutBadge();
        return new VBox(
                12,
                Ui.label(i18n.t("staff.reprint.title"), "section-title"),
                Ui.label(i18n.t("staff.reprint.hint"), "muted"),
                findAndShow,
                new HBox(12, reason, go),
                message,
                Ui.label(i18n.t("staff.noBadge.title"), "section-title"),
                missing,
                printMissing);
    }

    /** Where a person stands, in a few words: their registration, whether they are in, their badges. */
    private String personState(CheckInService.Person p) {
        String status = i18n.t("status." + p.attendee().status().name());
        String in = p.arrival().checkedIn()
                ? i18n.t("staff.person.in", p.arrival().stationId())
                : i18n.t("staff.person.notIn");
        return i18n.t(
                "staff.person.state",
                status,
                in,
                p.arrival().badgesPrinted(),
                p.attendee().code());
    }

    private ListCell<CheckInService.Person> personCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(CheckInService.Person p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setStyle("");
                    return;
                }
                Attendee a = p.attendee();
                setText(a.nameForDesk() + " · " + (a.organization() == null ? "" : a.organization()) + " · "
                        + personState(p));
                setStyle(NameFonts.style(a.displayName()));
            }
        };
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
        table.getColumns().add(column(i18n.t("staff.queue.code"), PrintJob::attendeeCode, 110));
        table.getColumns()
                .add(column(i18n.t("staff.queue.name"), j -> model.jobNames.getOrDefault(j.attendeeCode(), ""), 220));
        TableColumn<PrintJob, String> printerColumn = column(i18n.t("staff.queue.printer"), PrintJob::printer, 240);
        printerColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : p);
                // a printer's full name, also when the column is narrower than it
                setTooltip(empty || p == null ? null : new Tooltip(p));
            }
        });
        table.getColumns().add(printerColumn);
        TableColumn<PrintJob, PrintJob.State> state = column(i18n.t("staff.queue.state"), PrintJob::state, 180);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(PrintJob.State s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : i18n.t("job." + s.name()));
            }
        });
        table.getColumns().add(state);
        table.getColumns().add(column(i18n.t("staff.queue.attempts"), PrintJob::attempts, 80));
        table.getColumns()
                .add(column(
                        i18n.t("staff.queue.error"),
                        j -> j.problem() == null ? "" : i18n.printer(PrinterState.of(j.problem()), j.printer()),
                        420));
        table.setPlaceholder(Ui.label(i18n.t("staff.queue.empty"), "muted"));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button retry = Ui.id(
                Ui.button(i18n.t("staff.queue.retry"), "primary", () -> {
                    PrintJob j = table.getSelectionModel().getSelectedItem();
                    if (j != null) {
                        model.retry(j);
                    }
                }),
                "queue-retry");
        Button cancel = Ui.id(
                Ui.button(i18n.t("staff.queue.cancel"), "secondary", () -> {
                    PrintJob j = table.getSelectionModel().getSelectedItem();
                    if (j != null) {
                        model.cancel(j);
                    }
                }),
                "queue-cancel");
        retry.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = Ui.button(i18n.t("staff.queue.refresh"), "secondary", model::refreshJobs);
        Label message = Ui.id(Ui.label("", "message"), "queue-message");
        Ui.bindMessage(message, model.queueMessage);
        return new VBox(
                12,
                Ui.label(i18n.t("staff.tab.queue"), "section-title"),
                table,
                new HBox(12, retry, cancel, refresh),
                message);
    }

    private static <T> TableColumn<PrintJob, T> column(String title, Function<PrintJob, T> value, double width) {
        TableColumn<PrintJob, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Runs {@code action} as an admin: at once when an admin's PIN opened staff mode, else after asking for it. */
    private void asAdmin(Consumer<Role> action) {
        if (model.role.get().allows(Role.ADMIN)) {
            action.accept(model.role.get());
        } else {
            authority.ask(i18n.t("pin.why.admin"), Role.ADMIN, action);
        }
    }

    private Parent exporting() {
        TextField folder = Ui.id(new TextField(), "export-folder");
        folder.setAccessibleText(i18n.t("staff.export.folder"));
        folder.setPrefColumnCount(36);
        folder.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT); // a path reads left to right in every language
        Ui.listen(folder, model.exportFolder, (o, was, now) -> folder.setText(now == null ? "" : now.toString()));
        model.suggestExportFolder();
        if (model.exportFolder.get() != null) {
            folder.setText(model.exportFolder.get().toString());
        }
        Button choose = Ui.id(
                Ui.button(i18n.t("staff.export.choose"), "secondary", () -> {
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle(i18n.t("staff.export.choose"));
                    var f = chooser.showDialog(tabs.getScene().getWindow());
                    if (f != null) {
                        model.exportFolder.set(f.toPath());
                    }
                }),
                "export-choose");
        Supplier<Path> chosen = () -> {
            String t = folder.getText().strip();
            return t.isEmpty() ? null : Path.of(t);
        };
        Button list = Ui.id(
                Ui.button(
                        i18n.t("staff.export.run"),
                        "primary",
                        () -> asAdmin(by -> {
                            // the whole list leaves the station: the admin's PIN
                            Path to = chosen.get();
                            if (model.staysOnThisComputer(to)) {
                                authority.confirm(
                                        i18n.t("staff.export.localWarning", to),
                                        i18n.t("staff.export.localYes"),
                                        () -> model.exportList(to, by));
                            } else {
                                model.exportList(to, by);
                            }
                        })),
                "export-list");
        Button audit = Ui.id(
                Ui.button(
                        i18n.t("staff.audit.run"),
                        "secondary",
                        () -> asAdmin(by -> model.exportAudit(chosen.get(), by))),
                "export-audit");
        Label message = Ui.id(Ui.label("", "message"), "export-message");
        Ui.bindMessage(message, model.exportMessage);
        HBox where = new HBox(12, Ui.labelFor(i18n.t("staff.export.folder"), folder), folder, choose);
        where.setAlignment(Pos.CENTER_LEFT);
        return new VBox(
                12,
                Ui.label(i18n.t("staff.export.title"), "section-title"),
                Ui.label(i18n.t("staff.export.hint"), "muted"),
                where,
                list,
                Ui.label(i18n.t("staff.audit.title"), "section-title"),
                Ui.label(i18n.t("staff.audit.hint"), "muted"),
                audit,
                message);
    }

    /** The kiosk's own settings: shown to every staff member, saved only with the admin's PIN. */
    private Parent adminSettings() {
        ComboBox<KioskSettings.Mode> mode = Ui.id(new ComboBox<>(), "admin-mode");
        mode.getItems().setAll(KioskSettings.Mode.values());
        mode.setAccessibleText(i18n.t("staff.admin.mode"));
        Supplier<ListCell<KioskSettings.Mode>> modeCell = () -> new ListCell<>() {
            @Override
            protected void updateItem(KioskSettings.Mode m, boolean empty) {
                super.updateItem(m, empty);
                setText(
                        empty || m == null
                                ? null
                                : i18n.t("staff.admin.mode." + m.name().toLowerCase(Locale.ROOT)));
            }
        };
        mode.setCellFactory(v -> modeCell.get());
        mode.setButtonCell(modeCell.get());
        TextField idle = Ui.id(new TextField(), "admin-idle");
        idle.setPrefColumnCount(5);
        idle.setAccessibleText(i18n.t("staff.admin.idle"));
        ComboBox<Locale> language = Ui.id(new ComboBox<>(), "admin-language");
        language.getItems().setAll(I18n.LANGUAGES);
        language.setAccessibleText(i18n.t("staff.admin.language"));
        language.setCellFactory(v -> Ui.languageCell());
        language.setButtonCell(Ui.languageCell());
        Consumer<KioskSettings> fill = k -> {
            if (k == null) {
                return;
            }
            mode.setValue(k.mode());
            idle.setText(Integer.toString(k.idleSeconds()));
            language.setValue(I18n.LANGUAGES.stream()
                    .filter(l -> l.getLanguage().equals(k.language()))
                    .findFirst()
                    .orElse(I18n.LANGUAGES.get(0)));
        };
        Ui.listen(idle, model.savedKiosk, (o, was, now) -> fill.accept(now));
        model.loadKioskSettings();
        fill.accept(model.savedKiosk.get());
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.addRow(0, Ui.labelFor(i18n.t("staff.admin.mode"), mode), mode);
        form.addRow(1, Ui.labelFor(i18n.t("staff.admin.idle"), idle), idle);
        form.addRow(2, Ui.labelFor(i18n.t("staff.admin.language"), language), language);
        Button save = Ui.id(
                Ui.button(
                        i18n.t("staff.admin.save"),
                        "secondary",
                        () -> asAdmin(by -> model.saveStationSettings(
                                mode.getValue(),
                                idle.getText(),
                                language.getValue().getLanguage(),
                                by))),
                "admin-save");
        save.disableProperty().bind(model.savedKiosk.isNull()); // the form shows the saved settings first
        Label message = Ui.id(Ui.label("", "message"), "admin-message");
        Ui.bindMessage(message, model.adminMessage);
        return new VBox(
                12,
                Ui.label(i18n.t("staff.admin.title"), "section-title"),
                Ui.label(i18n.t("staff.admin.hint"), "muted"),
                form,
                save,
                message);
    }

    private Parent settings(Actions actions) {
        // Each combo box gets its own copy of the model's list: a JavaFX combo box left holding a
        // long-lived list stays reachable from it (ViewLifetimeTest found it), with its whole screen.
        ComboBox<String> printer =
                Ui.id(new ComboBox<>(FXCollections.observableArrayList(model.printers)), "settings-printer");
        printer.setEditable(true);
        printer.setValue(model.printer.get());
        printer.setAccessibleText(i18n.t("staff.settings.printer"));
        // the list arrives later from the spooler; replacing the items must not blank the current choice
        Ui.listen(printer, model.printers, (ListChangeListener<String>) c -> {
            printer.getItems().setAll(model.printers);
            if (printer.getValue() == null || printer.getValue().isBlank()) {
                printer.setValue(model.printer.get());
            }
        });
        model.loadPrinters();
        ComboBox<String> template =
                Ui.id(new ComboBox<>(FXCollections.observableArrayList(model.templates)), "settings-template");
        template.setValue(model.template.get());
        template.setAccessibleText(i18n.t("staff.settings.template"));
        Button save = Ui.id(
                Ui.button(
                        i18n.t("staff.settings.save"),
                        "primary",
                        () -> model.choose(printer.getEditor().getText().strip(), template.getValue())),
                "settings-save");
        CheckBox large = Ui.id(new CheckBox(i18n.t("staff.settings.largeText")), "settings-large");
        large.setSelected(actions.largeText());
        large.setOnAction(e -> actions.largeText(large.isSelected()));
        Label message = Ui.id(Ui.label("", "message"), "settings-message");
        Ui.bindMessage(message, model.settingsMessage);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.addRow(0, Ui.labelFor(i18n.t("staff.settings.printer"), printer), printer);
        form.addRow(1, Ui.labelFor(i18n.t("staff.settings.template"), template), template);
        form.addRow(2, new Label(), large);
        Button desk = Ui.id(Ui.button(i18n.t("staff.mode.desk"), "secondary", actions::desk), "mode-desk");
        Button self = Ui.id(Ui.button(i18n.t("staff.mode.self"), "secondary", actions::self), "mode-self");
        Button door = Ui.id(Ui.button(i18n.t("staff.mode.door"), "secondary", actions::door), "mode-door");
        Button exit = Ui.id(Ui.button(i18n.t("staff.exit"), "danger", actions::exit), "exit");
        Button setup =
                Ui.id(Ui.button(i18n.t("staff.setup"), "secondary", () -> asAdmin(actions::setup)), "setup-open");
        Label setupHint = Ui.label(i18n.t("staff.setup.hint"), "muted");
        setupHint.setWrapText(true);
        VBox box = new VBox(
                14,
                Ui.label(i18n.t("staff.tab.settings"), "section-title"),
                form,
                save,
                message,
                Ui.label(i18n.t("staff.modes"), "section-title"),
                new HBox(12, desk, self, door, exit),
                adminSettings(),
                Ui.label(i18n.t("setup.title"), "section-title"),
                setupHint,
                setup);
        box.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
