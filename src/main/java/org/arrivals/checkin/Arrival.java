package org.arrivals.checkin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.arrivals.sync.protocol.ContractViolation;
import org.arrivals.sync.protocol.Details;

/**
 * An attendee's arrival: a pure function of their events in log order, so two stations holding the
 * same events agree, whatever order the events reached them in.
 *
 * <p>A check-in belongs to one event day ({@link #days()}): a person checks in once a day, the
 * first check-in of a day standing. As folded, {@code checkedIn} says they came on some day and
 * {@code checkedInAt} and {@code stationId} name their first arrival at the event; {@link
 * #on(LocalDate)} gives the same arrival as one day sees it (checked in that day, where and when),
 * which is what the desk and the dashboard show for today.
 */
public record Arrival(
        String attendeeCode,
        boolean checkedIn,
        OffsetDateTime checkedInAt,
        String stationId,
        int badgesPrinted,
        int reprints,
        long lastHlc,
        List<Day> days) {

    /** The first check-in of one event day: when and where. */
    public record Day(LocalDate date, OffsetDateTime at, String stationId) {}

    public Arrival {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** An arrival with no day kept (a single-day view made by hand, in tests and tools). */
    public Arrival(
            String attendeeCode,
            boolean checkedIn,
            OffsetDateTime checkedInAt,
            String stationId,
            int badgesPrinted,
            int reprints,
            long lastHlc) {
        this(attendeeCode, checkedIn, checkedInAt, stationId, badgesPrinted, reprints, lastHlc, List.of());
    }

    public static Arrival none(String code) {
        return new Arrival(code, false, null, null, 0, 0, 0, List.of());
    }

    public static Arrival of(String code, List<CheckInEvent> events) {
        Fold f = new Fold(code);
        for (CheckInEvent e : events.stream().sorted(CheckInEvent.LOG_ORDER).toList()) {
            f.apply(e);
        }
        return f.result();
    }

    /** The same arrival as {@code day} sees it: checked in that day, and when and where. */
    public Arrival on(LocalDate day) {
        Day d = day(day);
        return new Arrival(
                attendeeCode,
                d != null,
                d == null ? null : d.at(),
                d == null ? null : d.stationId(),
                badgesPrinted,
                reprints,
                lastHlc,
                days);
    }

    /** True when the person checked in on {@code day}. */
    public boolean checkedInOn(LocalDate day) {
        return day(day) != null;
    }

    /** The check-in of {@code day}, or null. */
    public Day day(LocalDate day) {
        for (Day d : days) {
            if (d.date().equals(day)) {
                return d;
            }
        }
        return null;
    }

    /** The latest day they checked in on, or null. */
    public LocalDate lastDay() {
        return days.isEmpty() ? null : days.get(days.size() - 1).date();
    }

    /**
     * The event day of a check-in or an undo: the day it carries, else (an event recorded before
     * days existed, or a day this version cannot read) its wall time's UTC date.
     */
    public static LocalDate dayOf(CheckInEvent e) {
        LocalDate carried = carriedDay(e);
        return carried != null
                ? carried
                : e.wallTime().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /** The day an event carries in its details, or null. */
    private static LocalDate carriedDay(CheckInEvent e) {
        if (e.details() == null) {
            return null;
        }
        try {
            String day = Details.fromJson(e.details()).get(Details.DAY);
            return day == null ? null : LocalDate.parse(day);
        } catch (ContractViolation | DateTimeParseException unreadable) {
            // the contract refuses unreadable details before they are stored; a day this version cannot read
            return null;
        }
    }

    /** The fold: one pass over a person's events in log order. */
    private static final class Fold {
        private final String code;
        private final TreeMap<LocalDate, Day> days = new TreeMap<>();
        private int badges;
        private int reprints;
        private long hlc;

        Fold(String code) {
            this.code = code;
        }

        void apply(CheckInEvent e) {
            switch (e.kind()) {
                // A second check-in on a day is not a second arrival: the first one of the day stands.
                case CHECKED_IN -> {
                    LocalDate d = dayOf(e);
                    days.putIfAbsent(d, new Day(d, e.wallTime(), e.stationId()));
                    hlc = e.hlc();
                }
                case CHECK_IN_UNDONE -> {
                    LocalDate d = carriedDay(e);
                    if (d != null) {
                        days.remove(d);
                    } else {
                        days.pollLastEntry();
                    }
                    hlc = e.hlc();
                }
                case BADGE_PRINTED -> {
                    badges++;
                    hlc = e.hlc();
                }
                case BADGE_REPRINTED -> {
                    badges++;
                    reprints++;
                    hlc = e.hlc();
                }
                // a badge collected at a pickup station is not an entry
                case WALK_IN_REGISTERED, ATTENDEE_EDITED, BADGE_PICKED_UP -> hlc = e.hlc();
                // where a person is inside the event is the sessions' projection, not the arrival's
                case SESSION_ENTERED, SESSION_LEFT -> {}
            }
        }

        Arrival result() {
            List<Day> list = new ArrayList<>(days.values());
            Day first = list.isEmpty() ? null : list.get(0);
            return new Arrival(
                    code,
                    first != null,
                    first == null ? null : first.at(),
                    first == null ? null : first.stationId(),
                    badges,
                    reprints,
                    hlc,
                    list);
        }
    }
}
