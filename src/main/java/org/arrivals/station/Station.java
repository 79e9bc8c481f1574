package org.arrivals.station;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.attendee.export.RosterExport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.checkin.CheckInLog;
import org.arrivals.store.Store;

/**
 * The services of one station for one event, wired once. The CLI and the UI are two faces over
 * exactly these objects.
 */
public final class Station implements AutoCloseable {
    /** The attendee types every event knows; an event's own list adds to these. */
    public static final List<String> STANDARD_TYPES = List.of("General Admission", "Speaker", "Staff", "Volunteer",
            "Press", "Sponsor", "Exhibitor");

    private final Path home;
    private final String eventId;
    private final Store store;
    private final AttendeeStore attendees;
    private final RosterImporter importer;
    private final RosterExport export;
    private final CheckInLog checkIns;
    private final String stationId;

    private Station(Path home, String eventId, String stationId, Store store, Clock clock) {
        this.home = home;
        this.eventId = eventId;
        this.stationId = stationId;
        this.store = store;
        this.attendees = new AttendeeStore(store, clock);
        this.importer = new RosterImporter(store, clock, STANDARD_TYPES);
        this.checkIns = new CheckInLog(store, attendees, stationId, clock);
        this.export = new RosterExport(attendees, checkIns);
    }

    public static Station open(Path home, String eventId, Clock clock) {
        EventId.check(eventId);
        String stationId = StationIdentity.load(home);
        Store store = Store.open(DataHome.eventDirectory(home, eventId));
        try {
            return new Station(home, eventId, stationId, store, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public String stationId() {
        return stationId;
    }

    public CheckInLog checkIns() {
        return checkIns;
    }

    public Path home() {
        return home;
    }

    public String eventId() {
        return eventId;
    }

    public AttendeeStore attendees() {
        return attendees;
    }

    public RosterImporter importer() {
        return importer;
    }

    public RosterExport export() {
        return export;
    }

    @Override
    public void close() {
        store.close();
    }
}
