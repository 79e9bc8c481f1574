package org.arrivals.session;

/** A session with the people inside its room now and the people who entered it at least once. */
public record SessionCount(Session session, int inside, int attended) {
    /** inside / capacity; 0 for a room without a limit. */
    public double fill() {
        return session.limited() ? inside / (double) session.capacity() : 0;
    }
}
