package org.arrivals.sync.protocol;

/**
 * One session of the event's schedule as it travels: its id, title, track (may be null), room,
 * date ({@code YYYY-MM-DD}), start and end ({@code HH:MM}, the event's wall clock) and capacity (0:
 * no limit).
 */
public record ScheduleSession(
        String id, String title, String track, String room, String date, String start, String end, int capacity) {}
