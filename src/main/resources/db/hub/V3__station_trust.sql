-- Trust boundaries: what a station's token may do (its role), a token that can be revoked at
-- once, when each station was last heard from, and the event's badge key, which the hub hands
-- to stations in their set-up codes so that every station of an event verifies the same badges.
ALTER TABLE hub_station ADD COLUMN role VARCHAR(20) DEFAULT 'desk' NOT NULL;
UPDATE hub_station SET role = 'admin' WHERE admin = TRUE;
ALTER TABLE hub_station ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE hub_station ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE hub_secret (
    name         VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret_value VARCHAR(200) NOT NULL
);
