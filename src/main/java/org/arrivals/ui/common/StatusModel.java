package org.arrivals.ui.common;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.arrivals.checkin.StationActivity;
import org.arrivals.checkin.Stats;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrinterState;
import org.arrivals.print.Printers;
import org.arrivals.station.Station;
import org.arrivals.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the status bar and the dashboard show, refreshed every few seconds on a thread of its own.
 * It only reads: the printer's state is the one the print worker last saw (it asks the printers
 * itself), counts come from the database, nothing is printed or recorded from here.
 */
public final class StatusModel {
    private static final Logger LOG = LoggerFactory.getLogger(StatusModel.class);

    /** One look at the station. */
    public record Snapshot(
            String printer,
            PrinterState printerState,
            int pending,
            Stats stats,
            long queued,
            long failed,
            SyncStatus sync,
            List<StationActivity> stations,
            Instant at,
            List<Printers.Found> printers,
            List<org.arrivals.session.SessionCount> sessionsToday,
            List<org.arrivals.delegation.DelegationService.Summary> incompleteDelegations,
            List<java.time.LocalDate> eventDays) {
        /** As before pools: the station's printer and its state only. */
        public Snapshot(
                String printer,
                PrinterState printerState,
                int pending,
                Stats stats,
                long queued,
                long failed,
                SyncStatus sync,
                List<StationActivity> stations,
                Instant at) {
            this(
                    printer,
                    printerState,
                    pending,
                    stats,
                    queued,
                    failed,
                    sync,
                    stations,
                    at,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }
    }

    /** How often the delegations still incomplete are counted again (they read the whole list). */
    private static final long DELEGATIONS_EVERY_MS = 30_000;

    private final Station station;
    private volatile java.util.List<org.arrivals.delegation.DelegationService.Summary> incomplete = java.util.List.of();
    private volatile long incompleteAt;
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private ScheduledExecutorService poller;

    public StatusModel(Station station) {
        this.station = station;
    }

    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    public String stationId() {
        return station.stationId();
    }

    /** Looks now, on the calling thread, and publishes the result to the FX thread. */
    public Snapshot look() {
        var printing = station.printing();
        var counts = printing.counts();
        return new Snapshot(
                printing.target().printer(),
                printing.printerState(),
                station.checkIns().pendingCount(),
                station.checkIns().stats(),
                counts.get(PrintJob.State.QUEUED) + counts.get(PrintJob.State.SENDING),
                counts.get(PrintJob.State.FAILED),
                station.sync().status(),
                station.checkIns().stationActivity(),
                Instant.now(),
                printing.printerStates(),
                station.sessions().sessions(station.sessions().today()),
                incompleteDelegations(),
                station.sessions().days());
    }

    /** The organizations with someone expected who has not arrived, counted at most every half minute. */
    private java.util.List<org.arrivals.delegation.DelegationService.Summary> incompleteDelegations() {
        long now = System.currentTimeMillis();
        if (now - incompleteAt > DELEGATIONS_EVERY_MS) {
            incomplete = station.delegations().incomplete();
            incompleteAt = now;
        }
        return incomplete;
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
        boolean[] first = {true};
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (first[0]) {
                            first[0] = false;
                            // the desk's first job is answering a search: the first look (counts by
                            // organization, activity, delegations) waits for it, or a second at most
                            awaitFirstSearch();
                        }
                        refresh(Platform::runLater);
                    } catch (RuntimeException e) {
                        LOG.warn("Status refresh failed", e);
                    }
                },
                0,
                seconds,
                TimeUnit.SECONDS);
    }

    /** How long the first look waits for a first search. */
    private static final long FIRST_LOOK_WAITS_MS = 1000;

    private void awaitFirstSearch() {
        try {
            station.lookup().searched().get(FIRST_LOOK_WAITS_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // no search yet: look now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
