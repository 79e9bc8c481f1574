package org.arrivals.session;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportProblem;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.attendee.importing.TabularFile;
import org.arrivals.sync.protocol.ScheduleContract;

/**
 * Reads a schedule (CSV in any encoding the roster import reads, or the first sheet of an XLSX):
 * the header row {@code Session ID,Title,Track,Room,Date,Start,End,Capacity} in any case and
 * order, with {@code Day} (1, 2, 3) allowed instead of {@code Date}; dates {@code YYYY-MM-DD},
 * times {@code HH:MM}; {@code Track} and {@code Capacity} may be blank (no track; no limit). Every
 * problem is reported with its line; a schedule with any problem is not used at all.
 */
public final class ScheduleFile {
    /** The template's header row (kiosk-config/schedule-template.csv). */
    public static final List<String> HEADER =
            List.of("Session ID", "Title", "Track", "Room", "Date", "Start", "End", "Capacity");

    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** What a file holds: its sessions when it has no problem, else its problems by line. */
    public record Parsed(List<Session> sessions, List<ImportProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ScheduleFile() {}

    /**
     * @param firstDay the date of day 1, for a file that numbers its days; null when none is known
     * @throws ImportException when the file cannot be read as a table, or lacks a required column
     */
    public static Parsed parse(byte[] bytes, String fileName, LocalDate firstDay) throws ImportException {
        TabularFile table = RosterImporter.readTable(bytes, fileName);
        Map<String, Integer> columns = columns(table.header(), fileName);
        boolean byDay = !columns.containsKey("date");
        List<Session> sessions = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TabularFile.Row row : table.rows()) {
            Wrong wrong = new Wrong();
            String id = cell(row, columns, "sessionid");
            String title = cell(row, columns, "title");
            String track = cell(row, columns, "track");
            String room = cell(row, columns, "room");
            check(wrong, "Session ID", id, ScheduleContract.MAX_ID, true);
            if (!id.isEmpty() && ScheduleContract.lineBroken(id)) {
                wrong.add("Session ID holds a control character", ImportProblem.Why.CONTROL_CHARACTER, "sessionid");
            }
            if (!id.isEmpty() && !ids.add(id)) {
                wrong.add(
                        "Session ID " + id + " is on an earlier line too", ImportProblem.Why.REPEATED, "sessionid", id);
            }
            check(wrong, "Title", title, ScheduleContract.MAX_TITLE, true);
            check(wrong, "Track", track, ScheduleContract.MAX_TRACK, false);
            check(wrong, "Room", room, ScheduleContract.MAX_ROOM, true);
            LocalDate date =
                    byDay ? day(wrong, cell(row, columns, "day"), firstDay) : date(wrong, cell(row, columns, "date"));
            LocalTime start = time(wrong, "Start", cell(row, columns, "start"));
            LocalTime end = time(wrong, "End", cell(row, columns, "end"));
            if (start != null && end != null && !end.isAfter(start)) {
                wrong.add(
                        "End " + end + " is not after Start " + start + " (a session ends on the day it starts)",
                        ImportProblem.Why.END_NOT_AFTER_START,
                        "end",
                        end,
                        start);
            }
            int capacity = capacity(wrong, cell(row, columns, "capacity"));
            if (wrong.isEmpty()) {
                sessions.add(new Session(id, title, track.isEmpty() ? null : track, room, date, start, end, capacity));
            } else {
                problems.add(new ImportProblem(
                        row.line(),
                        id.isEmpty() ? null : id,
                        ImportProblem.Kind.SCHEDULE_ROW,
                        List.of(String.join("; ", wrong.english)),
                        wrong.reasons));
            }
        }
        if (table.rows().isEmpty()) {
            problems.add(new ImportProblem(
                    1,
                    null,
                    ImportProblem.Kind.SCHEDULE_ROW,
                    List.of("the file has a header but no session"),
                    List.of(new ImportProblem.Reason(ImportProblem.Why.NO_SESSION, null, List.of()))));
        }
        return new Parsed(problems.isEmpty() ? List.copyOf(sessions) : List.of(), List.copyOf(problems));
    }

