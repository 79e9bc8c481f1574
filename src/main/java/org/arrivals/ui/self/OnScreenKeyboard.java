package org.arrivals.ui.self;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.arrivals.ui.common.I18n;

/**
 * Big keys for a touch screen, typing into one text property: Latin letters (with the accents
 * Spanish and French names need) and an Arabic layout, switched with one key.
 */
final class OnScreenKeyboard extends VBox {
    /** A keyboard layout: its rows in reading order (for Arabic and Persian, right to left), and its key's label. */
    enum Layout {
        LATIN("ABC", false, List.of("QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNMÉÇ-")),
        ARABIC("أبج", true, List.of("ضصثقفغعهخحج", "شسيبلاتنمكط", "ءئؤرىةوزظدذ")),
        /** Persian (Dari) as its standard keyboard has it: پ چ ژ گ and the Persian ک and ی. */
        PERSIAN("فارسی", true, List.of("ضصثقفغعهخحجچ", "شسیبلاتنمکگ", "ظطزرذدپوژئ"));

        final String label;
        final boolean rightToLeft;
        final List<String> rows;

        Layout(String label, boolean rightToLeft, List<String> rows) {
            this.label = label;
            this.rightToLeft = rightToLeft;
            this.rows = rows;
        }

        Layout next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    private final StringProperty target;
    private final I18n i18n;
    private Layout layout;

    OnScreenKeyboard(StringProperty target, I18n i18n) {
        this.target = target;
        this.i18n = i18n;
        getStyleClass().add("keyboard");
        setSpacing(6);
        setAlignment(Pos.CENTER);
        layout = i18n.rightToLeft() ? Layout.ARABIC : Layout.LATIN;
        build();
    }

    Layout currentLayout() {
        return layout;
    }

    private void build() {
        getChildren().clear();
        for (String row : layout.rows) {
            HBox keys = new HBox(6);
            keys.setAlignment(Pos.CENTER);
            // Arabic and Persian keys run right to left whatever the screen's language, as on their keyboards
            keys.setNodeOrientation(layout.rightToLeft ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
            row.codePoints().forEach(cp -> {
                String k = new String(Character.toChars(cp));
                keys.getChildren().add(key(k, k, () -> target.set(target.get() + k.toLowerCase(i18n.locale()))));
            });
            getChildren().add(keys);
        }
        Button space = key(i18n.t("self.key.space"), i18n.t("self.key.space"), () -> target.set(target.get() + " "));
        space.getStyleClass().add("key-wide");
        Button back = key("⌫", i18n.t("self.key.backspace"), () -> {
            String t = target.get();
            if (!t.isEmpty()) {
                target.set(t.substring(0, t.offsetByCodePoints(t.length(), -1)));
            }
        });
        Button clear = key(i18n.t("self.key.clear"), i18n.t("self.key.clear"), () -> target.set(""));
        Button change = key(layout.next().label, i18n.t("self.key.layout"), () -> {
            layout = layout.next();
            build();
        });
        change.setId("key-layout");
        HBox last = new HBox(6, change, space, back, clear);
        last.setAlignment(Pos.CENTER);
        getChildren().add(last);
    }

    private static Button key(String text, String accessible, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("key");
        b.setAccessibleText(accessible);
        b.setFocusTraversable(false);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        if (text.length() == 1) {
            b.setId("key-" + text);
        }
        return b;
    }
}
