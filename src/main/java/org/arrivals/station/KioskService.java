package org.arrivals.station;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.Role;

/**
 * The kiosk itself: its own settings (start mode, self-service idle time, start language), read
 * for every face and changed only by an admin (written to HOME/station.properties, used from the
 * next start), and the moments of a kiosk's day the audit log keeps: started, staff mode opened.
 */
public final class KioskService {
    static final Role CHANGE = Role.ADMIN;

    public enum Outcome {
        SAVED,
        NOT_ALLOWED,
        /** The idle time is not a whole number of seconds from 5 to 3600. */
        BAD_IDLE_TIME,
        BAD_LANGUAGE
    }

    private final Path home;
    private final AuditLog audit;

    KioskService(Path home, AuditLog audit) {
        this.home = home;
        this.audit = audit;
    }

    /** The saved settings; a broken file reads as the defaults ({@code arrivals check} names what is wrong). */
    public KioskSettings load() {
        try {
            return KioskSettings.load(home);
        } catch (IllegalArgumentException e) {
            return KioskSettings.DEFAULTS;
        }
    }

    /** The kiosk window opened this event (on the command line's authority: whoever had the key). */
    public void started(Actor actor, KioskSettings.Mode mode, boolean demo, boolean keyTypedOnScreen) {
        audit.record(
                actor.auditName(),
                "kiosk start",
                null,
                "mode " + mode.name().toLowerCase(Locale.ROOT) + (demo ? "; demo" : "")
                        + (keyTypedOnScreen ? "; unlocked on screen" : ""));
    }

    /** Staff mode was opened (or an admin's action allowed) with the PIN of {@code actor}'s role. */
    public void staffEntered(Actor actor, String how) {
        if (actor.may(Role.SUPERVISOR)) {
            audit.record(actor.auditName(), how, null, null);
        }
    }

    /** Larger text on this kiosk's screens, remembered for the next start (anyone in staff mode). */
    public Outcome largeText(Actor actor, boolean on) {
        if (!actor.may(Role.SUPERVISOR)) {
            return Outcome.NOT_ALLOWED;
        }
        StationFile.set(home, Map.of("kiosk.large.text", Boolean.toString(on)));
        return Outcome.SAVED;
    }

    /**
     * A PIN was refused at this kiosk ({@code lockedOut}: the gate is paused after too many):
     * every wrong PIN is in the audit log, with the face and the role it was asked for.
     */
    public void pinRefused(Actor.Face face, Role needed, boolean lockedOut) {
        audit.record(
                face == Actor.Face.SELF_SERVICE ? Role.ATTENDEE.id() : Role.VOLUNTEER.id(),
                lockedOut ? "pin locked out" : "pin refused",
                null,
                "for " + needed.id() + " at "
                        + face.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public Outcome save(Actor actor, KioskSettings.Mode mode, String idleText, String language) {
        if (!actor.may(CHANGE)) {
            return Outcome.NOT_ALLOWED;
        }
        int idle = KioskSettings.idleSeconds(idleText); // the rule the settings file is read by
        if (idle < 0) {
            return Outcome.BAD_IDLE_TIME;
        }
        if (language == null || !KioskSettings.LANGUAGES.contains(language)) {
            return Outcome.BAD_LANGUAGE;
        }
        Map<String, String> values = Map.of(
                "kiosk.mode",
                mode.name().toLowerCase(Locale.ROOT),
                "kiosk.idle.seconds",
                Integer.toString(idle),
                "kiosk.language",
                language);
        StationFile.set(home, values);
        audit.record(actor.auditName(), "configuration", null, new TreeMap<>(values).toString());
        return Outcome.SAVED;
    }
}
