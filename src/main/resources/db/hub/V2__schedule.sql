-- The event's schedule at the hub: replaced whole by an upload (arrivals hub import-schedule), its
-- version the 'schedule' counter; every station pulls it when the version is newer than its own.
-- Dates and times are the event's wall clock, as text (YYYY-MM-DD, HH:MM). H2 and PostgreSQL.
CREATE TABLE hub_session (
    session_id   VARCHAR(100)  NOT NULL PRIMARY KEY,
    position     INT           NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    track        VARCHAR(200),
    room         VARCHAR(200)  NOT NULL,
    session_date VARCHAR(10)   NOT NULL,
    starts       VARCHAR(5)    NOT NULL,
    ends         VARCHAR(5)    NOT NULL,
    capacity     INT           NOT NULL
);
INSERT INTO hub_counter (name, counter_value) VALUES ('schedule', 0);
