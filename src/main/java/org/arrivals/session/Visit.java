package org.arrivals.session;

import java.time.OffsetDateTime;

/** One stay of a person in a session's room: from the entry, to the exit (null: still inside). */
public record Visit(String attendeeCode, String sessionId, OffsetDateTime enteredAt, OffsetDateTime leftAt) {}
