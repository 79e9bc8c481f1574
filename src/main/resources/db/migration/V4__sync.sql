-- Where this station's sync with the hub stands: one row. The outbox itself is
-- checkin_event.acked_at (NULL = not yet acknowledged by the hub).
CREATE TABLE sync_state (
    id             INT     NOT NULL PRIMARY KEY,
    -- the hub's sequence number of the last event pulled
    event_cursor   BIGINT  NOT NULL,
    -- the hub's roster version of the last roster change pulled
    roster_version BIGINT  NOT NULL,
    last_sync_at   TIMESTAMP WITH TIME ZONE,
    last_error     VARCHAR(1000)
);
INSERT INTO sync_state (id, event_cursor, roster_version) VALUES (1, 0, 0);
