package org.arrivals.audit;

import static org.arrivals.store.jooq.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.arrivals.store.AtomicFile;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.AuditLogRecord;

/**
 * The station's append-only log of staff actions. Each entry's hash covers its fields and the
 * previous entry's hash, so {@link #verify()} finds an entry changed, removed or inserted after the
 * fact by someone who opened the database by hand.
 */
public final class AuditLog {
    /** The actor of commands on the command line: whoever holds the station key acts as admin. */
    public static final String CLI = "cli";

    private static final String GENESIS = "0".repeat(64);

    private final Store store;
    private final String stationId;
    private final Clock clock;
    private final Object lock = new Object();
    /** HMAC key of the chain, derived from the station key; null for a store opened without one (tests). */
    private final byte[] chainKey;

    /** The file beside the database that records the chain's head (its last entry), MACed. */
    public static final String HEAD_FILE = "audit.head";

    public AuditLog(Store store, String stationId, Clock clock) {
        this.store = store;
        this.stationId = stationId;
        this.clock = clock;
        this.chainKey = store.subkey("arrivals audit chain v1");
    }

    /** Appends one action; {@code subject} and {@code detail} may be null. Returns the entry. */
    public AuditEntry record(String actor, String action, String subject, String detail) {
        AuditEntry e = append(actor, action, subject, detail);
        writeHead();
        return e;
    }

