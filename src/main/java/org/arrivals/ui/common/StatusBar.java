package org.arrivals.ui.common;

import java.text.NumberFormat;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** Station, printer, network and arrivals, at the bottom of the desk and staff screens. */
public final class StatusBar extends HBox {
    private final I18n i18n;
    private final Label station = Ui.id(Ui.label("", "status-item"), "status-station");
    private final Label printer = Ui.id(Ui.label("", "status-item"), "status-printer");
    private final Label network = Ui.id(Ui.label("", "status-item"), "status-network");
    private final Label arrived = Ui.id(Ui.label("", "status-item"), "status-arrived");

    public StatusBar(StatusModel model, I18n i18n) {
        this.i18n = i18n;
        getStyleClass().add("status-bar");
        setSpacing(24);
        setAlignment(Pos.CENTER_LEFT);
        station.setText(i18n.t("status.station", model.stationId()));
        station.setWrapText(false);
        printer.setWrapText(false);
        network.setWrapText(false);
        arrived.setWrapText(false);
        getChildren().addAll(station, printer, network, Ui.spacer(), arrived);
        model.snapshotProperty().addListener((o, was, now) -> show(now));
        show(model.snapshotProperty().get());
    }

    private void show(StatusModel.Snapshot s) {
        if (s == null) {
            printer.setText(i18n.t("status.printer.checking"));
            return;
        }
        printer.getStyleClass().removeAll("status-ok", "status-bad");
        if (s.printer() == null || s.printer().isBlank()) {
            printer.setText(i18n.t("status.printer.none"));
            printer.getStyleClass().add("status-bad");
        } else if (s.printerProblem() != null) {
            printer.setText(i18n.t("status.printer.problem", s.printer()));
            printer.getStyleClass().add("status-bad");
        } else {
            printer.setText(i18n.t("status.printer.ready", s.printer()));
            printer.getStyleClass().add("status-ok");
        }
        printer.setTooltip(s.printerProblem() == null || s.printerProblem().isBlank() ? null
                : new javafx.scene.control.Tooltip(s.printerProblem()));
        network.setText(i18n.t("status.offline", s.pending()));
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        arrived.setText(i18n.t("status.arrived", n.format(s.stats().arrived()), n.format(s.stats().expected())));
        for (Label l : new Label[] {station, printer, network, arrived}) {
            l.setAccessibleText(l.getText());
        }
    }
}
