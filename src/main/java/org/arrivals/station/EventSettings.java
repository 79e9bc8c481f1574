package org.arrivals.station;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The event's own settings, in HOME/station.properties: its time zone ({@code event.timezone}, an
 * IANA name such as America/Chicago; blank: the system's), which decides the day each check-in
 * belongs to and reads the schedule's times; and the date of its first day ({@code
 * event.first.day}), for a schedule that numbers its days. Every station of an event should have
 * the same. A bad value is refused with the file, the key and the fix.
 */
public record EventSettings(ZoneId zone, LocalDate firstDay) {
    static final String ZONE = "event.timezone";
    static final String FIRST_DAY = "event.first.day";

    public static EventSettings load(Path home) {
        return parse(StationFile.read(home), home.resolve(StationSettings.FILE).toString());
    }

    static EventSettings parse(Properties p, String file) {
        String z = p.getProperty(ZONE, "").strip();
        ZoneId zone;
        try {
            zone = z.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(z);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(file + ": " + ZONE + " = '" + z + "' is not a time zone. Use a name "
                    + "such as America/Chicago or Europe/Madrid, or leave it blank for the system's.");
        }
        String d = p.getProperty(FIRST_DAY, "").strip();
        LocalDate first;
        try {
            first = d.isEmpty() ? null : LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": " + FIRST_DAY + " = '" + d
                    + "' is not a day. Write it as 2026-11-22, or leave it blank.");
        }
        return new EventSettings(zone, first);
    }
}
