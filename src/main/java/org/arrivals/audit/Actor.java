package org.arrivals.audit;

/**
 * Who asks a service to do something: a person at one of the station's faces, with the role their
 * PIN (or none) gives them, or the command line, where whoever holds the station key acts as admin.
 * Services decide what the actor may do and write the audit entry with {@link #auditName()}.
 */
public record Actor(Role role, Face face) {
    /** Where the request came from. */
    public enum Face {
        DESK,
        SELF_SERVICE,
        STAFF,
        DOOR,
        CLI,
        HUB
    }

    public Actor {
        if (role == null || face == null) {
            throw new IllegalArgumentException("An actor needs a role and a face.");
        }
    }

    /** The command line: the station key is the admin's authority. */
    public static Actor cli() {
        return new Actor(Role.ADMIN, Face.CLI);
    }

    /** A volunteer at the registration desk (no PIN). */
    public static Actor desk() {
        return new Actor(Role.VOLUNTEER, Face.DESK);
    }

    /** An attendee at a self-service station. */
    public static Actor selfService() {
        return new Actor(Role.ATTENDEE, Face.SELF_SERVICE);
    }

    /** The same face, on the authority of a role whose PIN was given. */
    public Actor as(Role by) {
        return new Actor(by, face);
    }

    public boolean may(Role needed) {
        return role.allows(needed);
    }

    /** How the audit log names this actor: {@code cli} on the command line, else the role. */
    public String auditName() {
        return face == Face.CLI ? AuditLog.CLI : role.id();
    }
}
