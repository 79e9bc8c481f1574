package org.arrivals.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;

/** Small builders shared by the screens, so every button and message looks and reads alike. */
public final class Ui {
    private Ui() {
    }

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
        message.addListener((o, was, now) -> showMessage(label, now));
        showMessage(label, message.getValue());
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
}
