package org.arrivals.ui.common;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.arrivals.checkin.StationActivity;
import org.arrivals.checkin.Stats;
import org.arrivals.print.PrintJob;
import org.arrivals.station.Station;
import org.arrivals.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the status bar and the dashboard show, refreshed every few seconds on a thread of its own
 * (asking CUPS about a printer can take up to two seconds). Each refresh also hands failed badge
 * jobs whose wait is over back to the printer, so a printer that comes back prints what waited.
 */
public final class StatusModel {
    private static final Logger LOG = LoggerFactory.getLogger(StatusModel.class);

    /** One look at the station. {@code printerProblem} is null when the printer looks ready. */
    public record Snapshot(
            String printer,
            String printerProblem,
            int pending,
            Stats stats,
            long queued,
            long failed,
            SyncStatus sync,
            java.util.List<StationActivity> stations,
            Instant at) {}

    private final Station station;
    private final Supplier<String> printer;
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private ScheduledExecutorService poller;

    public StatusModel(Station station, Supplier<String> printer) {
        this.station = station;
        this.printer = printer;
    }

    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    public String stationId() {
        return station.stationId();
    }

    /** Looks now, on the calling thread, and publishes the result to the FX thread. */
    public Snapshot look() {
        String p = printer.get();
        String problem = null;
        if (p == null || p.isBlank()) {
            problem = "";
        } else {
            try {
                problem = Station.printer(p).problem();
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            station.printing().retryDue(Instant.now());
        }
        var jobs = station.printing().queue().all();
        long queued =
                jobs.stream().filter(j -> j.state() == PrintJob.State.QUEUED).count();
        long failed =
                jobs.stream().filter(j -> j.state() == PrintJob.State.FAILED).count();
        return new Snapshot(
                p,
                problem,
                station.checkIns().pendingCount(),
                station.checkIns().stats(),
                queued,
                failed,
                station.sync().status(),
                station.checkIns().stationActivity(),
                Instant.now());
    }

    public void refresh(Consumer<Runnable> onFx) {
        Snapshot s = look();
        onFx.accept(() -> snapshot.set(s));
    }

    public void start(int seconds) {
        stop();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arrivals-status");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        refresh(Platform::runLater);
                    } catch (RuntimeException e) {
                        LOG.warn("Status refresh failed", e);
                    }
                },
                0,
                seconds,
                TimeUnit.SECONDS);
    }

    /** Asks for a fresh look soon, after something changed (a check-in, a new printer). */
    public void poke() {
        if (poller != null) {
            poller.execute(() -> refresh(Platform::runLater));
        }
    }

    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