    private AuditEntry append(String actor, String action, String subject, String detail) {
        if (actor == null || actor.isBlank() || action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an actor and an action.");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        synchronized (lock) {
            return store.dsl().transactionResult(tx -> {
                var dsl = tx.dsl();
                String previous = dsl.select(AUDIT_LOG.HASH)
                        .from(AUDIT_LOG)
                        .orderBy(AUDIT_LOG.SEQ.desc())
                        .limit(1)
                        .fetchOptional(AUDIT_LOG.HASH)
                        .orElse(GENESIS);
                String s = clip(stationId, 200);
                String a = clip(actor, 40);
                String act = clip(action, 100);
                String sub = clip(subject, 400);
                String det = clip(detail, 1000);
                String hash = chainKey == null
                        ? hash(previous, at, s, a, act, sub, det)
                        : mac(chainKey, previous, at, s, a, act, sub, det);
                long seq = dsl.insertInto(AUDIT_LOG)
                        .set(AUDIT_LOG.KEYED, chainKey != null)
                        .set(AUDIT_LOG.AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .set(AUDIT_LOG.STATION_ID, s)
                        .set(AUDIT_LOG.ACTOR, a)
                        .set(AUDIT_LOG.ACTION, act)
                        .set(AUDIT_LOG.SUBJECT, sub)
                        .set(AUDIT_LOG.DETAIL, det)
                        .set(AUDIT_LOG.HASH, hash)
                        .returningResult(AUDIT_LOG.SEQ)
                        .fetchOne()
                        .value1();
                return new AuditEntry(seq, at, s, a, act, sub, det);
            });
        }
    }

    /**
     * Records the chain's head (its last entry's number and hash, MACed) beside the database, after
     * the entry committed: entries cut from the end of the log afterwards (or the database rolled
     * back to an older copy) no longer reach the head, and {@link #verify()} says so. A crash
     * between the commit and this write leaves the head one entry behind, which is no alarm.
     */
    private void writeHead() {
        if (chainKey == null || store.directory() == null) {
            return;
        }
        var last = store.dsl()
                .select(AUDIT_LOG.SEQ, AUDIT_LOG.HASH)
                .from(AUDIT_LOG)
                .orderBy(AUDIT_LOG.SEQ.desc())
                .limit(1)
                .fetchOne();
        if (last == null) {
            return;
        }
        String line = last.value1() + ":" + last.value2();
        try {
            org.arrivals.store.AtomicFile.writeString(
                    store.directory().resolve(HEAD_FILE), line + ":" + headMac(line) + "\n");
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(AuditLog.class)
                    .warn("Cannot record the audit log's head: {}", e.toString());
        }
    }

    private String headMac(String line) {
        return mac(chainKey, "head", Instant.EPOCH, line);
    }

    /**
     * Where the log ends short of its recorded head: the number of the head entry, when entries
     * were cut from the end (or the head was altered); empty when the head is reached or was never
     * recorded.
     */
    public Optional<Long> cutTail() {
        if (chainKey == null || store.directory() == null) {
            return Optional.empty();
        }
        java.nio.file.Path file = store.directory().resolve(HEAD_FILE);
        if (!java.nio.file.Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = java.nio.file.Files.readString(file).strip().split(":");
            if (parts.length != 3
                    || !java.security.MessageDigest.isEqual(
                            headMac(parts[0] + ":" + parts[1]).getBytes(StandardCharsets.US_ASCII),
                            parts[2].getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(-1L);
            }
            long headSeq = Long.parseLong(parts[0]);
            String hashThere = store.dsl()
                    .select(AUDIT_LOG.HASH)
                    .from(AUDIT_LOG)
                    .where(AUDIT_LOG.SEQ.eq(headSeq))
                    .fetchOne(AUDIT_LOG.HASH);
            return parts[1].equals(hashThere) ? Optional.empty() : Optional.of(headSeq);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.of(-1L);
        }
    }

    /** The log as an admin reads it (the command line, the staff screen's export): recorded as read. */
    public List<AuditEntry> read(Actor actor) {
        if (!actor.may(Role.ADMIN)) {
            throw new IllegalArgumentException("Reading the audit log needs the admin's authority.");
        }
        List<AuditEntry> entries = all();
        record(actor.auditName(), "audit read", null, entries.size() + " entries");
        return entries;
    }

    /**
     * Writes the log as JSON to {@code out} for an admin, whole or not at all, and records the
     * export once it is written.
     */
    public ExportResult export(Actor actor, Path out) {
        if (!actor.may(Role.ADMIN)) {
            return ExportResult.of(ExportResult.Outcome.NOT_ALLOWED);
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return ExportResult.of(ExportResult.Outcome.NO_FOLDER);
        }
        try {
            int n = writeJson(out);
            record(actor.auditName(), "export audit", out.getFileName().toString(), n + " entries");
            return new ExportResult(ExportResult.Outcome.WRITTEN, n, out);
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AuditLog.class)
                    .warn("Audit export to {} failed: {}", folder, e.toString());
            return ExportResult.of(ExportResult.Outcome.FAILED);
        }
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> all() {
        return store.dsl().selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch(AuditLog::entry);
    }

    /**
     * Writes every entry as a JSON array (the fields of {@link AuditEntry#fields()}) to {@code out},
     * through a file beside it moved into place, so a pulled USB stick never holds half a log.
     * Returns how many entries were written.
     */
    public int writeJson(Path out) throws IOException {
        List<AuditEntry> entries = all();
        var json = new ObjectMapper().writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        AtomicFile.write(
                out,
                os -> json.writeValue(
                        os, entries.stream().map(AuditEntry::fields).toList()));
        return entries.size();
    }

    /**
     * The first entry whose hash does not follow from the ones before it (entries since this
     * version are HMACs under a key derived from the station key, so only the key's holder can
     * recompute them), or the recorded head when entries were cut from the end; empty when the
     * chain is whole. A head that does not verify is reported as entry -1.
     */
    public Optional<Long> verify() {
        String previous = GENESIS;
        for (AuditLogRecord r :
                store.dsl().selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch()) {
            String[] fields = {r.getStationId(), r.getActor(), r.getAction(), r.getSubject(), r.getDetail()};
            String expected = Boolean.TRUE.equals(r.getKeyed())
                    ? (chainKey == null
                            ? null
                            : mac(chainKey, previous, r.getAt().toInstant(), fields))
                    : hash(previous, r.getAt().toInstant(), fields);
            if (expected == null || !expected.equals(r.getHash())) {
                return Optional.of(r.getSeq());
            }
            previous = r.getHash();
        }
        return cutTail();
    }

    private static String mac(byte[] key, String previous, Instant at, String... fields) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            mac.update(previous.getBytes(StandardCharsets.US_ASCII));
            mac.update(field(at.toString()));
            for (String f : fields) {
                mac.update(field(f));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    private static AuditEntry entry(AuditLogRecord r) {
        return new AuditEntry(
                r.getSeq(),
                r.getAt().toInstant(),
                r.getStationId(),
                r.getActor(),
                r.getAction(),
                r.getSubject(),
                r.getDetail());
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\p{Cntrl}", " ");
        return t.length() <= max ? t : t.substring(0, max);
    }

    private static String hash(String previous, Instant at, String... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update(field(at.toString()));
            for (String f : fields) {
                sha.update(field(f));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    /** A field as length, then bytes: no two different entries hash the same text. */
    private static byte[] field(String s) {
        if (s == null) {
            return new byte[] {(byte) 0xff};
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + b.length).putInt(b.length).put(b).array();
    }
}
