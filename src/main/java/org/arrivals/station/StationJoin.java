package org.arrivals.station;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.Role;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.Tables;
import org.arrivals.sync.HubClient;
import org.arrivals.sync.HubException;
import org.arrivals.sync.PinnedCertificate;
import org.arrivals.sync.SyncState;
import org.arrivals.sync.protocol.SetupCode;

/**
 * Joining a hub with a set-up code ({@code arrivals join CODE}, or the kiosk's first screen): the
 * hub's address, its certificate's fingerprint (pinned from now on), this station's name (its
 * station id from now on), role and token, and the event's badge key all go into the event's
 * encrypted database, never into {@code station.properties}. It works on a fresh station (whose
 * event was just made) and on one that already has a roster, which it keeps. The station's
 * services take the new name and key when it next opens.
 */
public final class StationJoin {
    /** What joining did, or why it did not. */
    public enum Outcome {
        JOINED,
        /** The text is not a set-up code. */
        NOT_A_CODE,
        /** A character is missing or wrong. */
        DAMAGED,
        /** Made by a newer Arrivals. */
        NEWER_VERSION,
        /** The code's address is not one a station may use (plain http to another machine). */
        UNSAFE_ADDRESS,
        /** The command line asked for another station id than the code's. */
        OTHER_STATION,
        NOT_ALLOWED,
        /** Asked to check with the hub first: it did not answer (not running, not on this network, busy). */
        HUB_UNREACHABLE,
        /** Asked to check with the hub first: it showed a certificate other than the code's. */
        CERTIFICATE_REFUSED,
        /** Asked to check with the hub first: it refused the code's token (revoked, or another hub's). */
        TOKEN_REFUSED
    }

    /** The result: the station's name, role and hub, and whether its badge key changed. */
    public record Joined(
            Outcome outcome, String station, String role, String hubUrl, String fingerprint, boolean badgeKeyChanged) {
        static Joined refused(Outcome o) {
            return new Joined(o, null, null, null, null, false);
        }
    }

    /** Who may join the station to a hub: whoever holds the station key (the command line), or an admin. */
    static final Role JOIN = Role.ADMIN;

    private final Path home;
    private final Store store;
    private final SyncState state;
    private final AuditLog audit;

    StationJoin(Path home, Store store, SyncState state, AuditLog audit) {
        this.home = home;
        this.store = store;
        this.state = state;
        this.audit = audit;
    }

    /**
     * True on a station's first run: it has joined no hub and holds no roster. The kiosk then
     * offers to take a set-up code (scanned or typed) before anything else.
     */
    public boolean firstRun() {
        return !state.joined().joined() && store.dsl().fetchCount(Tables.ATTENDEE) == 0 && state.hubToken() == null;
    }

    /**
     * Joins the hub of {@code codeText}. {@code stationOverride} is the command line's {@code
     * --station}, if any: a name other than the code's is refused.
     */
    public Joined join(Actor actor, String codeText, String stationOverride) {
        return join(actor, codeText, stationOverride, null);
    }

    /**
     * As above; with {@code askHub} (the kiosk's first-run screen, where a person stands and can
     * act) the hub is asked first, with the code's token and its certificate pinned, waiting at
     * most that long: a hub that does not answer, shows another certificate or refuses the token
     * leaves the station as it was. Without it (the command line, a code the kiosk set-up left)
     * the station joins a hub that may not be running yet.
     */
    public Joined join(Actor actor, String codeText, String stationOverride, Duration askHub) {
        if (!actor.may(JOIN)) {
            return Joined.refused(Outcome.NOT_ALLOWED);
        }
        SetupCode code;
        try {
            code = SetupCode.read(codeText);
        } catch (SetupCode.Refused e) {
            return Joined.refused(
                    switch (e.problem()) {
                        case NOT_A_CODE -> Outcome.NOT_A_CODE;
                        case DAMAGED -> Outcome.DAMAGED;
                        case NEWER_VERSION -> Outcome.NEWER_VERSION;
                    });
        }
        if (stationOverride != null
                && !stationOverride.isBlank()
                && !stationOverride.strip().equals(code.station())) {
            return new Joined(Outcome.OTHER_STATION, code.station(), code.role().id(), code.hubUrl(), null, false);
        }
        try {
            HubClient.requireSafe(URI.create(code.hubUrl()));
        } catch (IllegalArgumentException e) {
            return new Joined(
                    Outcome.UNSAFE_ADDRESS, code.station(), code.role().id(), code.hubUrl(), null, false);
        }
        String fingerprint = PinnedCertificate.format(code.fingerprint());
        if (askHub != null) {
            Outcome refused = ask(code, askHub);
            if (refused != null) {
                return new Joined(refused, code.station(), code.role().id(), code.hubUrl(), fingerprint, false);
            }
        }
        state.join(code.hubUrl(), fingerprint, code.station(), code.role().id(), code.token());
        boolean keyChanged = EventKey.adopt(store, code.badgeKey());
        store.committed();
        // the id other events of this station show too; the token and the rest stay in the database
        Map<String, String> change = new HashMap<>();
        change.put(StationSettings.KEY, code.station());
        StationFile.set(home, change);
        audit.record(
                actor.auditName(),
                "join hub",
                null,
                "as " + code.station() + " (" + code.role().id() + ")");
        return new Joined(Outcome.JOINED, code.station(), code.role().id(), code.hubUrl(), fingerprint, keyChanged);
    }

    /** Asks the code's hub for one event with the code's token: null when it answered, else why not. */
    private static Outcome ask(SetupCode code, Duration timeout) {
        HubClient hub = new HubClient(
                URI.create(code.hubUrl()), code.token(), timeout, PinnedCertificate.of(code.fingerprint()));
        try {
            hub.pullEvents(0, 1);
            return null;
        } catch (HubException e) {
            if (e.certificateRefused()) {
                return Outcome.CERTIFICATE_REFUSED;
            }
            return e.status() == 401 || e.status() == 403 ? Outcome.TOKEN_REFUSED : Outcome.HUB_UNREACHABLE;
        }
    }
}
