package org.arrivals.sync.protocol;

import java.util.List;

/** {@code GET /api/v1/roster?after=V}: roster rows changed after version V; {@code version} is the next V. */
public record RosterResponse(List<RosterRow> rows, long version, boolean more) {}
