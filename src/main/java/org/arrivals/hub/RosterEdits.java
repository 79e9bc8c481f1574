package org.arrivals.hub;

import static org.arrivals.hub.HubTables.EVENT;
import static org.arrivals.hub.HubTables.EVENT_CODE;
import static org.arrivals.hub.HubTables.EVENT_DETAILS;
import static org.arrivals.hub.HubTables.EVENT_HLC;
import static org.arrivals.hub.HubTables.EVENT_ID;
import static org.arrivals.hub.HubTables.EVENT_KIND;
import static org.arrivals.hub.HubTables.EVENT_STATION;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrivals.sync.protocol.EditRule;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.sync.protocol.PersonField;
import org.arrivals.sync.protocol.RosterRow;
import org.jooq.DSLContext;

/**
 * Station edits laid over the hub's roster rows as they are read, by the contract's {@link
 * EditRule} (the stations apply the same): per field, the last edit in log order wins; an edit to
 * blank shows the imported value again. The edits stay in {@code hub_event}.
 */
final class RosterEdits {
    private static final int CHUNK = 1000;

    private RosterEdits() {}

    static List<RosterRow> layOver(DSLContext dsl, List<RosterRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<EditRule.Edit>> edits = new HashMap<>();
        List<String> codes = rows.stream().map(RosterRow::code).toList();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            dsl.select(EVENT_CODE, EVENT_HLC, EVENT_STATION, EVENT_ID, EVENT_DETAILS)
                    .from(EVENT)
                    .where(EVENT_CODE.in(codes.subList(from, Math.min(codes.size(), from + CHUNK))))
                    .and(EVENT_KIND.eq(EventKind.ATTENDEE_EDITED.name()))
                    .forEach(r -> edits.computeIfAbsent(r.get(EVENT_CODE), k -> new ArrayList<>())
                            .add(new EditRule.Edit(
                                    r.get(EVENT_HLC), r.get(EVENT_STATION), r.get(EVENT_ID), r.get(EVENT_DETAILS))));
        }
        return layOver(rows, edits);
    }

    /**
     * The edits of every row whose version is in {@code (after, last]}, by code, in one query
     * (through the index on the events' code and kind).
     */
    static Map<String, List<EditRule.Edit>> ofVersions(DSLContext dsl, long after, long last) {
        Map<String, List<EditRule.Edit>> edits = new HashMap<>();
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(EDITS_OF_VERSIONS)) {
                ps.setString(1, EventKind.ATTENDEE_EDITED.name());
                ps.setLong(2, after);
                ps.setLong(3, last);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        edits.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                                .add(new EditRule.Edit(
                                        r.getLong(2), r.getString(3), r.getObject(4, UUID.class), r.getString(5)));
                    }
                }
            }
        });
        return edits;
    }

    private static final String EDITS_OF_VERSIONS =
            "SELECT e.attendee_code, e.hlc, e.station_id, e.id, e.details FROM hub_attendee a"
                    + " JOIN hub_event e ON e.attendee_code = a.code AND e.kind = ?"
                    + " WHERE a.roster_version > ? AND a.roster_version <= ?";

    /** The rows with their edits ({@link #ofVersions}, by code) laid over them. */
    static List<RosterRow> layOver(List<RosterRow> rows, Map<String, List<EditRule.Edit>> edits) {
        if (edits.isEmpty()) {
            return rows;
        }
        List<RosterRow> out = new ArrayList<>(rows.size());
        for (RosterRow row : rows) {
            List<EditRule.Edit> mine = edits.get(row.code());
            out.add(mine == null ? row : edited(row, EditRule.latest(mine)));
        }
        return out;
    }

    private static RosterRow edited(RosterRow row, Map<PersonField, String> latest) {
        Map<PersonField, String> v = new EnumMap<>(PersonField.class);
        v.put(PersonField.FIRST, row.firstName());
        v.put(PersonField.LAST, row.lastName());
        v.put(PersonField.BADGE_NAME, row.badgeName());
        v.put(PersonField.PRONOUNS, row.pronouns());
        v.put(PersonField.EMAIL, row.email());
        v.put(PersonField.ORG, row.organization());
        v.put(PersonField.TITLE, row.title());
        v.put(PersonField.TYPE, row.type());
        latest.forEach((field, value) -> {
            if (value != null) {
                v.put(field, value);
            }
        });
        String last = v.get(PersonField.LAST);
        return new RosterRow(
                row.code(),
                row.barcode(),
                v.get(PersonField.FIRST),
                last == null ? "" : last,
                v.get(PersonField.BADGE_NAME),
                v.get(PersonField.PRONOUNS),
                v.get(PersonField.EMAIL),
                v.get(PersonField.ORG),
                v.get(PersonField.TITLE),
                v.get(PersonField.TYPE),
                row.status(),
                row.extra(),
                row.walkIn());
    }
}
