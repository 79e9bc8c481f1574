package org.arrivals.checkin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrivals.sync.protocol.EventKind;

/**
 * The rows of a page of pulled events, read and written with plain JDBC: the same tables and
 * values as {@link EventRows}, but a page of thousands of events bound straight to H2's prepared
 * statements (jOOQ's binding looks up a data type and a converter per value, which was most of a
 * page's apply). Every method runs on the caller's connection, inside its transaction.
 */
final class PulledRows {
    private PulledRows() {}

    private static String marks(int n) {
        return "?,".repeat(n - 1) + "?";
    }

    /**
     * Which of these ids the log already holds, each with whether it still waits for the hub's
     * acknowledgment (our own event in the outbox): one query per {@link EventRows#CHUNK} ids.
     */
    static Map<UUID, Boolean> known(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, Boolean> out = new HashMap<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += EventRows.CHUNK) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + EventRows.CHUNK));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, acked_at IS NULL FROM checkin_event WHERE id IN (" + marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setObject(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
                    }
                }
            }
        }
        return out;
    }

    /** Stores new events, already acknowledged at {@code ackedAt}: one JDBC batch. */
    static void insert(Connection c, List<CheckInEvent> events, OffsetDateTime ackedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkin_event (id, attendee_code, kind, station_id,"
                + " wall_time, hlc, details, acked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CheckInEvent e : events) {
                ps.setObject(1, e.id());
                ps.setString(2, e.attendeeCode());
                ps.setString(3, e.kind().name());
                ps.setString(4, e.stationId());
                ps.setObject(5, e.wallTime());
                ps.setLong(6, e.hlc());
                if (e.details() == null) {
                    ps.setNull(7, Types.CLOB);
                } else {
                    ps.setString(7, e.details());
                }
                ps.setObject(8, ackedAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Marks these events acknowledged (those not yet): one update per {@link EventRows#CHUNK} ids. */
    static int acknowledge(Connection c, List<UUID> ids, OffsetDateTime at) throws SQLException {
        int n = 0;
        for (int from = 0; from < ids.size(); from += EventRows.CHUNK) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + EventRows.CHUNK));
            try (PreparedStatement ps = c.prepareStatement("UPDATE checkin_event SET acked_at = ? WHERE id IN ("
                    + marks(part.size()) + ") AND acked_at IS NULL")) {
                ps.setObject(1, at);
                for (int i = 0; i < part.size(); i++) {
                    ps.setObject(i + 2, part.get(i));
                }
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    /** All the events of these attendees, by code (in no particular order). */
    static Map<String, List<CheckInEvent>> eventsOf(Connection c, Collection<String> codes) throws SQLException {
        Map<String, List<CheckInEvent>> out = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += EventRows.CHUNK) {
            List<String> part = all.subList(from, Math.min(all.size(), from + EventRows.CHUNK));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, attendee_code, kind, station_id, wall_time, hlc, details FROM checkin_event"
                            + " WHERE attendee_code IN (" + marks(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CheckInEvent e = new CheckInEvent(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                EventKind.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class),
                                rs.getLong(6),
                                rs.getString(7));
                        out.computeIfAbsent(e.attendeeCode(), k -> new ArrayList<>())
                                .add(e);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The fold of each attendee's events written to the projection ({@code arrival} and {@code
     * arrival_day}), as {@link EventRows#projectAll} does: their rows deleted, then inserted in
     * one batch each.
     */
    static Map<String, Arrival> projectAll(Connection c, Map<String, List<CheckInEvent>> events) throws SQLException {
        Map<String, Arrival> out = new LinkedHashMap<>();
        if (events.isEmpty()) {
            return out;
        }
        events.forEach((code, list) -> out.put(code, Arrival.of(code, list)));
        List<String> codes = new ArrayList<>(out.keySet());
        for (int from = 0; from < codes.size(); from += EventRows.CHUNK) {
            List<String> part = codes.subList(from, Math.min(codes.size(), from + EventRows.CHUNK));
            for (String table : List.of("arrival", "arrival_day")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE attendee_code IN (" + marks(part.size()) + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    ps.executeUpdate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO arrival (attendee_code, checked_in, checked_in_at,"
                + " station_id, badges_printed, reprints, last_hlc) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Arrival a : out.values()) {
                ps.setString(1, a.attendeeCode());
                ps.setBoolean(2, a.checkedIn());
                if (a.checkedInAt() == null) {
                    ps.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(3, a.checkedInAt());
                }
                ps.setString(4, a.stationId());
                ps.setInt(5, a.badgesPrinted());
                ps.setInt(6, a.reprints());
                ps.setLong(7, a.lastHlc());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        boolean anyDay = out.values().stream().anyMatch(a -> !a.days().isEmpty());
        if (anyDay) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO arrival_day (attendee_code, event_day,"
                    + " checked_in_at, station_id) VALUES (?, ?, ?, ?)")) {
                for (Arrival a : out.values()) {
                    for (Arrival.Day d : a.days()) {
                        ps.setString(1, a.attendeeCode());
                        ps.setObject(2, d.date());
                        ps.setObject(3, d.at());
                        ps.setString(4, d.stationId());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        return out;
    }
}
