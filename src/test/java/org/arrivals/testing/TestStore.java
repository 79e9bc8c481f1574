package org.arrivals.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.checkin.ArrivalQueries;
import org.arrivals.checkin.ArrivalStats;
import org.arrivals.checkin.CheckInLog;
import org.arrivals.checkin.Outbox;
import org.arrivals.checkin.RemoteEvents;
import org.arrivals.station.Station;
import org.arrivals.store.Store;

/** A real H2 file store in a test's temporary folder, with the services over it. */
public final class TestStore implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:30:00Z"), ZoneOffset.UTC);

    public final Store store;
    public final AttendeeStore attendees;
    public final RosterImporter importer;
    public final CheckInLog checkIns;
    public final ArrivalQueries arrivals;
    public final ArrivalStats stats;
    public final Outbox outbox;
    public final RemoteEvents remote;

    public TestStore(Path dir) {
        this(dir, "desk-1", CLOCK);
    }

    public TestStore(Path dir, String stationId, Clock clock) {
        store = Store.open(dir);
        attendees = new AttendeeStore(store, clock);
        importer = new RosterImporter(store, attendees, clock, Station.STANDARD_TYPES);
        // days in UTC, so a test's fixed clock gives the same day on any machine
        checkIns = new CheckInLog(store, attendees, stationId, clock, ZoneOffset.UTC);
        arrivals = new ArrivalQueries(store);
        stats = new ArrivalStats(store, checkIns.calendar(), List::of);
        outbox = new Outbox(store, clock);
        remote = new RemoteEvents(checkIns, store, attendees, clock);
    }

    @Override
    public void close() {
        store.close();
    }
}
