package org.arrivals.checkin;

/** Told when someone's arrival changes (a check-in, an undo), so views such as search ranking follow. */
public interface ArrivalListener {
    void arrivalChanged(Arrival arrival);
}
