package org.arrivals.ui.setup;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.arrivals.station.StationSetup.Step;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Ui;

/**
 * The wizard's list of steps beside each page: done, current, still to come. A done step (but the
 * station key, which cannot change once the event exists) is a button that goes back to it. The
 * language of the wizard is chosen here too.
 */
final class Steps {
    private Steps() {}

    /**
     * @param go goes to a step, or null when no step can be gone back to (the key step)
     */
    static VBox sidebar(I18n i18n, Step current, Collection<Step> done, Consumer<Step> go) {
        VBox box = new VBox(8);
        box.getStyleClass().add("setup-steps");
        box.getChildren().add(Ui.label(i18n.t("setup.title"), "section-title"));
        int n = 1;
        for (Step s : Step.values()) {
            String text = i18n.t("setup.step", n++, i18n.t("setup.step." + s.name()));
            boolean isDone = done.contains(s) && s != current;
            Region item;
            if (go != null && s != Step.KEY && s != current && (isDone || done.contains(previous(s)))) {
                Button b = Ui.button((isDone ? "✓ " : "") + text, "setup-step-link", () -> go.accept(s));
                b.setMaxWidth(Double.MAX_VALUE);
                b.setAlignment(Pos.CENTER_LEFT);
                item = b;
            } else {
                Label l = Ui.label((isDone ? "✓ " : "") + text, s == current ? "setup-step-current" : "setup-step");
                l.setMaxWidth(Double.MAX_VALUE);
                item = l;
            }
            item.setId("setup-step-" + s.name().toLowerCase(Locale.ROOT));
            box.getChildren().add(item);
        }
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        ComboBox<Locale> language = Ui.languagePicker(i18n, "setup-language");
        box.getChildren().addAll(gap, Ui.labelFor(i18n.t("header.language"), language), language);
        box.setMinWidth(260);
        box.setPrefWidth(280);
        return box;
    }

    private static Step previous(Step s) {
        return s.ordinal() == 0 ? s : Step.values()[s.ordinal() - 1];
    }
}
