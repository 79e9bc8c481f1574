package org.arrivals.sync.protocol;

import java.util.List;

/**
 * The hub's schedule: {@code changed} when its {@code version} is newer than the one the station
 * asked after, and then every session (a schedule is replaced whole); else no session.
 */
public record ScheduleResponse(long version, boolean changed, List<ScheduleSession> sessions) {}
