package org.arrivals.sync.protocol;

import java.util.List;

/** {@code POST /api/v1/roster} (administrators): roster rows to merge into the hub's roster by code. */
public record RosterUpload(List<RosterRow> rows) {}
