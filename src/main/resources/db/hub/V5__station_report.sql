-- What each station last said of itself when it synced (the Arrivals-Station-Report header): its
-- printer's condition, its events not yet acknowledged and those it set aside. One row per station,
-- replaced when the report changes. H2 and PostgreSQL.
CREATE TABLE hub_station_report (
    station     VARCHAR(100) NOT NULL PRIMARY KEY,
    printer     VARCHAR(40)  NOT NULL,
    pending     INTEGER      NOT NULL,
    quarantined INTEGER      NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
