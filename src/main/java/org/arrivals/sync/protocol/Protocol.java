package org.arrivals.sync.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What both ends of the sync protocol agree on: paths, limits and the JSON mapping. */
public final class Protocol {
    public static final String BASE = "/api/v1";
    public static final String HEALTH = BASE + "/health";
    public static final String EVENTS = BASE + "/events";
    public static final String ROSTER = BASE + "/roster";
    public static final String STATIONS = BASE + "/stations";
    /** The event's schedule: every station pulls it when it changed; an administrator's token uploads it. */
    public static final String SCHEDULE = BASE + "/schedule";
    /** The most events a push may carry and a pull returns. */
    public static final int MAX_BATCH = 2000;
    /** Request bodies above this are refused unread (413). 2,000 events are about 600 KB. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Protocol() {}
}
