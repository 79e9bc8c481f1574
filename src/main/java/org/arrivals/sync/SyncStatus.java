package org.arrivals.sync;

import java.time.OffsetDateTime;

/**
 * What a screen shows about sync: whether the hub answered the last attempt, how many events are
 * still waiting to be acknowledged, when a sync last completed, and the last problem in words.
 */
public record SyncStatus(
        boolean configured,
        boolean online,
        int pending,
        OffsetDateTime lastSync,
        String lastError,
        long eventCursor,
        long rosterVersion) {}
