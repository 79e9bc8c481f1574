package org.arrivals.hub;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The hub's tables (db/hub), named for jOOQ by hand: rendered unquoted, they read the same on H2 and PostgreSQL. */
final class HubTables {
    private HubTables() {}

    static final Table<Record> STATION = DSL.table(DSL.name("hub_station"));
    static final Field<String> STATION_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    static final Field<String> STATION_TOKEN = DSL.field(DSL.name("token_sha256"), SQLDataType.VARCHAR);
    static final Field<Boolean> STATION_ADMIN = DSL.field(DSL.name("admin"), SQLDataType.BOOLEAN);
    static final Field<OffsetDateTime> STATION_CREATED =
            DSL.field(DSL.name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> STATION_ROLE = DSL.field(DSL.name("role"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> STATION_REVOKED =
            DSL.field(DSL.name("revoked_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> STATION_SEEN =
            DSL.field(DSL.name("last_seen_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Table<Record> SECRET = DSL.table(DSL.name("hub_secret"));
    static final Field<String> SECRET_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    static final Field<String> SECRET_VALUE = DSL.field(DSL.name("secret_value"), SQLDataType.VARCHAR);

    static final Table<Record> COUNTER = DSL.table(DSL.name("hub_counter"));
    static final Field<String> COUNTER_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    static final Field<Long> COUNTER_VALUE = DSL.field(DSL.name("counter_value"), SQLDataType.BIGINT);

    static final Table<Record> EVENT = DSL.table(DSL.name("hub_event"));
    static final Field<UUID> EVENT_ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    static final Field<Long> EVENT_SEQ = DSL.field(DSL.name("seq"), SQLDataType.BIGINT);
    static final Field<String> EVENT_CODE = DSL.field(DSL.name("attendee_code"), SQLDataType.VARCHAR);
    static final Field<String> EVENT_KIND = DSL.field(DSL.name("kind"), SQLDataType.VARCHAR);
    static final Field<String> EVENT_STATION = DSL.field(DSL.name("station_id"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> EVENT_WALL = DSL.field(DSL.name("wall_time"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<Long> EVENT_HLC = DSL.field(DSL.name("hlc"), SQLDataType.BIGINT);
    static final Field<String> EVENT_DETAILS = DSL.field(DSL.name("details"), SQLDataType.VARCHAR);
    static final Field<String> EVENT_PUSHED_BY = DSL.field(DSL.name("pushed_by"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> EVENT_RECEIVED =
            DSL.field(DSL.name("received_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Table<Record> ATTENDEE = DSL.table(DSL.name("hub_attendee"));
    static final Field<String> A_CODE = DSL.field(DSL.name("code"), SQLDataType.VARCHAR);
    static final Field<String> A_BARCODE = DSL.field(DSL.name("barcode"), SQLDataType.VARCHAR);
    static final Field<String> A_FIRST = DSL.field(DSL.name("first_name"), SQLDataType.VARCHAR);
    static final Field<String> A_LAST = DSL.field(DSL.name("last_name"), SQLDataType.VARCHAR);
    static final Field<String> A_BADGE = DSL.field(DSL.name("badge_name"), SQLDataType.VARCHAR);
    static final Field<String> A_PRONOUNS = DSL.field(DSL.name("pronouns"), SQLDataType.VARCHAR);
    static final Field<String> A_EMAIL = DSL.field(DSL.name("email"), SQLDataType.VARCHAR);
    static final Field<String> A_ORG = DSL.field(DSL.name("organization"), SQLDataType.VARCHAR);
    static final Field<String> A_TITLE = DSL.field(DSL.name("title"), SQLDataType.VARCHAR);
    static final Field<String> A_TYPE = DSL.field(DSL.name("attendee_type"), SQLDataType.VARCHAR);
    static final Field<String> A_STATUS = DSL.field(DSL.name("status"), SQLDataType.VARCHAR);
    static final Field<String> A_EXTRA = DSL.field(DSL.name("extra"), SQLDataType.VARCHAR);
    static final Field<Boolean> A_WALK_IN = DSL.field(DSL.name("walk_in"), SQLDataType.BOOLEAN);
    static final Field<Long> A_VERSION = DSL.field(DSL.name("roster_version"), SQLDataType.BIGINT);

    /** A roster row's columns, as the hub reads them for an upload's comparison and for a page. */
    static final List<Field<?>> ROW = List.of(
            A_CODE,
            A_BARCODE,
            A_FIRST,
            A_LAST,
            A_BADGE,
            A_PRONOUNS,
            A_EMAIL,
            A_ORG,
            A_TITLE,
            A_TYPE,
            A_STATUS,
            A_EXTRA,
            A_WALK_IN);

    /** {@link #ROW} after the row's roster version. */
    static final List<Field<?>> ROW_WITH_VERSION = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(A_VERSION), ROW.stream())
            .toList();

    static final Field<OffsetDateTime> A_UPDATED = DSL.field(DSL.name("updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Table<Record> SESSION = DSL.table(DSL.name("hub_session"));
    static final Field<String> S_ID = DSL.field(DSL.name("session_id"), SQLDataType.VARCHAR);
    static final Field<Integer> S_POSITION = DSL.field(DSL.name("position"), SQLDataType.INTEGER);
    static final Field<String> S_TITLE = DSL.field(DSL.name("title"), SQLDataType.VARCHAR);
    static final Field<String> S_TRACK = DSL.field(DSL.name("track"), SQLDataType.VARCHAR);
    static final Field<String> S_ROOM = DSL.field(DSL.name("room"), SQLDataType.VARCHAR);
    static final Field<String> S_DATE = DSL.field(DSL.name("session_date"), SQLDataType.VARCHAR);
    static final Field<String> S_START = DSL.field(DSL.name("starts"), SQLDataType.VARCHAR);
    static final Field<String> S_END = DSL.field(DSL.name("ends"), SQLDataType.VARCHAR);
    static final Field<Integer> S_CAPACITY = DSL.field(DSL.name("capacity"), SQLDataType.INTEGER);
}
