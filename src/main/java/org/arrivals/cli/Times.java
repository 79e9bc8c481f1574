package org.arrivals.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Times and days as an operator types them on the command line. */
final class Times {
    private Times() {}

    /**
     * An ISO-8601 instant ({@code 2019-10-21T09:00:00Z}), an offset time ({@code
     * 2019-10-21T09:00:00-04:00}) or a local time in the event's zone ({@code 2019-10-21T09:00}).
     */
    static Instant instant(String text, ZoneId eventZone) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).atZone(eventZone).toInstant();
            } catch (DateTimeParseException notLocal) {
                throw new IllegalArgumentException("'" + text + "' is not a time: write 2019-10-21T09:00:00Z, "
                        + "2019-10-21T09:00:00-04:00, or 2019-10-21T09:00 (the event's time zone, " + eventZone
                        + ").");
            }
        }
    }

    /** A day as {@code 2019-10-21}. */
    static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day: write it as 2019-10-21.");
        }
    }
}
