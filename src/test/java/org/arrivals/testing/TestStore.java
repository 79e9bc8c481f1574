package org.arrivals.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.checkin.CheckInLog;
import org.arrivals.station.Station;
import org.arrivals.store.Store;

/** A real H2 file store in a test's temporary folder, with the services over it. */
public final class TestStore implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:30:00Z"), ZoneOffset.UTC);

    public final Store store;
    public final AttendeeStore attendees;
    public final RosterImporter importer;
    public final CheckInLog checkIns;
    public final org.arrivals.checkin.ArrivalQueries arrivals;
    public final org.arrivals.checkin.ArrivalStats stats;
    public final org.arrivals.checkin.Outbox outbox;
    public final org.arrivals.checkin.RemoteEvents remote;

    public TestStore(Path dir) {
        this(dir, "desk-1", CLOCK);
    }

    public TestStore(Path dir, String stationId, Clock clock) {
        store = Store.open(dir);
        attendees = new AttendeeStore(store, clock);
        importer = new RosterImporter(store, attendees, clock, Station.STANDARD_TYPES);
        // days in UTC, so a test's fixed clock gives the same day on any machine
        checkIns = new CheckInLog(store, attendees, stationId, clock, ZoneOffset.UTC);
        arrivals = new org.arrivals.checkin.ArrivalQueries(store);
        stats = new org.arrivals.checkin.ArrivalStats(store, checkIns.calendar(), java.util.List::of);
        outbox = new org.arrivals.checkin.Outbox(store, clock);
        remote = new org.arrivals.checkin.RemoteEvents(checkIns, store, attendees, clock);
    }

    @Override
    public void close() {
        store.close();
    }
}
