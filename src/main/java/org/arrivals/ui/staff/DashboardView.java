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

/**
 * Arrivals at a glance: arrived today against expected, each event day, arrivals by type and per 15
 * minutes of a chosen day, the print queue and the stations; each of today's sessions with the
 * people inside now and who attended; the delegations not yet complete.
 */
public final class DashboardView {
    private final I18n i18n;
    private final VBox root = new VBox(16);
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
    private final Label days = Ui.id(Ui.label("", "dash-caption"), "dash-days");
    private final javafx.scene.control.ComboBox<java.time.LocalDate> chartDay =
            Ui.id(new javafx.scene.control.ComboBox<>(), "dash-chart-day");
    private final javafx.scene.control.TableView<org.arrivals.session.SessionCount> sessions =
            Ui.id(new javafx.scene.control.TableView<>(), "dash-sessions");
    private final javafx.scene.control.ListView<String> delegations =
            Ui.id(new javafx.scene.control.ListView<>(), "dash-delegations");
    private StatusModel.Snapshot last;
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
        total.setWrapText(false);
        arrivedTile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox queueTile = tile(i18n.t("dash.queue"), queue, printer);
        VBox stationTile = tile(i18n.t("dash.stations"), Ui.label(status.stationId(), "dash-number-small"), stations);
        stations.setId("dash-stations");
        // a badge collected at a pickup station is not an entry: counted apart
        pickupTile = tile(i18n.t("dash.pickedUp"), pickedUp, pickedUpCaption);
        // shown only where badges are picked up apart from arrivals: elsewhere it would say 0 all day
        pickupTile.setVisible(false);
        pickupTile.managedProperty().bind(pickupTile.visibleProperty());
        arrivedTile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "1,150 of 1,200" is never cut
        VBox daysTile = new VBox(4, Ui.label(i18n.t("dash.days"), "dash-title"), days);
        daysTile.getStyleClass().add("tile");
        daysTile.setMaxWidth(Double.MAX_VALUE);
        HBox tiles = new HBox(16, arrivedTile, pickupTile, daysTile, queueTile, stationTile);
        for (var t : tiles.getChildren()) {
            HBox.setHgrow(t, Priority.ALWAYS);
        }
        chartDay.setAccessibleText(i18n.t("dash.chartDay"));
        chartDay.setCellFactory(v -> dayCell());
        chartDay.setButtonCell(dayCell());
        chartDay.setOnAction(e -> {
            if (last != null) {
                quarters(last);
            }
        });
        byType.setPrefHeight(280);
        perQuarter.setPrefHeight(280);
        VBox quarterBox =
                new VBox(6, new HBox(8, Ui.labelFor(i18n.t("dash.chartDay"), chartDay), chartDay), perQuarter);
        GridPane charts = new GridPane();
        charts.setHgap(16);
        charts.add(byType, 0, 0);
        charts.add(quarterBox, 1, 0);
        GridPane.setHgrow(byType, Priority.ALWAYS);
        GridPane.setHgrow(quarterBox, Priority.ALWAYS);
        sessionTable();
        delegations.setPrefHeight(260);
        delegations.setPrefWidth(400);
        delegations.setMinWidth(320);
        delegations.setPlaceholder(Ui.label(i18n.t("dash.delegationsNone"), "muted"));
        delegations.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                setPrefWidth(0); // a long name wraps instead of scrolling the list sideways
                setWrapText(true);
            }

            @Override
            protected void updateItem(String t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : t);
                setStyle(empty || t == null ? "" : org.arrivals.ui.common.NameFonts.style(t));
            }
        });
        VBox sessionBox = new VBox(6, Ui.label(i18n.t("dash.sessions"), "dash-title"), sessions);
        VBox delegationBox = new VBox(6, Ui.label(i18n.t("dash.delegations"), "dash-title"), delegations);
        sessionBox.getStyleClass().add("tile");
        delegationBox.getStyleClass().add("tile");
        HBox.setHgrow(sessionBox, Priority.ALWAYS);
        HBox lower = new HBox(16, sessionBox, delegationBox);
        root.getChildren().addAll(tiles, charts, lower);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("dashboard-scroll");
        Ui.listen(root, status.snapshotProperty(), (o, was, now) -> show(now));
        show(status.snapshotProperty().get());
    }

    private javafx.scene.control.ListCell<java.time.LocalDate> dayCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(java.time.LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : dayName(d));
            }
        };
    }

    /** "Day 2 · 23 Nov 2026", in the language's words and digits (a day outside the schedule: its date). */
    private String dayName(java.time.LocalDate d) {
        String date = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(i18n.locale())
                .withDecimalStyle(java.time.format.DecimalStyle.of(i18n.locale()))
                .format(d)
                .replaceAll("[\u061C\u200E\u200F]", "");
        int n = last == null ? 0 : last.eventDays().indexOf(d) + 1;
        return n == 0 ? date : i18n.t("dash.day", i18n.number(n), date);
    }

    private void sessionTable() {
        sessions.setPlaceholder(Ui.label(i18n.t("dash.sessionsNone"), "muted"));
        sessions.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY);
        sessions.setPrefHeight(260);
        java.time.format.DateTimeFormatter times = java.time.format.DateTimeFormatter.ofLocalizedTime(
                        java.time.format.FormatStyle.SHORT)
                .withLocale(i18n.locale())
                .withDecimalStyle(java.time.format.DecimalStyle.of(i18n.locale()));
        sessions.getColumns()
                .add(column(
                        i18n.t("dash.col.time"),
                        c -> times.format(c.session().start()).replaceAll("[\u061C\u200E\u200F]", ""),
                        90));
        sessions.getColumns()
                .add(column(i18n.t("dash.col.room"), c -> c.session().room(), 140));
        sessions.getColumns()
                .add(column(i18n.t("dash.col.session"), c -> c.session().title(), 380));
        sessions.getColumns()
                .add(column(
                        i18n.t("dash.col.inside"),
                        c -> c.session().limited()
                                ? i18n.t(
                                        "door.count",
                                        i18n.number(c.inside()),
                                        i18n.number(c.session().capacity()))
                                : i18n.number(c.inside()),
                        110));
        sessions.getColumns().add(column(i18n.t("dash.col.attended"), c -> i18n.number(c.attended()), 100));
        sessions.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(org.arrivals.session.SessionCount c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("row-nearly", "row-full");
                if (!empty && c != null && c.session().limited()) {
                    if (c.inside() >= c.session().capacity()) {
                        getStyleClass().add("row-full");
                    } else if (c.fill() >= 0.9) {
                        getStyleClass().add("row-nearly");
                    }
                }
            }
        });
    }

    private static javafx.scene.control.TableColumn<org.arrivals.session.SessionCount, String> column(
            String title, java.util.function.Function<org.arrivals.session.SessionCount, String> value, double width) {
        javafx.scene.control.TableColumn<org.arrivals.session.SessionCount, String> c =
                new javafx.scene.control.TableColumn<>(title);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
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
        return scroll;
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
        last = s;
        StringBuilder perDay = new StringBuilder();
        java.util.TreeSet<java.time.LocalDate> all =
                new java.util.TreeSet<>(st.byDay().keySet());
        for (java.time.LocalDate d : all) {
            Stats.TypeCount c = st.byDay().get(d);
            perDay.append(perDay.length() == 0 ? "" : "\n")
                    .append(i18n.t(
                            d.equals(st.day()) ? "dash.dayLineToday" : "dash.dayLine",
                            dayName(d),
                            i18n.number(c.arrived()),
                            i18n.number(c.expected())));
        }
        days.setText(perDay.length() == 0 ? i18n.t("dash.daysNone") : perDay.toString());
        java.util.List<java.time.LocalDate> chartDays =
                new java.util.ArrayList<>(st.per15minByDay().keySet());
        if (st.day() != null && !chartDays.contains(st.day())) {
            chartDays.add(st.day());
            chartDays.sort(null);
        }
        java.time.LocalDate chosen = chartDay.getValue();
        if (!chartDays.equals(chartDay.getItems())) {
            chartDay.getItems().setAll(chartDays);
        }
        chartDay.setValue(chosen != null && chartDays.contains(chosen) ? chosen : st.day());
        quarters(s);
        sessions.getItems().setAll(s.sessionsToday());
        delegations
                .getItems()
                .setAll(s.incompleteDelegations().stream()
                        .map(d -> i18n.t(
                                "dash.delegation",
                                d.organization(),
                                i18n.number(d.arrived()),
                                i18n.number(d.expected())))
                        .toList());
        root.setAccessibleText(total.getText());
    }

    /** Arrivals per 15 minutes of the chosen day. */
    private void quarters(StatusModel.Snapshot s) {
        Stats st = s.stats();
        java.time.LocalDate d = chartDay.getValue() == null ? st.day() : chartDay.getValue();
        java.util.List<Stats.Bucket> buckets = st.per15minByDay().getOrDefault(d, java.util.List.of());
        XYChart.Series<String, Number> quarters = new XYChart.Series<>();
        for (Stats.Bucket b : buckets) {
            // the quarter's start as the language writes a time (12- or 24-hour, its own digits)
            quarters.getData().add(new XYChart.Data<>(i18n.time(b.start()), b.count()));
        }
        perQuarter.getData().setAll(List.of(quarters));
        wholePeople(
                (NumberAxis) perQuarter.getYAxis(),
                buckets.stream().mapToInt(Stats.Bucket::count).max().orElse(0));
    }
}
