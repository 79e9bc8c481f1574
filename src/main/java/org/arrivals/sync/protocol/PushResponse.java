package org.arrivals.sync.protocol;

import java.util.List;
import java.util.UUID;

/**
 * The hub's receipt: {@code acked} names every event of the batch that the hub now holds (stored
 * now, or already held from an earlier push); a station may clear exactly those from its outbox.
 */
public record PushResponse(List<UUID> acked, int stored, int duplicates) {}
