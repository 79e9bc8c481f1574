package org.arrivals.sync;

import java.time.OffsetDateTime;

/**
 * What a screen shows about sync: whether the hub answered the last attempt, how many events are
 * still waiting to be acknowledged, when a sync last completed, the last problem in words, and
 * how many events were set aside ({@code quarantined}: pulled ones this station cannot apply, and
 * its own the hub refused), which a person should look at.
 */
public record SyncStatus(
        boolean configured,
        boolean online,
        int pending,
        OffsetDateTime lastSync,
        String lastError,
        long eventCursor,
        long rosterVersion,
        int quarantined) {

    public SyncStatus(
            boolean configured,
            boolean online,
            int pending,
            OffsetDateTime lastSync,
            String lastError,
            long eventCursor,
            long rosterVersion) {
        this(configured, online, pending, lastSync, lastError, eventCursor, rosterVersion, 0);
    }
}
