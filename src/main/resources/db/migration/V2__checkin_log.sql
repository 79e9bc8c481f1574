-- The check-in log: every change to an arrival is an immutable event. It is also the outbox:
-- an event the hub has not acknowledged yet has acked_at NULL.
-- Events name attendees by code, which is the same at every station (local ids are not).

CREATE TABLE checkin_event (
    id            UUID          NOT NULL PRIMARY KEY,
    attendee_code VARCHAR(200)  NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    station_id    VARCHAR(100)  NOT NULL,
    wall_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- hybrid logical clock: 48 bits of milliseconds, 16 bits of counter
    hlc           BIGINT        NOT NULL,
    -- JSON: reason for a reprint, the status overridden, old and new values of an edit
    details       CLOB,
    acked_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ix_event_attendee ON checkin_event (attendee_code, hlc);
CREATE INDEX ix_event_pending ON checkin_event (acked_at);

-- The projection: each attendee's current arrival, a pure function of their events, updated
-- in the same transaction as the event that changes it.
CREATE TABLE arrival (
    attendee_code  VARCHAR(200) NOT NULL PRIMARY KEY,
    checked_in     BOOLEAN      NOT NULL,
    checked_in_at  TIMESTAMP WITH TIME ZONE,
    station_id     VARCHAR(100),
    badges_printed INT          NOT NULL,
    reprints       INT          NOT NULL,
    last_hlc       BIGINT       NOT NULL
);
