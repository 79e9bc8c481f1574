package org.arrivals.hub.console;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The hub's tables as the console reads them (db/hub): its own (V4, organizers, links, sessions)
 * and, read only, the stations, events, roster, schedule and counters that the hub writes.
 */
final class ConsoleTables {
    private ConsoleTables() {}

    static final Table<Record> ORGANIZER = DSL.table(DSL.name("hub_organizer"));
    static final Field<String> O_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    static final Field<String> O_HASH = DSL.field(DSL.name("password_hash"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> O_CREATED = DSL.field(DSL.name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Table<Record> LINK = DSL.table(DSL.name("hub_console_link"));
    static final Field<String> L_TOKEN = DSL.field(DSL.name("token_sha256"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> L_EXPIRES = DSL.field(DSL.name("expires_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> L_USED = DSL.field(DSL.name("used_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Table<Record> SESSION = DSL.table(DSL.name("hub_console_session"));
    static final Field<String> CS_ID = DSL.field(DSL.name("id_sha256"), SQLDataType.VARCHAR);
    static final Field<String> CS_ORGANIZER = DSL.field(DSL.name("organizer"), SQLDataType.VARCHAR);
    static final Field<String> CS_CSRF = DSL.field(DSL.name("csrf"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> CS_CREATED =
            DSL.field(DSL.name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> CS_EXPIRES =
            DSL.field(DSL.name("expires_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Table<Record> COUNTER = DSL.table(DSL.name("hub_counter"));
    static final Field<String> COUNTER_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    static final Field<Long> COUNTER_VALUE = DSL.field(DSL.name("counter_value"), SQLDataType.BIGINT);

    static final Table<Record> EVENT = DSL.table(DSL.name("hub_event"));
    static final Field<UUID> E_ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    static final Field<Long> E_SEQ = DSL.field(DSL.name("seq"), SQLDataType.BIGINT);
    static final Field<String> E_CODE = DSL.field(DSL.name("attendee_code"), SQLDataType.VARCHAR);
    static final Field<String> E_KIND = DSL.field(DSL.name("kind"), SQLDataType.VARCHAR);
    static final Field<String> E_STATION = DSL.field(DSL.name("station_id"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> E_WALL = DSL.field(DSL.name("wall_time"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<Long> E_HLC = DSL.field(DSL.name("hlc"), SQLDataType.BIGINT);
    static final Field<String> E_DETAILS = DSL.field(DSL.name("details"), SQLDataType.VARCHAR);

    static final Table<Record> ATTENDEE = DSL.table(DSL.name("hub_attendee"));
    static final Field<String> A_CODE = DSL.field(DSL.name("code"), SQLDataType.VARCHAR);
    static final Field<String> A_FIRST = DSL.field(DSL.name("first_name"), SQLDataType.VARCHAR);
    static final Field<String> A_LAST = DSL.field(DSL.name("last_name"), SQLDataType.VARCHAR);
    static final Field<String> A_ORG = DSL.field(DSL.name("organization"), SQLDataType.VARCHAR);
    static final Field<String> A_TYPE = DSL.field(DSL.name("attendee_type"), SQLDataType.VARCHAR);
    static final Field<String> A_STATUS = DSL.field(DSL.name("status"), SQLDataType.VARCHAR);
    static final Field<String> A_EMAIL = DSL.field(DSL.name("email"), SQLDataType.VARCHAR);

    static final Table<Record> SCHEDULE = DSL.table(DSL.name("hub_session"));
    static final Field<String> S_ID = DSL.field(DSL.name("session_id"), SQLDataType.VARCHAR);
    static final Field<Integer> S_POSITION = DSL.field(DSL.name("position"), SQLDataType.INTEGER);
    static final Field<String> S_TITLE = DSL.field(DSL.name("title"), SQLDataType.VARCHAR);
    static final Field<String> S_ROOM = DSL.field(DSL.name("room"), SQLDataType.VARCHAR);
    static final Field<String> S_DATE = DSL.field(DSL.name("session_date"), SQLDataType.VARCHAR);
    static final Field<String> S_START = DSL.field(DSL.name("starts"), SQLDataType.VARCHAR);
    static final Field<String> S_END = DSL.field(DSL.name("ends"), SQLDataType.VARCHAR);
    static final Field<Integer> S_CAPACITY = DSL.field(DSL.name("capacity"), SQLDataType.INTEGER);
}
