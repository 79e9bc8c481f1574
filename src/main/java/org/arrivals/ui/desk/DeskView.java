package org.arrivals.ui.desk;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.audit.Role;
import org.arrivals.search.SearchHit;
import org.arrivals.ui.common.Authority;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Ui;

/**
 * The registration desk: a search box that is always ready, the people who match, and the
 * selected person's card with one action (Enter) to check in and print. Keyboard first: Up and
 * Down move through matches, Esc clears, F3 edits, F4 registers a walk-in, F6 opens the card's
 * organization (its people, several checked in at once), Ctrl+Z undoes.
 */
public final class DeskView {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final DeskModel model;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    final TextField search = new TextField();
    final ListView<SearchHit> list = new ListView<>();
    private final PersonDialog dialogs;
    private final Authority authority;

    /** @param authority asks for a supervisor's PIN before an override or undoing another station's check-in */
    public DeskView(DeskModel model, I18n i18n, Authority authority) {
        this(model, i18n, authority, System::nanoTime);
    }

    /** @param keyClock the clock that tells a scanner's keys from a person's, also in the desk's forms */
    public DeskView(DeskModel model, I18n i18n, Authority authority, LongSupplier keyClock) {
        this.model = model;
        this.i18n = i18n;
        this.authority = authority;
        this.dialogs = new PersonDialog(i18n, model.scannerPrefix(), model.scannerSuffix(), keyClock);
        root.getStyleClass().add("desk");
        root.setLeft(searchColumn());
        VBox card = card();
        // on a small screen the card gives way (its preview is cut) before the status bar is pushed off
        card.setMinHeight(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(card.widthProperty());
        clip.heightProperty().bind(card.heightProperty());
        card.setClip(clip);
        root.setCenter(card);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        search.requestFocus();
    }

    private VBox searchColumn() {
        search.setId("search");
        search.setPromptText(i18n.t("desk.search.prompt"));
        search.setAccessibleText(i18n.t("desk.search.prompt"));
        search.getStyleClass().add("search-field");
        search.textProperty().bindBidirectional(model.query);
        list.setId("results");
        list.setItems(model.results);
        list.setAccessibleText(i18n.t("desk.results"));
        list.setCellFactory(v -> new HitCell());
        list.setPlaceholder(Ui.label(i18n.t("desk.results.empty"), "muted"));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null
                    && (model.selected.get() == null
                            || !now.attendee()
                                    .code()
                                    .equals(model.selected.get().code()))) {
                model.select(now.attendee());
            }
        });
        Ui.listen(list, model.results, (ListChangeListener<SearchHit>) c -> {
            if (!model.results.isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(12, Ui.label(i18n.t("desk.search.title"), "section-title"), search, list);
        box.getStyleClass().add("search-column");
        box.setPrefWidth(440);
        return box;
    }

    private final class HitCell extends ListCell<SearchHit> {
        HitCell() {
            setPrefWidth(0); // long organizations end in an ellipsis instead of scrolling the list sideways
        }

        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Attendee a = hit.attendee();
            Label name = Ui.name(a.nameForDesk(), "hit-name");
            Label org = Ui.name(a.organization() == null ? "" : a.organization(), "hit-org");
            name.setWrapText(false);
            org.setWrapText(false);
            name.setMinWidth(0);
            Label state = Ui.label(
                    hit.arrived()
                            ? i18n.t("desk.hit.arrived")
                            : a.status() != RegistrationStatus.ATTENDING
                                    ? i18n.t("status." + a.status().name())
                                    : "",
                    hit.arrived() ? "chip-arrived" : "chip-blocked");
            state.setVisible(!state.getText().isEmpty());
            HBox top = new HBox(8, name, Ui.spacer(), state);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, top, org);
            setGraphic(box);
            setAccessibleText(
                    a.nameForDesk() + ", " + org.getText() + (state.getText().isEmpty() ? "" : ", " + state.getText()));
        }
    }

    private VBox card() {
        Label name = Ui.id(Ui.label("", "card-name"), "card-name");
        Label pronouns = Ui.label("", "card-pronouns");
        Label org = Ui.label("", "card-org");
        Label type = Ui.id(Ui.label("", "chip-type"), "card-type");
        Label status = Ui.label("", "card-status");
        Label alert = Ui.id(Ui.label("", "alert"), "card-alert");
        Ui.bindMessage(alert, model.alert);
        Label message = Ui.id(Ui.label("", "message"), "desk-message");
        Ui.bindMessage(message, model.message);
        message.setAccessibleRole(AccessibleRole.TEXT);

        Button checkIn = Ui.id(Ui.button(i18n.t("desk.action.checkin"), "primary", model::checkInAndPrint), "checkin");
        // a blocked registration: the main button says why, and does nothing (a supervisor's button is beside it)
        var blockedNow = Bindings.createBooleanBinding(
                () -> model.selected.get() != null
                        && model.selected.get().status() != RegistrationStatus.ATTENDING
                        && (model.arrival.get() == null || !model.arrival.get().checkedIn()),
                model.selected,
                model.arrival);
        checkIn.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> blockedNow.get()
                                ? i18n.t(
                                        "desk.action.blocked",
                                        i18n.t("status."
                                                + model.selected.get().status().name()))
                                : i18n.t("desk.action.checkin"),
                        blockedNow));
        checkIn.disableProperty().bind(model.selected.isNull().or(blockedNow));
        Button edit = Ui.id(Ui.button(i18n.t("desk.action.edit"), "secondary", this::edit), "edit");
        edit.disableProperty().bind(model.selected.isNull());
        Button walkIn = Ui.id(Ui.button(i18n.t("desk.action.walkin"), "secondary", this::walkIn), "walkin");
        Button delegation =
                Ui.id(Ui.button(i18n.t("desk.action.delegation"), "secondary", this::delegation), "delegation");
        Button undo = Ui.id(Ui.button(i18n.t("desk.action.undo"), "secondary", this::undoLast), "undo");
        undo.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.undoableName.get() == null
                                ? i18n.t("desk.action.undo")
                                : i18n.t("desk.action.undoNamed", model.undoableName.get()),
                        model.undoableName));
        undo.disableProperty().bind(model.undoable.isNull());
        // a supervisor's actions on the person shown: check in over a block, undo a check-in from elsewhere
        Button override = Ui.id(
                Ui.button(i18n.t("desk.action.override"), "secondary", () -> {
                    Attendee asked =
                            model.selected.get(); // the PIN approves this person, whoever is shown when it is checked
                    authority.askWithReason(
                            i18n.t("pin.why.override"), i18n.t("desk.override.reason"), Role.SUPERVISOR, (by, why) -> {
                                model.override(asked, by, why);
                                focusSearch(); // the button is gone: typing goes on in the search box
                            });
                }),
                "override");
        var blocked = Bindings.createBooleanBinding(
                () -> model.selected.get() != null
                        && model.selected.get().status() != RegistrationStatus.ATTENDING
                        && (model.arrival.get() == null || !model.arrival.get().checkedIn()),
                model.selected,
                model.arrival);
        showWhen(override, blocked);
        Button undoArrival =
                Ui.id(Ui.button(i18n.t("desk.action.undoArrival"), "secondary", this::undoArrival), "undo-arrival");
        // Ctrl+Z already undoes this station's last check-in; this is for anyone else's on the card,
        // and then it is the only undo shown
        var undoOnCard = Bindings.createBooleanBinding(
                () -> model.undoNeeds() != null
                        && (model.selected.get() == null
                                || !model.selected.get().code().equals(model.undoable.get())),
                model.selected,
                model.arrival,
                model.undoNeeds,
                model.undoable);
        showWhen(undoArrival, undoOnCard);
        showWhen(undo, undoOnCard.not());
        Button printBadge =
                Ui.id(Ui.button(i18n.t("desk.action.printBadge"), "primary", model::printBadge), "print-badge");
        showWhen(printBadge, model.needsBadge);
        FlowPane actions =
                new FlowPane(10, 10, checkIn, printBadge, edit, walkIn, delegation, undo, override, undoArrival);

        ImageView preview = new ImageView();
        preview.setId("badge-preview");
        preview.imageProperty().bind(model.preview);
        preview.setPreserveRatio(true);
        preview.setFitWidth(320);
        preview.setAccessibleText(i18n.t("desk.preview"));
        VBox previewBox = new VBox(6, Ui.label(i18n.t("desk.preview"), "muted"), preview);
        previewBox.getStyleClass().add("preview-box");
        previewBox.visibleProperty().bind(model.preview.isNotNull());

        VBox details = new VBox(6, name, pronouns, org, new HBox(8, type, status), alert);
        VBox empty = new VBox(
                8,
                Ui.label(i18n.t("desk.card.empty.title"), "card-empty-title"),
                Ui.label(i18n.t("desk.card.empty.hint"), "muted"));
        details.visibleProperty().bind(model.selected.isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        empty.visibleProperty().bind(model.selected.isNull());
        empty.managedProperty().bind(empty.visibleProperty());

        Consumer<Attendee> show = a -> {
            if (a == null) {
                return;
            }
            Ui.setName(name, a.nameForDesk());
            pronouns.setText(a.pronouns() == null ? "" : a.pronouns());
            Ui.setName(org, a.organization() == null ? "" : a.organization());
            type.setText(a.type());
            status.setText(i18n.t("status." + a.status().name()) + " · " + a.code());
        };
        Ui.listen(name, model.selected, (o, was, a) -> show.accept(a));
        show.accept(model.selected.get()); // a view made anew (the language changed) shows who is on the card

        VBox card = new VBox(16, empty, details, actions, message, previewBox);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(24));
        return card;
    }

    private static void showWhen(Node n, ObservableBooleanValue condition) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(condition);
    }

    private void undoArrival() {
        Role needed = model.undoNeeds();
        if (needed == null) {
            return;
        }
        String code = model.selected.get().code();
        if (needed == Role.VOLUNTEER) {
            model.undoArrival(code, Role.VOLUNTEER);
            focusSearch();
        } else {
            authority.ask(i18n.t("pin.why.undoOther", model.arrival.get().stationId()), needed, by -> {
                model.undoArrival(code, by);
                focusSearch();
            });
        }
    }

    /** Ctrl+Z: undoes the last check-in made here; asks first when that is not the person on the card. */
    private void undoLast() {
        if (model.undoable.get() == null) {
            return;
        }
        if (model.undoIsForSomeoneElse()) {
            String code = model.undoable.get();
            authority.confirm(i18n.t("desk.undo.confirm", model.undoableName.get()), i18n.t("desk.undo.yes"), () -> {
                if (code.equals(model.undoable.get())) {
                    model.undo();
                }
                focusSearch();
            });
        } else {
            model.undo();
        }
    }

    private void edit() {
        Attendee a = model.selected.get();
        if (a != null) {
            dialogs.edit(root.getScene().getWindow(), a).ifPresent(model::edit);
        }
    }

    /** The page of the card's organization (or an empty one to search): its people, several checked in at once. */
    private void delegation() {
        Attendee a = model.selected.get();
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        d.initOwner(root.getScene().getWindow());
        d.setTitle(i18n.t("delegation.title"));
        d.getDialogPane().getStyleClass().addAll("person-dialog", "delegation-dialog");
        d.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        d.getDialogPane().setNodeOrientation(root.getScene().getNodeOrientation());
        d.getDialogPane().setStyle(root.getScene().getRoot().getStyle());
        javafx.scene.control.ButtonType close = new javafx.scene.control.ButtonType(
                i18n.t("dialog.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(close);
        d.getDialogPane().lookupButton(close).getStyleClass().add("secondary");
        org.arrivals.ui.delegation.DelegationView view =
                new org.arrivals.ui.delegation.DelegationView(model.delegations, i18n);
        view.root().setStyle("-fx-pref-width: 900; -fx-pref-height: 620;");
        d.getDialogPane().setContent(view.root());
        model.delegations.openFor(a == null ? "" : a.organization());
        javafx.application.Platform.runLater(view::focusSearch);
        d.showAndWait();
        focusSearch();
    }

    private void walkIn() {
        dialogs.walkIn(root.getScene().getWindow(), model.types()).ifPresent(model::walkIn);
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.getTarget() == search) {
            model.enter(search.getText());
            search.selectAll(); // the next person's name replaces this one as soon as it is typed
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN && e.getTarget() == search) {
            list.getSelectionModel().selectNext();
            e.consume();
        } else if (e.getCode() == KeyCode.UP && e.getTarget() == search) {
            list.getSelectionModel().selectPrevious();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            model.query.set("");
            model.select(null);
            search.requestFocus();
            e.consume();
        } else if (e.getCode() == KeyCode.F3) {
            edit();
            e.consume();
        } else if (e.getCode() == KeyCode.F4) {
            walkIn();
            e.consume();
        } else if (e.getCode() == KeyCode.F6) {
            delegation();
            e.consume();
        } else if (UNDO.match(e)) {
            undoLast();
            e.consume();
        }
    }
}
