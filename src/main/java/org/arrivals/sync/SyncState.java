package org.arrivals.sync;

import static org.arrivals.store.jooq.Tables.SYNC_STATE;

import java.time.OffsetDateTime;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.SyncStateRecord;
import org.jooq.DSLContext;

/** The station's sync bookmarks (table {@code sync_state}): survive restarts, so a pull resumes where it stopped. */
public final class SyncState {
    private final DSLContext dsl;

    public SyncState(Store store) {
        this.dsl = store.dsl();
    }

    public SyncStateRecord read() {
        return dsl.selectFrom(SYNC_STATE).where(SYNC_STATE.ID.eq(1)).fetchSingle();
    }

    /** The hub token kept in the (encrypted) database, or null. */
    public String hubToken() {
        return dsl.select(SYNC_STATE.HUB_TOKEN)
                .from(SYNC_STATE)
                .where(SYNC_STATE.ID.eq(1))
                .fetchOne(SYNC_STATE.HUB_TOKEN);
    }

    public void hubToken(String token) {
        dsl.update(SYNC_STATE)
                .set(SYNC_STATE.HUB_TOKEN, token)
                .where(SYNC_STATE.ID.eq(1))
                .execute();
    }

    /** What a station learnt when it joined its hub with a set-up code; null fields when it did not. */
    public record Joined(String hubUrl, String fingerprint, String station, String role) {
        public boolean joined() {
            return station != null && !station.isBlank();
        }
    }

    public Joined joined() {
        SyncStateRecord r = read();
        return new Joined(r.getHubUrl(), r.getHubFingerprint(), r.getJoinedStation(), r.getJoinedRole());
    }

    /** Keeps what a set-up code holds (the token too), in the encrypted database. */
    public void join(String hubUrl, String fingerprint, String station, String role, String token) {
        dsl.update(SYNC_STATE)
                .set(SYNC_STATE.HUB_URL, hubUrl)
                .set(SYNC_STATE.HUB_FINGERPRINT, fingerprint)
                .set(SYNC_STATE.JOINED_STATION, station)
                .set(SYNC_STATE.JOINED_ROLE, role)
                .set(SYNC_STATE.HUB_TOKEN, token)
                .where(SYNC_STATE.ID.eq(1))
                .execute();
    }

    public void eventCursor(long cursor) {
        dsl.update(SYNC_STATE)
                .set(SYNC_STATE.EVENT_CURSOR, cursor)
                .where(SYNC_STATE.ID.eq(1))
                .execute();
    }

    public void rosterVersion(long version) {
        dsl.update(SYNC_STATE)
                .set(SYNC_STATE.ROSTER_VERSION, version)
                .where(SYNC_STATE.ID.eq(1))
                .execute();
    }

    public void scheduleVersion(long version) {
        dsl.update(SYNC_STATE)
                .set(SYNC_STATE.SCHEDULE_VERSION, version)
                .where(SYNC_STATE.ID.eq(1))
                .execute();
    }

    public void succeeded(OffsetDateTime at) {
        dsl.update(SYNC_STATE)
                .set(SYNC_STATE.LAST_SYNC_AT, at)
                .setNull(SYNC_STATE.LAST_ERROR)
                .where(SYNC_STATE.ID.eq(1))
                .execute();
    }

    public void failed(String error) {
        String e = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        dsl.update(SYNC_STATE)
                .set(SYNC_STATE.LAST_ERROR, e)
                .where(SYNC_STATE.ID.eq(1))
                .execute();
    }
}
