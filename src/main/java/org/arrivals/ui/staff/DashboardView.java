package org.arrivals.ui.staff;

import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.arrivals.checkin.Stats;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.StatusBar;
import org.arrivals.ui.common.StatusModel;
import org.arrivals.ui.common.Ui;

/** Arrivals at a glance: arrived against expected by type, arrivals per 15 minutes, the print queue. */
public final class DashboardView {
    private final I18n i18n;
    private final VBox root = new VBox(16);
    private final Label total = Ui.id(Ui.label("", "dash-number"), "dash-arrived");
    private final Label percent = Ui.label("", "dash-caption");
    private final Label pickedUp = Ui.id(Ui.label("", "dash-number-small"), "dash-picked-up");
    private VBox pickupTile;
    private final Label pickedUpCaption = Ui.label("", "dash-caption");
    private final Label queue = Ui.id(Ui.label("", "dash-number-small"), "dash-queue");
    private final Label printer = Ui.label("", "dash-caption");
    private final Label stations = Ui.label("", "dash-caption");
    private final BarChart<String, Number> byType;
    private final BarChart<String, Number> perQuarter;

    public DashboardView(StatusModel status, I18n i18n) {
        this.i18n = i18n;
        root.getStyleClass().add("dashboard");
        byType = new BarChart<>(new CategoryAxis(), new NumberAxis());
        byType.setTitle(i18n.t("dash.byType"));
        byType.setAnimated(false);
        byType.setId("chart-by-type");
        perQuarter = new BarChart<>(new CategoryAxis(), new NumberAxis());
        perQuarter.setTitle(i18n.t("dash.per15"));
        perQuarter.setAnimated(false);
        perQuarter.setLegendVisible(false);
        perQuarter.setId("chart-per-15");
        VBox arrivedTile = tile(i18n.t("dash.arrived"), total, percent);
        VBox queueTile = tile(i18n.t("dash.queue"), queue, printer);
        VBox stationTile = tile(i18n.t("dash.stations"), Ui.label(status.stationId(), "dash-number-small"), stations);
        stations.setId("dash-stations");
        // a badge collected at a pickup station is not an entry: counted apart
        pickupTile = tile(i18n.t("dash.pickedUp"), pickedUp, pickedUpCaption);
        // shown only where badges are picked up apart from arrivals: elsewhere it would say 0 all day
        pickupTile.setVisible(false);
        pickupTile.managedProperty().bind(pickupTile.visibleProperty());
        arrivedTile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "1,150 of 1,200" is never cut
        HBox tiles = new HBox(16, arrivedTile, pickupTile, queueTile, stationTile);
        for (var t : tiles.getChildren()) {
            HBox.setHgrow(t, Priority.ALWAYS);
        }
        GridPane charts = new GridPane();
        charts.setHgap(16);
        charts.add(byType, 0, 0);
        charts.add(perQuarter, 1, 0);
        GridPane.setHgrow(byType, Priority.ALWAYS);
        GridPane.setHgrow(perQuarter, Priority.ALWAYS);
        root.getChildren().addAll(tiles, charts);
        Ui.listen(root, status.snapshotProperty(), (o, was, now) -> show(now));
        show(status.snapshotProperty().get());
    }

    private static VBox tile(String title, Label number, Label caption) {
        VBox v = new VBox(4, Ui.label(title, "dash-title"), number, caption);
        v.getStyleClass().add("tile");
        v.setAlignment(Pos.TOP_LEFT);
        v.setMaxWidth(Double.MAX_VALUE);
        return v;
    }

    /**
     * A count axis in whole people (no half-person steps), from 0 to a little above the largest
     * bar, its labels in the language's digits.
     */
    private void wholePeople(NumberAxis axis, int largest) {
        int top = Math.max(4, (int) Math.ceil(largest * 1.1));
        int step = Math.max(1, (int) Math.ceil(top / 8.0));
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.ceil(top / (double) step) * step);
        axis.setTickUnit(step);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return i18n.number(Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
    }

    public Parent root() {
        return root;
    }

    private void show(StatusModel.Snapshot s) {
        if (s == null) {
            return;
        }
        Stats st = s.stats();
        total.setText(i18n.t("dash.arrivedOf", i18n.number(st.arrived()), i18n.number(st.expected())));
        percent.setText(st.expected() == 0 ? "" : i18n.percent(st.arrived() / (double) st.expected()));
        pickedUp.setText(i18n.t("dash.pickedUpOf", i18n.number(st.pickedUp()), i18n.number(st.expected())));
        pickedUpCaption.setText(i18n.t("dash.pickedUp.note"));
        pickupTile.setVisible(st.pickedUp() > 0);
        queue.setText(i18n.t("dash.queueCounts", i18n.number(s.queued()), i18n.number(s.failed())));
        printer.setText(
                s.printers().size() > 1
                        ? StatusBar.poolLine(i18n, s.printers())
                        : s.printer() == null
                                ? i18n.t("status.printer.none")
                                : s.printerState().ready()
                                        ? i18n.t("status.printer.ready", s.printer())
                                        : i18n.printer(s.printerState(), s.printer()));
        StringBuilder lines = new StringBuilder(StatusBar.syncLine(i18n, s));
        for (var a : s.stations()) {
            lines.append('\n')
                    .append(i18n.t("dash.station", a.stationId(), i18n.number(a.checkIns()), i18n.time(a.lastEvent())));
        }
        stations.setText(lines.toString());
        XYChart.Series<String, Number> arrived = new XYChart.Series<>();
        arrived.setName(i18n.t("dash.series.arrived"));
        XYChart.Series<String, Number> expected = new XYChart.Series<>();
        expected.setName(i18n.t("dash.series.expected"));
        for (Map.Entry<String, Stats.TypeCount> e : st.byType().entrySet()) {
            if (e.getValue().expected() == 0 && e.getValue().arrived() == 0) {
                continue;
            }
            arrived.getData().add(new XYChart.Data<>(e.getKey(), e.getValue().arrived()));
            expected.getData().add(new XYChart.Data<>(e.getKey(), e.getValue().expected()));
        }
        byType.getData().setAll(List.of(arrived, expected));
        wholePeople(
                (NumberAxis) byType.getYAxis(),
                st.byType().values().stream()
                        .mapToInt(c -> Math.max(c.arrived(), c.expected()))
                        .max()
                        .orElse(0));
        XYChart.Series<String, Number> quarters = new XYChart.Series<>();
        for (Stats.Bucket b : st.per15min()) {
            // the quarter's start as the language writes a time (12- or 24-hour, its own digits)
            quarters.getData().add(new XYChart.Data<>(i18n.time(b.start()), b.count()));
        }
        perQuarter.getData().setAll(List.of(quarters));
        wholePeople(
                (NumberAxis) perQuarter.getYAxis(),
                st.per15min().stream().mapToInt(Stats.Bucket::count).max().orElse(0));
        root.setAccessibleText(total.getText());
    }
}
