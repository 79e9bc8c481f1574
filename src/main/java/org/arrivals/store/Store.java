package org.arrivals.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.arrivals.startup.Timeline;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event's H2 file database, migrated by Flyway when opened.
 *
 * <p>Embedded and pooled by H2 itself: every service of a station shares one {@link DSLContext}.
 * {@code WRITE_DELAY=0} makes H2 write each commit to the file before returning, so a killed
 * process never loses a check-in it reported as done.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** The databases this JVM has open (H2 shares an open database with a second opener in the same JVM). */
    private final AtomicBoolean closed = new AtomicBoolean();

    private static final Map<Path, Integer> OPEN = new ConcurrentHashMap<>();
    public static final String FILE_NAME = "arrivals";

    private final Path directory;
    private final JdbcConnectionPool dataSource;
    private final DSLContext dsl;
    /** Held open so H2 keeps the database open between short-lived connections. */
    private final Connection keepAlive;

    private final Object bulkLock = new Object();

    private Store(Path directory, JdbcConnectionPool dataSource, Connection keepAlive) {
        this.directory = directory;
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
        this.dsl = DSL.using(new DataSourceConnectionProvider(dataSource), SQLDialect.H2);
    }

    /**
     * Opens (creating if needed) an <em>unencrypted</em> database in {@code directory}: for tests of
     * the services below the station. A station always opens its event with {@link #open(Path, StoreKey)}.
     */
    public static Store open(Path directory) {
        return open(directory, null);
    }

    /**
     * Opens (creating if needed) the event database in {@code directory}, encrypted at rest with
     * H2's {@code CIPHER=AES} under a file key derived from {@code key}, and brings its schema up
     * to date. A wrong key, or a database written before encryption, is refused with a sentence.
     */
    public static Store open(Path directory, StoreKey key) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + directory + ": " + e.getMessage(), e);
        }
        requireNotCompacting(directory);
        boolean exists = Files.exists(directory.resolve(FILE_NAME + ".mv.db"));
        String url = jdbcUrl(directory);
        String password = "";
        byte[] subkeys = null;
        if (key != null) {
            if (exists && !StoreKey.isEncrypted(directory)) {
                throw new StoreException(
                        StoreException.Kind.NOT_ENCRYPTED,
                        "The event database in " + directory
                                + " is not encrypted (it was made before Arrivals encrypted its data, or its arrivals.key-check file is missing). Encrypt it once with: "
                                + "arrivals encrypt",
                        null);
            }
            char[] filePassword = key.filePassword(directory);
            subkeys = hmac(
                    new String(filePassword).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    "arrivals store subkeys v1");
            url += ";CIPHER=AES";
            password = new String(filePassword) + " ";
            Arrays.fill(filePassword, '\0');
        } else if (StoreKey.isEncrypted(directory)) {
            throw new StoreException("The event database in " + directory + " is encrypted: give the station key.");
        }
        long opening = Timeline.now();
        JdbcConnectionPool ds = JdbcConnectionPool.create(url, "arrivals", password);
        Connection keepAlive;
        try {
            keepAlive = ds.getConnection();
        } catch (SQLException e) {
            ds.dispose();
            throw openFailure(directory, e);
        }
        Timeline.record("database open", opening);
        try (Timeline.Span migrations = Timeline.begin("migrations")) {
            // when every migration this build carries is applied, Flyway (its classes, its scan of the
            // migrations and their checksums: half a second of a start) is not needed
            if (!Migrations.current(keepAlive)) {
                var result = Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:" + Migrations.LOCATION)
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info(
                            "Store migrated to schema version {} ({} migrations)",
                            result.targetSchemaVersion,
                            result.migrationsExecuted);
                }
            }
        } catch (RuntimeException e) {
            closeQuietly(keepAlive);
            ds.dispose();
            throw new StoreException("Cannot prepare the database in " + directory + ": " + e.getMessage(), e);
        }
        OPEN.merge(directory.toAbsolutePath().normalize(), 1, Integer::sum);
        Store s = new Store(directory, ds, keepAlive);
        s.subkeys = subkeys;
        return s;
    }

    /** Derived from the station key when the database was opened with it; null for an unencrypted test store. */
    private volatile byte[] subkeys;

    /**
     * A key for {@code purpose} derived from the station key this database was opened with (HMAC of
     * the purpose under a key derived from the database's own): no extra PBKDF2, and nothing
     * written. Null for a store opened without a key (tests below the station).
     */
    public byte[] subkey(String purpose) {
        return subkeys == null ? null : hmac(subkeys, purpose);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /**
     * {@code MAX_COMPACT_TIME=0}: H2 does not compact the file when it closes. A station killed
     * while H2 moved chunks at close lost an import it had acknowledged (seen twice in
     * CrashDuringWorkTest; H2 issue #4247 reports data loss from compaction at close). The file is
     * not shrunk at close; H2 still reuses its free space.
     */
    static String jdbcUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve(FILE_NAME).toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_RECONNECT=FALSE;TRACE_LEVEL_FILE=0;MAX_COMPACT_TIME=0";
    }

    /** The marker {@link #compact} holds locked while it runs. */
    static final String COMPACTING = FILE_NAME + ".compacting";

    private static String compacting(Path directory) {
        return "The event database in " + directory + " is being compacted (arrivals compact). Try again in a moment.";
    }

    /** Refuses to open while another process (or thread) compacts the file; a marker without a lock is stale. */
    private static void requireNotCompacting(Path directory) {
        Path marker = directory.resolve(COMPACTING);
        if (!Files.exists(marker)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new StoreException(StoreException.Kind.ALREADY_OPEN, compacting(directory), null);
            }
        } catch (OverlappingFileLockException e) {
            throw new StoreException(StoreException.Kind.ALREADY_OPEN, compacting(directory), null);
        } catch (NoSuchFileException e) {
            // the compaction just finished
        } catch (IOException | UnsupportedOperationException e) {
            // a marker this user cannot lock (left by another user, or a folder without locks): it cannot
            // be a compaction of ours under way, and refusing would lock the station out for good
            LOG.warn("Cannot check the compaction marker {} ({}); opening anyway", marker, e.getMessage());
        }
    }

    private static String alreadyOpen(Path directory) {
        return "The event database in " + directory + " is already open in another Arrivals window or command. "
                + "Close it and try again.";
    }

    private static StoreException openFailure(Path directory, SQLException e) {
        if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new StoreException(StoreException.Kind.ALREADY_OPEN, alreadyOpen(directory), e);
        }
        if (e.getErrorCode() == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1) {
            return new StoreException(StoreException.Kind.WRONG_KEY, StoreKey.WRONG, e);
        }
        return new StoreException("Cannot open the event database in " + directory + ": " + e.getMessage(), e);
    }

    /**
     * Encrypts, in place, an event database written before encryption (closed, not in use), and
     * writes its key-check file. Returns false when the folder holds no unencrypted database.
     */
    public static boolean encrypt(Path directory, StoreKey key) {
        if (!Files.exists(directory.resolve(FILE_NAME + ".mv.db")) || StoreKey.isEncrypted(directory)) {
            return false;
        }
        Path pending = directory.resolve(StoreKey.CHECK_FILE + ".new");
        try {
            Files.deleteIfExists(pending);
            // the key-check is made in a side folder first, so a failure leaves the database as it was
            Path side = Files.createTempDirectory(directory, ".encrypt");
            char[] filePassword = key.filePassword(side);
            org.h2.tools.ChangeFileEncryption.execute(directory.toString(), FILE_NAME, "AES", null, filePassword, true);
            Arrays.fill(filePassword, '\0');
            Files.move(side.resolve(StoreKey.CHECK_FILE), directory.resolve(StoreKey.CHECK_FILE));
            Files.delete(side);
            return true;
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot encrypt the event database in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Shrinks a closed event database to its live data ({@code SHUTDOWN COMPACT}). A station does
     * not compact when it closes (see {@link #jdbcUrl}), so its file keeps the space of every
     * commit of the day; run this with no window or command of the event open, for example
     * between the days of an event. Returns the file's size before and after, in bytes.
     */
    public static long[] compact(Path directory, StoreKey key) {
        Path file = directory.resolve(FILE_NAME + ".mv.db");
        if (!Files.exists(file)) {
            throw new StoreException("There is no event database in " + directory + " to compact.");
        }
        try (Store opened = open(directory, key)) {
            // open() checked the key and brought the schema up to date; its pool is closed here
        }
        // H2 lets go of the file for a moment before it swaps the compacted copy in: a station that
        // opened it then would write to the file about to be replaced. The marker's lock keeps
        // Store.open away until the swap is done (a killed compaction's lock goes with its process).
        Path marker = directory.resolve(COMPACTING);
        boolean mine = false;
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new StoreException(StoreException.Kind.ALREADY_OPEN, compacting(directory), null);
            }
            mine = true;
            if (OPEN.containsKey(directory.toAbsolutePath().normalize())) {
                // in this JVM H2 would hand over the open database and the SHUTDOWN would close it under its users
                throw new StoreException(StoreException.Kind.ALREADY_OPEN, alreadyOpen(directory), null);
            }
            return shutdownCompact(directory, key, file);
        } catch (OverlappingFileLockException e) {
            throw new StoreException(StoreException.Kind.ALREADY_OPEN, compacting(directory), null);
        } catch (IOException e) {
            throw new StoreException("Cannot compact the event database in " + directory + ": " + e.getMessage(), e);
        } finally {
            try {
                if (mine) { // another compaction's marker stays with its lock
                    Files.deleteIfExists(marker);
                }
            } catch (IOException ignored) {
                // a marker left behind holds no lock: the next open ignores it
            }
        }
    }

    private static long[] shutdownCompact(Path directory, StoreKey key, Path file) {
        try {
            long before = Files.size(file);
            String url = jdbcUrl(directory) + (key == null ? "" : ";CIPHER=AES");
            String password = "";
            if (key != null) {
                char[] filePassword = key.filePassword(directory);
                password = new String(filePassword) + " ";
                Arrays.fill(filePassword, '\0');
            }
            try (Connection c = DriverManager.getConnection(url, "arrivals", password);
                    var st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            }
            return new long[] {before, Files.size(file)};
        } catch (SQLException e) {
            throw openFailure(directory, e);
        } catch (IOException e) {
            throw new StoreException("Cannot compact the event database in " + directory + ": " + e.getMessage(), e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Runs a large write (an import of 100,000 rows) with H2's write delay relaxed, which makes it
     * about twice as fast: with {@code WRITE_DELAY=0} H2 writes to the file after every statement,
     * even inside an open transaction. When the work returns, the delay is back to 0 and a
     * checkpoint has put everything on disk, so the caller may report the import as done. Commits
     * made meanwhile by others (a check-in during an import) call {@link #committed()}, which
     * checkpoints them at once, so they keep their guarantee too.
     */
    public <T> T bulkWrite(Supplier<T> work) {
        synchronized (bulkLock) {
            dsl.execute("SET WRITE_DELAY 500");
            bulkWriter = Thread.currentThread();
            try {
                return work.get();
            } finally {
                bulkWriter = null;
                dsl.execute("SET WRITE_DELAY 0");
                dsl.execute("CHECKPOINT SYNC");
            }
        }
    }

    /** The thread running a {@link #bulkWrite}, or null. */
    private volatile Thread bulkWriter;

    /**
     * As {@link #committed()} for a commit that could be fetched again after a crash (pulled
     * events, with the cursor that points past them in the same database): inside this thread's
     * {@link #bulkWrite} the sync to disk is left to its end, which syncs once for all its pages.
     * A crash meanwhile loses a suffix of the commits, never one without those before it, so the
     * cursor never passes events the file lacks, and the pull fetches them again.
     */
    public void committedOrLater() {
        if (bulkWriter != Thread.currentThread()) {
            committed();
        }
    }

    /**
     * Call after a commit that must survive from the moment the call returns: a crash of the
     * process, and also a power cut. {@code WRITE_DELAY=0} already puts each commit in the file
     * (safe from {@code kill -9}); H2 does not fsync per commit, so without this a power cut could
     * lose the last ~30 seconds the kernel had not yet written. One fsync costs about half a
     * millisecond on an SSD (docs/durability.md).
     */
    public void committed() {
        dsl.execute("CHECKPOINT SYNC");
    }

    public Path directory() {
        return directory;
    }

    /**
     * Closes the database. Closing its last connection makes H2 close the file cleanly (without
     * compacting it: {@code MAX_COMPACT_TIME=0}, see {@link #jdbcUrl}; {@code arrivals compact}
     * does that between days); an explicit SHUTDOWN would instead leave the pool closing dead
     * connections and filling {@code arrivals.trace.db} with stack traces.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        dataSource.dispose();
        closeQuietly(keepAlive);
        OPEN.computeIfPresent(directory.toAbsolutePath().normalize(), (d, n) -> n == 1 ? null : n - 1);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already closed by the pool; nothing to do
        }
    }
}
