package org.arrivals.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** Small builders shared by the screens, so every button and message looks and reads alike. */
public final class Ui {
    private Ui() {}

    public static Button button(String text, String styleClass, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add(styleClass);
        b.setAccessibleText(text);
        b.setOnAction(e -> action.run());
        b.setMnemonicParsing(false);
        return b;
    }

    public static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        return l;
    }

    /** A label that shows a name in its own script's font. */
    public static Label name(String text, String styleClass) {
        Label l = label(text, styleClass);
        l.setStyle(NameFonts.style(text));
        return l;
    }

    public static void setName(Label l, String text) {
        l.setText(text);
        l.setStyle(NameFonts.style(text));
        l.setAccessibleText(text);
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Binds a message to a label: its text, and its tone as a style class; hidden when empty. */
    public static void bindMessage(Label label, ObservableValue<Message> message) {
        listen(label, message, (o, was, now) -> showMessage(label, now));
        showMessage(label, message.getValue());
    }

    private static final String LISTENERS = "arrivals.listeners";

    /**
     * Listens to a model's property for as long as {@code owner} lives. Models outlive the views
     * that are rebuilt at every mode switch and language change; a plain listener would keep each
     * old view alive all day. The model holds the listener weakly; the node holds it strongly.
     * A screen that was left (its node has no scene) is not updated any more: updating detached
     * JavaFX controls (an editable combo box, a chart) was seen to keep them reachable.
     */
    public static <T> void listen(Node owner, ObservableValue<T> value, ChangeListener<? super T> l) {
        ChangeListener<T> onScreen = (o, was, now) -> {
            if (owner.getScene() != null) {
                l.changed(o, was, now);
            }
        };
        keep(owner, onScreen);
        value.addListener(new WeakChangeListener<>(onScreen));
    }

    /** As {@link #listen(Node, ObservableValue, ChangeListener)}, for a list. */
    public static <T> void listen(Node owner, ObservableList<T> list, ListChangeListener<? super T> l) {
        ListChangeListener<T> onScreen = c -> {
            if (owner.getScene() != null) {
                l.onChanged(c);
            }
        };
        keep(owner, onScreen);
        list.addListener(new WeakListChangeListener<>(onScreen));
    }

    @SuppressWarnings("unchecked")
    private static void keep(Node owner, Object listener) {
        ((List<Object>) owner.getProperties().computeIfAbsent(LISTENERS, k -> new ArrayList<>())).add(listener);
    }

    public static void showMessage(Label label, Message m) {
        for (Tone t : Tone.values()) {
            label.getStyleClass().remove(t.styleClass());
        }
        Message msg = m == null ? Message.NONE : m;
        label.getStyleClass().add(msg.tone().styleClass());
        label.setText(msg.text());
        label.setAccessibleText(msg.text());
        label.setVisible(!msg.text().isEmpty());
        label.setManaged(!msg.text().isEmpty());
    }

    public static <T extends Node> T id(T node, String id) {
        node.setId(id);
        return node;
    }

    /**
     * The scene font for a language: Arabic screens use the Arabic UI font as their own, because
     * JavaFX places punctuation and Latin words wrongly in Arabic text drawn from a fallback font.
     */
    public static String fontStyle(I18n i18n) {
        return i18n.rightToLeft() ? "-fx-font-family: \"" + NameFonts.familyFor("\u0627") + "\";" : "";
    }

    /** A card over a dimmed screen (the PIN, the unlock screen, "opening"), in the language's direction and font. */
    public static StackPane overlay(Region card, double maxWidth, I18n i18n) {
        card.getStyleClass().add("pin-card");
        card.setMaxSize(maxWidth, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.getStyleClass().add("overlay");
        overlay.setNodeOrientation(i18n.orientation());
        overlay.setStyle(fontStyle(i18n));
        return overlay;
    }

    /** A list cell naming a language in itself (Español, العربية), in that script's font. */
    public static ListCell<Locale> languageCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Locale l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : I18n.nativeName(l));
                setStyle(empty || l == null ? "" : NameFonts.style(getText()));
            }
        };
    }

    /**
     * The languages, each named in itself, showing {@code i18n}'s: choosing one switches the screens' language
     * (on the next pulse, so the list closes first).
     */
    public static javafx.scene.control.ComboBox<Locale> languagePicker(I18n i18n, String id) {
        javafx.scene.control.ComboBox<Locale> language = id(new javafx.scene.control.ComboBox<>(), id);
        language.getItems().setAll(I18n.LANGUAGES);
        language.setValue(i18n.locale());
        language.setAccessibleText(i18n.t("header.language"));
        language.setCellFactory(v -> languageCell());
        language.setButtonCell(languageCell());
        language.setOnAction(e -> {
            Locale l = language.getValue();
            if (l != null && !l.getLanguage().equals(i18n.language())) {
                javafx.application.Platform.runLater(() -> i18n.setLanguage(l.getLanguage()));
            }
        });
        return language;
    }

    /** A label naming {@code control} for screen readers. */
    public static Label labelFor(String text, Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        return l;
    }
}
