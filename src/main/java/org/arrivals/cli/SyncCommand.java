package org.arrivals.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.arrivals.station.Station;
import org.arrivals.sync.HubException;
import org.arrivals.sync.SyncStatus;
import org.arrivals.sync.SyncWorker;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Sync this station with the hub (hub.url and hub.token in HOME/station.properties).",
            "--once: push every pending event and pull the others'. Exit 0 when every pending event is acknowledged, "
                    + "6 when the hub did not answer (events stay pending), 7 when it refused the token or showed a "
                    + "certificate other than the pinned one.",
            "--status: online or offline, pending events, last sync."
        })
final class SyncCommand extends StationCommand {
    static final class Mode {
        @Option(names = "--once", required = true, description = "Sync now, once.")
        boolean once;

        @Option(names = "--status", required = true, description = "Show the sync state.")
        boolean status;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    @Option(names = "--hub", paramLabel = "URL", description = "The hub's URL (overrides hub.url).")
    String hub;

    @Option(names = "--token", paramLabel = "T", description = "This station's token (overrides hub.token).")
    String token;

    @Option(
            names = "--fingerprint",
            paramLabel = "SHA256",
            description = "Pin this hub certificate (as 'arrivals hub fingerprint' prints it) instead of the one kept"
                    + " when the station joined.")
    String fingerprint;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    int run(Station station) {
        SyncWorker worker = station.syncWith(
                hub,
                token,
                fingerprint,
                java.time.Duration.ofSeconds(10),
                Station.SYNC_INTERVAL,
                java.time.Duration.ofSeconds(60));
        if (mode != null && mode.once) {
            try {
                SyncWorker.Report r = worker.syncOnce();
                print(worker.status(), r, null);
                return r.pending() == 0 ? 0 : 6;
            } catch (HubException e) {
                print(worker.status(), null, e.getMessage());
                return e.retryable() ? 6 : 7;
            }
        }
        SyncStatus s = worker.status();
        boolean online = s.configured() && worker.probe();
        print(
                new SyncStatus(
                        s.configured(),
                        online,
                        s.pending(),
                        s.lastSync(),
                        s.lastError(),
                        s.eventCursor(),
                        s.rosterVersion(),
                        s.quarantined()),
                null,
                null);
        return 0;
    }

    private void print(SyncStatus s, SyncWorker.Report r, String error) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("configured", s.configured());
            doc.put("online", s.online());
            doc.put("pending", s.pending());
            doc.put("lastSync", s.lastSync());
            doc.put("lastError", error != null ? error : s.lastError());
            doc.put("eventCursor", s.eventCursor());
            doc.put("rosterVersion", s.rosterVersion());
            doc.put("quarantined", s.quarantined());
            if (r != null) {
                doc.put("pushed", r.pushed());
                doc.put("pulled", r.pulled());
                doc.put("rosterRows", r.rosterRows());
            }
            out().println(Json.write(doc));
            return;
        }
        if (r != null) {
            out().printf(
                            "Synced: %d events pushed, %d pulled, %d roster rows; %d pending.%n",
                            r.pushed(), r.pulled(), r.rosterRows(), r.pending());
            return;
        }
        if (error != null) {
            out().println(error + " " + s.pending() + " events wait to be sent.");
            return;
        }
        if (!s.configured()) {
            out().printf(
                            "No hub is configured (hub.url in station.properties); %d events wait to be sent.%n",
                            s.pending());
            return;
        }
        out().printf(
                        "%s; %d events pending; last sync %s.%n",
                        s.online() ? "Online" : "Offline", s.pending(), s.lastSync() == null ? "never" : s.lastSync());
        if (!s.online() && s.lastError() != null) {
            out().println("Last problem: " + s.lastError());
        }
        if (s.quarantined() > 0) {
            out().println(s.quarantined() + " events are set aside (quarantined): this station could not apply them, or"
                    + " the hub refused them. The log names each one; sync goes on with the rest.");
        }
    }
}
