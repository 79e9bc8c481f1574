package org.arrivals.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.LogSetup;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.station.StationSetup;
import org.arrivals.ui.Kiosk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "kiosk",
        mixinStandardHelpOptions = true,
        description = {
            "Start the kiosk window on this station's data: desk mode for volunteers, self-service for "
                    + "attendees (full screen; leaving needs the staff PIN), staff mode (PIN), or a session room's "
                    + "door (scans are entries or exits; inside / capacity in large type).",
            "--demo loads the demo event first and, where none is set, names it and sets the staff PIN to 123456; "
                    + "without --key-file or ARRIVALS_KEY its station key is " + StationKey.DEMO
                    + "."
        })
final class KioskCommand extends HomeCommand {
    static final String DEMO_EVENT_NAME = "National Immigrant Integration Conference 2026";
    static final String DEMO_PIN = "123456";

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "desk, self, staff or door (default: kiosk.mode in the station settings, else desk).")
    String mode;

    @Option(names = "--demo", description = "Load the demo event first (made up; no real people).")
    boolean demo;

    /**
     * The window comes first: with a key given, the station opens beside it (the key's derivation
     * and the database overlap JavaFX's start); without one, the window asks for the key.
     */
    @Override
    public Integer call() {
        Path home = root.resolvedHome();
        String fallback = demo ? StationKey.DEMO : null;
        boolean keyGiven = root.keyGiven(fallback);
        StationKey given = null;
        String unreadable = null;
        if (keyGiven) {
            try {
                given = root.stationKey(fallback);
            } catch (IllegalArgumentException e) {
                // a kiosk started at boot with its key file on a USB stick that is not there: a window
                // that asks for the key, not a process that fails and is restarted every two seconds
                err().println("arrivals: " + e.getMessage() + " The kiosk asks for the key on screen.");
                unreadable = "unlock.keyFile";
            }
        }
        if (given != null) {
            try {
                // the key's derivation (PBKDF2) begins now, beside the rest of the start
                Station.prepareKey(home, root.resolvedEvent(), given);
                // and the PIN file's key beside it, rather than after the station opened
                StaffPin.prepare(home, given);
                // and the search's code and folding tables, before the desk's first build needs them
                org.arrivals.search.Lookup.warmCode();
            } catch (IllegalArgumentException e) {
                // an event id that is not one: opening the station says so
            }
        }
        LogSetup.configure(home, root.resolvedConfig());
        if (demo) {
            demoSettings(home, given);
        }
        KioskSettings k = settings(home);
        AtomicReference<Station> opened = new AtomicReference<>();
        StationKey givenKey = given;
        // the PINs are read with the station key once the station opened with it (given, or typed on screen)
        StaffPin pins = StaffPin.locked(home, Clock.systemUTC());
        Function<StationKey, Station> open = key -> {
            Station s = root.openStationWith(key);
            opened.set(s);
            if (!pins.unlocked()) {
                try (org.arrivals.startup.Timeline.Span span = org.arrivals.startup.Timeline.begin("pins")) {
                    pins.unlock(key);
                }
            }
            if (demo) {
                var r = s.roster().importDemo(StationCommand.CLI, 1200, 2026).report();
                if (s.sessions().days().isEmpty()) {
                    s.sessions().importDemo(StationCommand.CLI, s.sessions().today());
                }
                err().printf(
                                "Demo event ready: %d people added, %d already there.%n",
                                r.added(), r.unchanged() + r.updated());
            }
            try (org.arrivals.startup.Timeline.Span span = org.arrivals.startup.Timeline.begin("kiosk started")) {
                s.kiosk().started(StationCommand.CLI, k.mode(), demo, key != givenKey);
            }
            return s;
        };
        try {
            if (given != null) {
                Kiosk.runOpening(open, given, k, pins);
            } else if (!demo && StationSetup.freshEvent(home, root.resolvedEvent())) {
                // no event here yet: the set-up wizard, whose first step takes the key (a USB stick's key file, or
                // typed)
                Kiosk.runFirstRun(open, k, pins, StationSetup.usbRoots());
            } else {
                Kiosk.runLocked(open, k, pins, unreadable);
            }
        } finally {
            if (opened.get() != null) {
                opened.get().close();
            }
            Station last = Kiosk.station(); // opened again after joining a hub on the first-run screen
            if (last != null && last != opened.get()) {
                last.close();
            }
        }
        return 0;
    }

    /** The demo's event name and staff PIN, where none is set (in station.properties: no key needed). */
    private void demoSettings(Path home, StationKey key) {
        if (KioskSettings.prepareDemo(home, DEMO_EVENT_NAME, DEMO_PIN, key)) {
            err().println("Demo: the staff PIN is " + DEMO_PIN + ". Change it with: arrivals pin set");
        }
    }

    private KioskSettings settings(Path home) {
        KioskSettings k = KioskSettings.load(home);
        if (mode != null) {
            KioskSettings.Mode m = switch (mode.strip().toLowerCase(Locale.ROOT)) {
                case "desk" -> KioskSettings.Mode.DESK;
                case "self", "self-service" -> KioskSettings.Mode.SELF;
                case "staff" -> KioskSettings.Mode.STAFF;
                case "door" -> KioskSettings.Mode.DOOR;
                default ->
                    throw new IllegalArgumentException("--mode must be desk, self, staff or door, not '" + mode + "'.");
            };
            k = new KioskSettings(m, k.idleSeconds(), k.language(), k.largeText(), k.template(), k.eventName());
        }
        return k;
    }
}