    private static Map<String, Integer> columns(List<String> header, String fileName) throws ImportException {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            out.putIfAbsent(key(header.get(i)), i);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Session ID", "Title", "Room", "Start", "End")) {
            if (!out.containsKey(key(required))) {
                missing.add(required);
            }
        }
        if (!out.containsKey("date") && !out.containsKey("day")) {
            missing.add("Date (or Day)");
        }
        if (!missing.isEmpty()) {
            throw new ImportException(
                    fileName + ", line 1: the header has no " + String.join(", ", missing)
                            + " column. A schedule's header is " + String.join(",", HEADER)
                            + " (Day 1, 2, 3 may stand for Date); see kiosk-config/schedule-template.csv.",
                    1);
        }
        return out;
    }

    /**
     * Which of the file's headers fills each of the template's columns ({@link #HEADER}, and
     * {@code Day}), by the column's key ({@code sessionid}, {@code title}, {@code day}...) in the
     * template's order: for showing a person what was recognized.
     */
    public static Map<String, String> mapping(List<String> header) {
        Map<String, String> byKey = new HashMap<>();
        for (String h : header) {
            byKey.putIfAbsent(key(h), h);
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String column :
                List.of("Session ID", "Title", "Track", "Room", "Date", "Day", "Start", "End", "Capacity")) {
            String found = byKey.get(key(column));
            if (found != null) {
                out.put(key(column), found);
            }
        }
        return out;
    }

    /** A header as the template's: case, accents, spaces and punctuation dropped. */
    static String key(String header) {
        String s = Normalizer.normalize(header == null ? "" : header.strip(), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        return s.equals("id") || s.equals("session") ? "sessionid" : s;
    }

    /** What is wrong with one row: the command line's English, and the same as facts. */
    private static final class Wrong {
        final List<String> english = new ArrayList<>();
        final List<ImportProblem.Reason> reasons = new ArrayList<>();

        void add(String sentence, ImportProblem.Why why, String column, Object... values) {
            english.add(sentence);
            List<String> v = new ArrayList<>();
            for (Object o : values) {
                v.add(String.valueOf(o));
            }
            reasons.add(new ImportProblem.Reason(why, column, v));
        }

        boolean isEmpty() {
            return english.isEmpty();
        }
    }

    private static String cell(TabularFile.Row row, Map<String, Integer> columns, String key) {
        Integer i = columns.get(key);
        return i == null ? "" : row.cell(i).strip();
    }

    private static void check(Wrong wrong, String name, String value, int max, boolean required) {
        if (required && value.isEmpty()) {
            wrong.add(name + " is empty", ImportProblem.Why.EMPTY, key(name));
        } else if (value.length() > max) {
            wrong.add(name + " is longer than " + max + " characters", ImportProblem.Why.TOO_LONG, key(name), max);
        }
    }

    private static LocalDate date(Wrong wrong, String text) {
        if (!DATE.matcher(text).matches()) {
            if (text.isEmpty()) {
                wrong.add("Date is empty", ImportProblem.Why.EMPTY, "date");
            } else {
                wrong.add("Date '" + text + "' is not YYYY-MM-DD", ImportProblem.Why.NOT_A_DATE, "date", text);
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            wrong.add(
                    "Date '" + text + "' is not a day of the calendar",
                    ImportProblem.Why.NOT_A_CALENDAR_DAY,
                    "date",
                    text);
            return null;
        }
    }

    private static LocalDate day(Wrong wrong, String text, LocalDate firstDay) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            if (text.isEmpty()) {
                wrong.add("Day is empty", ImportProblem.Why.EMPTY, "day");
            } else {
                wrong.add("Day '" + text + "' is not 1, 2, 3...", ImportProblem.Why.NOT_A_DAY_NUMBER, "day", text);
            }
            return null;
        }
        if (n < 1 || n > 60) {
            wrong.add("Day " + n + " is not 1, 2, 3...", ImportProblem.Why.NOT_A_DAY_NUMBER, "day", n);
            return null;
        }
        if (firstDay == null) {
            wrong.add(
                    "Day " + n + " needs the date of day 1: give --first-day YYYY-MM-DD (or event.first.day in "
                            + "station.properties), or write a Date column",
                    ImportProblem.Why.NEEDS_FIRST_DAY,
                    "day",
                    n);
            return null;
        }
        return firstDay.plusDays(n - 1L);
    }

    private static LocalTime time(Wrong wrong, String name, String text) {
        if (!TIME.matcher(text).matches()) {
            if (text.isEmpty()) {
                wrong.add(name + " is empty", ImportProblem.Why.EMPTY, key(name));
            } else {
                wrong.add(name + " '" + text + "' is not HH:MM", ImportProblem.Why.NOT_A_TIME, key(name), text);
            }
            return null;
        }
        String[] p = text.split(":");
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        if (h > 23 || m > 59) {
            wrong.add(
                    name + " '" + text + "' is not a time of day",
                    ImportProblem.Why.NOT_A_TIME_OF_DAY,
                    key(name),
                    text);
            return null;
        }
        return LocalTime.of(h, m);
    }

    private static int capacity(Wrong wrong, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text.replace(",", "").replace(" ", ""));
            if (n < 0 || n > ScheduleContract.MAX_CAPACITY) {
                wrong.add(
                        "Capacity " + n + " is not a number of seats from 0 (no limit) to "
                                + ScheduleContract.MAX_CAPACITY,
                        ImportProblem.Why.CAPACITY_OUT_OF_RANGE,
                        "capacity",
                        n,
                        ScheduleContract.MAX_CAPACITY);
                return 0;
            }
            return n;
        } catch (NumberFormatException e) {
            wrong.add(
                    "Capacity '" + text + "' is not a number of seats",
                    ImportProblem.Why.NOT_A_NUMBER,
                    "capacity",
                    text);
            return 0;
        }
    }
}
