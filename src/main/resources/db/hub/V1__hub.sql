-- The hub's own schema (not the station's): the events of every station, the roster as the
-- organizers imported it, and the stations allowed to talk to it. Written to run unchanged on
-- H2 and PostgreSQL.

-- One row per station; only a SHA-256 of its token is kept.
CREATE TABLE hub_station (
    name         VARCHAR(100) NOT NULL PRIMARY KEY,
    token_sha256 VARCHAR(64)  NOT NULL,
    admin        BOOLEAN      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_hub_station_token UNIQUE (token_sha256)
);

-- Counters: 'event' numbers stored events (the pull cursor), 'roster' numbers roster changes.
-- A push locks the 'event' row for its whole transaction, so sequence numbers become visible in
-- order and a reader's cursor never skips a row committed late.
CREATE TABLE hub_counter (
    name  VARCHAR(40) NOT NULL PRIMARY KEY,
    counter_value BIGINT NOT NULL
);
INSERT INTO hub_counter (name, counter_value) VALUES ('event', 0);
INSERT INTO hub_counter (name, counter_value) VALUES ('roster', 0);

CREATE TABLE hub_event (
    id            UUID          NOT NULL PRIMARY KEY,
    seq           BIGINT        NOT NULL,
    attendee_code VARCHAR(200)  NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    station_id    VARCHAR(100)  NOT NULL,
    wall_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    hlc           BIGINT        NOT NULL,
    details       VARCHAR(100000),
    pushed_by     VARCHAR(100)  NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_hub_event_seq UNIQUE (seq)
);
CREATE INDEX ix_hub_event_attendee ON hub_event (attendee_code, kind);

-- The roster: rows imported at the hub, and walk-ins registered at stations (walk_in). Edits made
-- at stations live in hub_event and are laid over the row when it is read; each one gives its row
-- a new version. Stations pull rows changed after a version.
CREATE TABLE hub_attendee (
    code           VARCHAR(200)  NOT NULL PRIMARY KEY,
    barcode        VARCHAR(500),
    first_name     VARCHAR(1000) NOT NULL,
    last_name      VARCHAR(1000) NOT NULL,
    badge_name     VARCHAR(1000),
    pronouns       VARCHAR(200),
    email          VARCHAR(1000),
    organization   VARCHAR(1000),
    title          VARCHAR(1000),
    attendee_type  VARCHAR(200)  NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    extra          VARCHAR(1000000),
    walk_in        BOOLEAN       NOT NULL,
    roster_version BIGINT        NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_hub_attendee_version ON hub_attendee (roster_version);
