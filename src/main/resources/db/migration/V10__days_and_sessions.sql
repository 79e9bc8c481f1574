-- The event's days and sessions (v0.3).

-- The schedule: the event's sessions and workshops, as imported (arrivals schedule import) or
-- pulled from the hub. Dates and times are the event's wall clock (its time zone is the
-- station's event.timezone, else the system's); a session ends on the day it starts.
CREATE TABLE event_session (
    session_id   VARCHAR(100)  NOT NULL PRIMARY KEY,
    title        VARCHAR(1000) NOT NULL,
    track        VARCHAR(200),
    room         VARCHAR(200)  NOT NULL,
    session_date DATE          NOT NULL,
    starts       TIME          NOT NULL,
    ends         TIME          NOT NULL,
    -- seats in the room for this session; 0: no limit
    capacity     INT           NOT NULL,
    -- the row's place in the imported file
    position     INT           NOT NULL
);
CREATE INDEX ix_session_room ON event_session (room, session_date);

-- Where the schedule came from: one row, replaced with the schedule.
CREATE TABLE schedule_source (
    id          INT           NOT NULL PRIMARY KEY,
    file_name   VARCHAR(1000) NOT NULL,
    file_sha256 VARCHAR(64)   NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The hub's schedule version this station last pulled.
ALTER TABLE sync_state ADD COLUMN schedule_version BIGINT DEFAULT 0 NOT NULL;

-- A projection of the check-in log: each event day a person is checked in on, with the first
-- check-in of that day (a pure function of their events, like arrival).
CREATE TABLE arrival_day (
    attendee_code VARCHAR(200) NOT NULL,
    event_day     DATE         NOT NULL,
    checked_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    station_id    VARCHAR(100) NOT NULL,
    CONSTRAINT pk_arrival_day PRIMARY KEY (attendee_code, event_day)
);
CREATE INDEX ix_arrival_day ON arrival_day (event_day);

-- A projection of the session events: each stay of a person in a session's room, from the
-- entry to the exit (left_at NULL: still inside). Entering another session ends the stay.
CREATE TABLE session_visit (
    attendee_code VARCHAR(200) NOT NULL,
    visit         INT          NOT NULL,
    session_id    VARCHAR(100) NOT NULL,
    entered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    left_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_session_visit PRIMARY KEY (attendee_code, visit)
);
CREATE INDEX ix_visit_session ON session_visit (session_id, left_at);

-- Check-ins made before days existed belong to their wall time's (UTC) date, as the fold reads them.
INSERT INTO arrival_day (attendee_code, event_day, checked_in_at, station_id)
SELECT attendee_code, CAST(checked_in_at AS DATE), checked_in_at, station_id
FROM arrival
WHERE checked_in AND checked_in_at IS NOT NULL AND station_id IS NOT NULL;
