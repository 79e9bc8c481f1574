package org.arrivals.sync.protocol;

import java.util.List;

/** A whole schedule, replacing the hub's. */
public record ScheduleUpload(List<ScheduleSession> sessions) {}
