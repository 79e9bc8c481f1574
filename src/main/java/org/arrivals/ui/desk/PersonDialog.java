package org.arrivals.ui.desk;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.WalkIn;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.NameFonts;
import org.arrivals.ui.common.ScannerInput;
import org.arrivals.ui.common.Tone;
import org.arrivals.ui.common.Ui;

/** The two forms of the desk: correct someone's badge fields, and register a walk-in. */
final class PersonDialog {
    private static final List<AttendeeField> EDITABLE = List.of(
            AttendeeField.FIRST,
            AttendeeField.LAST,
            AttendeeField.BADGE_NAME,
            AttendeeField.PRONOUNS,
            AttendeeField.ORG,
            AttendeeField.TITLE,
            AttendeeField.EMAIL);

    private final I18n i18n;
    private final String scannerPrefix;
    private final String scannerSuffix;

    private final LongSupplier keyClock;

    PersonDialog(I18n i18n, String scannerPrefix, String scannerSuffix, LongSupplier keyClock) {
        this.i18n = i18n;
        this.scannerPrefix = scannerPrefix;
        this.scannerSuffix = scannerSuffix;
        this.keyClock = keyClock;
    }

    /** The fields the person changed, old value to new; empty when nothing changed or they cancelled. */
    Optional<Map<AttendeeField, String>> edit(Window owner, Attendee a) {
        Map<AttendeeField, TextField> fields = new LinkedHashMap<>();
        Dialog<ButtonType> d = dialog(owner, i18n.t("edit.title", a.displayName()), fields, null);
        for (AttendeeField f : EDITABLE) {
            String v = a.editableValue(f);
            fields.get(f).setText(v == null ? "" : v);
            fields.get(f).setStyle(NameFonts.style(v));
        }
        return d.showAndWait()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> {
                    Map<AttendeeField, String> changes = new EnumMap<>(AttendeeField.class);
                    for (AttendeeField f : EDITABLE) {
                        String now = fields.get(f).getText().strip();
                        String was = a.editableValue(f);
                        if (!Objects.equals(now, was == null ? "" : was)) {
                            changes.put(f, now);
                        }
                    }
                    return changes;
                });
    }

    Optional<WalkIn> walkIn(Window owner, List<String> types) {
        Map<AttendeeField, TextField> fields = new LinkedHashMap<>();
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll(types);
        type.getSelectionModel().select(0);
        type.setAccessibleText(i18n.t("field.TYPE"));
        Dialog<ButtonType> d = dialog(owner, i18n.t("walkin.title"), fields, type);
        Node ok = d.getDialogPane()
                .lookupButton(d.getDialogPane().getButtonTypes().get(0));
        ok.disableProperty().bind(fields.get(AttendeeField.FIRST).textProperty().isEmpty());
        return d.showAndWait()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> new WalkIn(
                        text(fields, AttendeeField.FIRST),
                        text(fields, AttendeeField.LAST),
                        text(fields, AttendeeField.BADGE_NAME),
                        text(fields, AttendeeField.PRONOUNS),
                        text(fields, AttendeeField.EMAIL),
                        text(fields, AttendeeField.ORG),
                        text(fields, AttendeeField.TITLE),
                        type.getValue()));
    }

    private static String text(Map<AttendeeField, TextField> fields, AttendeeField f) {
        return fields.get(f).getText();
    }

    private Dialog<ButtonType> dialog(
            Window owner, String title, Map<AttendeeField, TextField> fields, ComboBox<String> type) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().getStyleClass().add("person-dialog");
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            d.getDialogPane().setNodeOrientation(owner.getScene().getNodeOrientation());
            d.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        ButtonType save = new ButtonType(i18n.t("dialog.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.t("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(save, cancel);
        // the kiosk's own buttons, as on every other screen
        d.getDialogPane().lookupButton(save).getStyleClass().add("primary");
        d.getDialogPane().lookupButton(cancel).getStyleClass().add("secondary");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        for (AttendeeField f : EDITABLE) {
            TextField t = new TextField();
            t.setId("field-" + f.cliName());
            t.setAccessibleText(i18n.t("field." + f.name()));
            t.setPrefColumnCount(28);
            t.textProperty().addListener((o, was, now) -> t.setStyle(NameFonts.style(now)));
            fields.put(f, t);
            Label l = new Label(i18n.t("field." + f.name()));
            l.setLabelFor(t);
            grid.addRow(row++, l, t);
        }
        if (type != null) {
            Label l = new Label(i18n.t("field.TYPE"));
            l.setLabelFor(type);
            grid.addRow(row, l, type);
        }
        // a code scanned while the form is open is not typed into it: the form says so and keeps what was typed
        Label scanned = new Label();
        scanned.setId("dialog-message");
        scanned.getStyleClass().add("message");
        scanned.setWrapText(true);
        scanned.setMaxWidth(480);
        grid.add(scanned, 0, row + 1, 2, 1);
        d.setOnShown(e -> new ScannerInput(
                        scannerPrefix,
                        scannerSuffix,
                        scan -> Ui.showMessage(scanned, new Message(Tone.WARNING, i18n.t("dialog.scanRefused"))),
                        keyClock)
                .install(d.getDialogPane().getScene()));
        d.getDialogPane().setContent(grid);
        Platform.runLater(() -> fields.get(AttendeeField.FIRST).requestFocus());
        return d;
    }
}
