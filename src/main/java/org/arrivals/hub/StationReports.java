package org.arrivals.hub;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.arrivals.sync.protocol.StationReport;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last report each station sent with its sync calls ({@code hub_station_report}): written
 * only when it differs from the one this process last wrote, so a station syncing every few
 * seconds with nothing new costs the database nothing.
 */
final class StationReports {
    private static final Logger LOG = LoggerFactory.getLogger(StationReports.class);
    static final Table<Record> REPORT = DSL.table(DSL.name("hub_station_report"));
    static final Field<String> STATION = DSL.field(DSL.name("station"), SQLDataType.VARCHAR);
    static final Field<String> PRINTER = DSL.field(DSL.name("printer"), SQLDataType.VARCHAR);
    static final Field<Integer> PENDING = DSL.field(DSL.name("pending"), SQLDataType.INTEGER);
    static final Field<Integer> QUARANTINED = DSL.field(DSL.name("quarantined"), SQLDataType.INTEGER);
    static final Field<OffsetDateTime> AT = DSL.field(DSL.name("reported_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private final DSLContext dsl;
    private final Clock clock;
    private final Map<String, StationReport> written = new ConcurrentHashMap<>();

    StationReports(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    void note(String station, StationReport report) {
        if (report.equals(written.get(station))) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            dsl.transaction(tx -> {
                DSLContext t = tx.dsl();
                int n = t.update(REPORT)
                        .set(PRINTER, report.printer())
                        .set(PENDING, report.pending())
                        .set(QUARANTINED, report.quarantined())
                        .set(AT, now)
                        .where(STATION.eq(station))
                        .execute();
                if (n == 0) {
                    t.insertInto(REPORT, STATION, PRINTER, PENDING, QUARANTINED, AT)
                            .values(station, report.printer(), report.pending(), report.quarantined(), now)
                            .execute();
                }
            });
            written.put(station, report);
        } catch (RuntimeException e) {
            // two calls of one station at once may both insert: the next report is written again
            written.remove(station);
            LOG.debug("Could not note station {}'s report", station, e);
        }
    }

    /** Every station's last report, by station name. */
    Map<String, HubStore.Reported> all() {
        Map<String, HubStore.Reported> out = new HashMap<>();
        dsl.select(STATION, PRINTER, PENDING, QUARANTINED, AT)
                .from(REPORT)
                .forEach(r -> out.put(
                        r.get(STATION),
                        new HubStore.Reported(
                                new StationReport(r.get(PRINTER), r.get(PENDING), r.get(QUARANTINED)), r.get(AT))));
        return out;
    }
}
