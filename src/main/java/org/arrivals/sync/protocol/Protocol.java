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
    /**
     * The most rows a roster pull returns (hubs before this version: {@link #MAX_BATCH}, and a
     * larger {@code limit} gets 400 there). 10,000 rows are about 4 MB of JSON, 0.5 MB gzipped.
     */
    public static final int MAX_ROSTER_PAGE = 10_000;
    /** Request bodies above this are refused unread (413). 2,000 events are about 600 KB. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /**
     * On an answer to {@code GET /events?wait=S}: the hub held the call until an event came or
     * for at most this many seconds (a hub without it, or one holding too many, answered at once).
     */
    public static final String LONG_POLL_HEADER = "Arrivals-Long-Poll";
    /** The longest a hub holds a long-poll, whatever {@code wait} asks. */
    public static final int LONGEST_WAIT_SECONDS = 25;

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Protocol() {}
}
