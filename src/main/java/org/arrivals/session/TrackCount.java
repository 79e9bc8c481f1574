package org.arrivals.session;

/**
 * A track's sessions: how many there are, the attendances (people who entered each, added over the
 * track's sessions), and the people inside its rooms now.
 */
public record TrackCount(int sessions, int attended, int inside) {}
