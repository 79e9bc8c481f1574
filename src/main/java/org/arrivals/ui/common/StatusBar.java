package org.arrivals.ui.common;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.arrivals.print.Printers;

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
        Ui.listen(this, model.snapshotProperty(), (o, was, now) -> show(now));
        show(model.snapshotProperty().get());
    }

    /** Online or offline, with what waits to be synced and when the hub last answered. */
    public static String syncLine(I18n i18n, StatusModel.Snapshot s) {
        var sync = s.sync();
        if (!sync.configured()) {
            return i18n.t("status.sync.none", i18n.number(s.pending()));
        }
        String last = sync.lastSync() == null ? i18n.t("status.sync.never") : i18n.time(sync.lastSync());
        return sync.online()
                ? i18n.t("status.sync.online", i18n.number(s.pending()), last)
                : i18n.t("status.sync.offline", i18n.number(s.pending()), last);
    }

    /** Several printers: each named with its state; the sentences of those in trouble in the tooltip. */
    private void showPool(List<Printers.Found> pool) {
        printer.setText(poolLine(i18n, pool));
        boolean trouble = pool.stream().anyMatch(f -> f.state().problem());
        printer.getStyleClass().add(trouble ? "status-bad" : "status-ok");
        String problems = pool.stream()
                .filter(f -> f.state().problem())
                .map(f -> i18n.printer(f.state(), shortName(f.name())))
                .collect(Collectors.joining("\n"));
        printer.setTooltip(problems.isEmpty() ? null : new Tooltip(problems));
    }

    /** "Printers: desk-a: ready · 10.0.0.7:9100: out of labels", in the station's language. */
    public static String poolLine(I18n i18n, List<Printers.Found> pool) {
        return i18n.t(
                "status.printers",
                pool.stream()
                        .map(f -> i18n.t(
                                "status.printer.item",
                                shortName(f.name()),
                                i18n.t("printer.short." + f.state().condition().name())))
                        .collect(Collectors.joining(" · ")));
    }

    /** A printer's setting as a person reads it: a queue's name, or a network printer's host and port. */
    public static String shortName(String setting) {
        int scheme = setting.indexOf("://");
        if (scheme < 0) {
            return setting;
        }
        String rest = setting.substring(scheme + 3);
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private void show(StatusModel.Snapshot s) {
        if (s == null) {
            printer.setText(i18n.t("status.printer.checking"));
            return;
        }
        printer.getStyleClass().removeAll("status-ok", "status-bad");
        if (s.printers().size() > 1) {
            showPool(s.printers());
        } else if (s.printer() == null || s.printer().isBlank()) {
            printer.setText(i18n.t("status.printer.none"));
            printer.getStyleClass().add("status-bad");
        } else if (s.printerState().problem()) {
            printer.setText(i18n.t("status.printer.problem", s.printer()));
            printer.getStyleClass().add("status-bad");
        } else {
            printer.setText(i18n.t("status.printer.ready", s.printer()));
            printer.getStyleClass().add("status-ok");
        }
        if (s.printers().size() <= 1) {
            printer.setTooltip(
                    !s.printerState().problem() ? null : new Tooltip(i18n.printer(s.printerState(), s.printer())));
        }
        network.setText(syncLine(i18n, s));
        network.getStyleClass().removeAll("status-ok", "status-bad");
        network.getStyleClass().add(s.sync().configured() && !s.sync().online() ? "status-bad" : "status-ok");
        arrived.setText(i18n.t(
                "status.arrived",
                i18n.number(s.stats().arrived()),
                i18n.number(s.stats().expected())));
        for (Label l : new Label[] {station, printer, network, arrived}) {
            l.setAccessibleText(l.getText());
        }
    }
}
