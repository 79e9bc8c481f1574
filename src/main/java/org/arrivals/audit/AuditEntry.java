package org.arrivals.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One staff action: who (a role, or {@code cli}), what, when, at which station, on what. */
public record AuditEntry(
        long seq, Instant at, String stationId, String actor, String action, String subject, String detail) {

    /** The entry as exported (the CLI's {@code audit --json} and the kiosk's export): fixed names and order. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("at", at.toString());
        m.put("station", stationId);
        m.put("actor", actor);
        m.put("action", action);
        m.put("subject", subject);
        m.put("detail", detail);
        return m;
    }
}
