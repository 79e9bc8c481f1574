package org.arrivals.audit;

import java.time.Instant;

/** One staff action: who (a role, or {@code cli}), what, when, at which station, on what. */
public record AuditEntry(long seq, Instant at, String stationId, String actor, String action, String subject,
                         String detail) {
}
