-- The station's hub token, moved here from station.properties the first time the station opens
-- with its key: in the encrypted database it no longer lets a thief of the laptop pull the roster
-- from the hub. NULL until a token was given.
ALTER TABLE sync_state ADD COLUMN hub_token VARCHAR(2000);
