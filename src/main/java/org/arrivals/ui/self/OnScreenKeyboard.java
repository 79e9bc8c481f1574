package org.arrivals.ui.self;

import java.util.List;
import javafx.beans.property.StringProperty;
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
    private static final List<String> LATIN = List.of("QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNMÉÇ-");
    private static final List<String> ARABIC = List.of("ضصثقفغعهخحج", "شسيبلاتنمكط", "ءئؤرىةوزظدذ");

    private final StringProperty target;
    private final I18n i18n;
    private boolean arabic;

    OnScreenKeyboard(StringProperty target, I18n i18n) {
        this.target = target;
        this.i18n = i18n;
        getStyleClass().add("keyboard");
        setSpacing(6);
        setAlignment(Pos.CENTER);
        arabic = i18n.rightToLeft();
        build();
    }

    private void build() {
        getChildren().clear();
        for (String row : arabic ? ARABIC : LATIN) {
            HBox keys = new HBox(6);
            keys.setAlignment(Pos.CENTER);
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
        Button layout = key(arabic ? "ABC" : "أبج", i18n.t("self.key.layout"), () -> {
            arabic = !arabic;
            build();
        });
        layout.setId("key-layout");
        HBox last = new HBox(6, layout, space, back, clear);
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
