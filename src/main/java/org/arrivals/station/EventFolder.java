package org.arrivals.station;

import java.nio.file.Path;
import org.arrivals.store.Store;
import org.arrivals.store.StoreKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event's data folder on this station, for what is done to it while it is closed: is it
 * there, does a key open it, encrypt it once, compact it, wipe it.
 */
public final class EventFolder {
    private static final Logger LOG = LoggerFactory.getLogger(EventFolder.class);

    private final Path home;
    private final String eventId;
    private final Path dir;

    public EventFolder(Path home, String eventId) {
        EventId.check(eventId);
        this.home = home;
        this.eventId = eventId;
        this.dir = DataHome.eventDirectory(home, eventId);
    }

    /** True when this station holds the event's (encrypted) database. */
    public boolean exists() {
        return StoreKey.isEncrypted(dir);
    }

    /**
     * Checks the station key against the event without opening its database (a kiosk may have it
     * open); throws with a sentence when the key is wrong.
     */
    public void verifyKey(StationKey key) {
        key.storeKey().verify(dir);
    }

    /**
     * Encrypts a database written before Arrivals encrypted its data, under {@code key}. Returns
     * false when there was nothing to encrypt.
     */
    public boolean encrypt(StationKey key) {
        return Store.encrypt(dir, key.storeKey());
    }

    /**
     * Shrinks the closed database to its live data (see {@code Store.compact}): its size in bytes
     * before and after. H2 writes the compacted copy beside the file and swaps it in, so a crash
     * during compaction leaves the old file whole.
     */
    public long[] compact(StationKey key) {
        long[] sizes = Store.compact(dir, key.storeKey());
        LOG.info("Event {} compacted: {} -> {} bytes", eventId, sizes[0], sizes[1]);
        return sizes;
    }

    /**
     * Removes the event's data from this station for good (the event must be closed): its folder
     * (database, key-check, event key) and the station's log files. Each file is overwritten with
     * zeros before it is deleted; on flash disks that is not a guarantee, but the database was
     * encrypted and its key-check file (the salt of its key) is gone. Returns the files removed.
     */
    public int wipe() {
        int removed = Wipe.tree(dir);
        removed += Wipe.tree(home.resolve("logs"));
        LOG.info("Event {} wiped from this station ({} files)", eventId, removed);
        return removed;
    }
}
