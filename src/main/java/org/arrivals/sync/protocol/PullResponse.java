package org.arrivals.sync.protocol;

import java.util.List;

/**
 * {@code GET /api/v1/events?after=C}: events the hub stored after cursor {@code C}, in the hub's
 * order; {@code cursor} is where the next pull starts, {@code more} says a next page is waiting.
 */
public record PullResponse(List<WireEvent> events, long cursor, boolean more) {}
