package org.arrivals.cli;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.ui.Kiosk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = {"Start the kiosk window on this station's data: desk mode for volunteers, self-service for "
                + "attendees (full screen; leaving needs the staff PIN), or staff mode (PIN).",
            "--demo loads the demo event first and, where none is set, names it and sets the staff PIN to 1234; "
                + "without --key-file or ARRIVALS_KEY its station key is " + org.arrivals.station.StationKey.DEMO + "."})
final class KioskCommand extends StationCommand {
    static final String DEMO_EVENT_NAME = "National Immigrant Integration Conference 2026";
    static final String DEMO_PIN = "1234";

    @Option(names = "--mode", paramLabel = "MODE", description = "desk, self or staff (default: kiosk.mode in the "
            + "station settings, else desk).")
    String mode;

    @Option(names = "--demo", description = "Load the demo event first (made up; no real people).")
    boolean demo;

    @Override
    String fallbackKey() {
        return demo ? org.arrivals.station.StationKey.DEMO : null;
    }

    @Override
    boolean audited() {
        return false;
    }

    @Override
    int run(Station station) {
        if (demo) {
            var r = station.loadDemo(1200, 2026);
            Map<String, String> set = new HashMap<>();
            var current = StationFile.read(station.home());
            if (current.getProperty("event.name", "").isBlank()) {
                set.put("event.name", DEMO_EVENT_NAME);
            }
            if (!set.isEmpty()) {
                StationFile.set(station.home(), set);
            }
            if (!StaffPin.load(station.home(), Clock.systemUTC()).isSet()) {
                StaffPin.set(station.home(), DEMO_PIN);
                err().println("Demo: the staff PIN is " + DEMO_PIN + ". Change it with: arrivals pin set");
            }
            err().printf("Demo event ready: %d people added, %d already there.%n", r.added(), r.unchanged() + r.updated());
        }
        KioskSettings k = settings(station.home());
        station.audit().record(org.arrivals.audit.AuditLog.CLI, "kiosk start", null,
                "mode " + k.mode().name().toLowerCase(java.util.Locale.ROOT) + (demo ? "; demo" : ""));
        Kiosk.run(station, k, StaffPin.load(station.home(), Clock.systemUTC()));
        return 0;
    }

    /** No key given: the kiosk opens locked and asks for the station key on screen. */
    @Override
    Integer whenNoKeyGiven() {
        java.nio.file.Path home = root.resolvedHome();
        org.arrivals.station.LogSetup.configure(home, root.resolvedConfig());
        KioskSettings k = settings(home);
        java.util.concurrent.atomic.AtomicReference<Station> opened = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            Kiosk.runLocked(key -> {
                Station s = root.openStationWith(key);
                s.audit().record(org.arrivals.audit.AuditLog.CLI, "kiosk start", null,
                        "mode " + k.mode().name().toLowerCase(java.util.Locale.ROOT) + "; unlocked on screen");
                opened.set(s);
                return s;
            }, k, StaffPin.load(home, Clock.systemUTC()));
        } finally {
            if (opened.get() != null) {
                opened.get().close();
            }
        }
        return 0;
    }

    private KioskSettings settings(java.nio.file.Path home) {
        KioskSettings k = KioskSettings.load(home);
        if (mode != null) {
            KioskSettings.Mode m = switch (mode.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "desk" -> KioskSettings.Mode.DESK;
                case "self", "self-service" -> KioskSettings.Mode.SELF;
                case "staff" -> KioskSettings.Mode.STAFF;
                default -> throw new IllegalArgumentException("--mode must be desk, self or staff, not '" + mode + "'.");
            };
            k = new KioskSettings(m, k.idleSeconds(), k.language(), k.largeText(), k.template(), k.eventName());
        }
        return k;
    }
}
