package org.arrivals.print;

import static org.arrivals.store.jooq.Tables.PRINT_JOB;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.PrintJobRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The persistent print queue: jobs survive a restart, and every change of state is committed at
 * once. Changes of state are conditional updates ("from these states only"), so the print worker
 * and a person cancelling or reprinting at the same moment never both win.
 */
public final class PrintQueue {
    private static final Set<String> WAITING = Set.of(PrintJob.State.QUEUED.name(), PrintJob.State.FAILED.name());

    private final Store store;
    private final DSLContext dsl;
    private final Clock clock;

    public PrintQueue(Store store, Clock clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.clock = clock;
    }

    PrintJob add(String code, String printer, String template, String reprintReason) {
        return add(code, printer, null, template, reprintReason);
    }

    /**
     * A new job for {@code printer}, or for the first ready printer of {@code pool} (the setting of
     * several printers; null for one printer only).
     */
    PrintJob add(String code, String printer, String pool, String template, String reprintReason) {
        return add(code, printer, pool, template, reprintReason, 0);
    }

    /** As above, drawing badge generation {@code generation} (a reprint's; 0 for a first badge). */
    PrintJob add(String code, String printer, String pool, String template, String reprintReason, int generation) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PrintJobRecord r = dsl.insertInto(
                        PRINT_JOB,
                        PRINT_JOB.ATTENDEE_CODE,
                        PRINT_JOB.PRINTER,
                        PRINT_JOB.POOL,
                        PRINT_JOB.TEMPLATE,
                        PRINT_JOB.REPRINT_REASON,
                        PRINT_JOB.STATE,
                        PRINT_JOB.ATTEMPTS,
                        PRINT_JOB.CREATED_AT,
                        PRINT_JOB.UPDATED_AT,
                        PRINT_JOB.BADGE_GENERATION)
                .values(
                        code,
                        printer,
                        pool,
                        template,
                        reprintReason,
                        PrintJob.State.QUEUED.name(),
                        0,
                        now,
                        now,
                        generation)
                .returning()
                .fetchOne();
        store.committed();
        return toJob(r);
    }

    /** The store the queue lives in. */
    org.arrivals.store.Store store() {
        return store;
    }

    /** The badge generation a job draws. */
    int generation(long id) {
        Integer g = dsl.select(PRINT_JOB.BADGE_GENERATION)
                .from(PRINT_JOB)
                .where(PRINT_JOB.ID.eq(id))
                .fetchOne(PRINT_JOB.BADGE_GENERATION);
        return g == null ? 0 : g;
    }

    public Optional<PrintJob> find(long id) {
        return Optional.ofNullable(
                        dsl.selectFrom(PRINT_JOB).where(PRINT_JOB.ID.eq(id)).fetchOne())
                .map(PrintQueue::toJob);
    }

    /** Every job, oldest first. */
    public List<PrintJob> all() {
        return dsl.selectFrom(PRINT_JOB).orderBy(PRINT_JOB.ID).fetch(PrintQueue::toJob);
    }

    /** Every job of one person, oldest first. */
    public List<PrintJob> of(String code) {
        return dsl.selectFrom(PRINT_JOB)
                .where(PRINT_JOB.ATTENDEE_CODE.eq(code))
                .orderBy(PRINT_JOB.ID)
                .fetch(PrintQueue::toJob);
    }

    /** How many jobs are in each state (a count in the database, not a list in memory). */
    public Map<PrintJob.State, Integer> counts() {
        Map<PrintJob.State, Integer> out = new EnumMap<>(PrintJob.State.class);
        for (PrintJob.State s : PrintJob.State.values()) {
            out.put(s, 0);
        }
        dsl.select(PRINT_JOB.STATE, DSL.count())
                .from(PRINT_JOB)
                .groupBy(PRINT_JOB.STATE)
                .forEach(r -> out.put(PrintJob.State.valueOf(r.value1()), r.value2()));
        return out;
    }

    /**
     * A badge this person has or will have: a job that printed, is held, or still waits. Cancelled
     * and superseded jobs do not count, so someone whose job was cancelled can get a first badge.
     */
    public Optional<PrintJob> liveBadge(String code) {
        return dsl.selectFrom(PRINT_JOB)
                .where(PRINT_JOB.ATTENDEE_CODE.eq(code))
                .and(PRINT_JOB.STATE.notIn(PrintJob.State.CANCELLED.name(), PrintJob.State.SUPERSEDED.name()))
                .orderBy(PRINT_JOB.ID.desc())
                .limit(1)
                .fetchOptional(PrintQueue::toJob);
    }

    /** Codes of people who have no live badge job, among {@code codes}. */
    public Set<String> withoutBadge(Collection<String> codes) {
        Set<String> have = new HashSet<>(dsl.selectDistinct(PRINT_JOB.ATTENDEE_CODE)
                .from(PRINT_JOB)
                .where(PRINT_JOB.STATE.notIn(PrintJob.State.CANCELLED.name(), PrintJob.State.SUPERSEDED.name()))
                .fetch(PRINT_JOB.ATTENDEE_CODE));
        Set<String> out = new TreeSet<>(codes);
        out.removeAll(have);
        return out;
    }

    /**
     * Jobs the worker should try now, oldest first: every queued job, and failed ones whose wait
     * is over (2, 4, 8... seconds after each attempt, at most five minutes). A job cut off by a
     * crash waits for a person.
     */
    List<PrintJob> due(Instant now) {
        return dsl
                .selectFrom(PRINT_JOB)
                .where(PRINT_JOB.STATE.in(WAITING))
                .orderBy(PRINT_JOB.ID)
                .fetch(PrintQueue::toJob)
                .stream()
                .filter(j -> j.state() == PrintJob.State.QUEUED
                        || (!j.interrupted() && !retryAt(j).isAfter(now)))
                .toList();
    }

    /** When a failed job is tried again by itself. */
    static Instant retryAt(PrintJob job) {
        long waitSeconds = Math.min(300, 1L << Math.min(Math.max(job.attempts(), 1), 9));
        return job.updatedAt().toInstant().plusSeconds(waitSeconds);
    }

    /** The next moment a failed job becomes due, if any waits. */
    Optional<Instant> nextRetry() {
        return dsl
                .selectFrom(PRINT_JOB)
                .where(PRINT_JOB.STATE.eq(PrintJob.State.FAILED.name()))
                .fetch(PrintQueue::toJob)
                .stream()
                .filter(j -> !j.interrupted())
                .map(PrintQueue::retryAt)
                .min(Instant::compareTo);
    }

    /** The worker takes a waiting job: true when it was still waiting (no one cancelled it meanwhile). */
    boolean claim(long id) {
        return move(id, PRINT_JOB.STATE.in(WAITING), PrintJob.State.SENDING, false, null) == 1;
    }

    /** As {@link #claim(long)}, for this printer of the job's pool. */
    boolean claim(long id, String printer) {
        int n = dsl.update(PRINT_JOB)
                .set(PRINT_JOB.STATE, PrintJob.State.SENDING.name())
                .set(PRINT_JOB.PRINTER, printer)
                .setNull(PRINT_JOB.ERROR)
                .set(PRINT_JOB.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PRINT_JOB.ID.eq(id))
                .and(PRINT_JOB.STATE.in(WAITING))
                .execute();
        if (n > 0) {
            store.committed();
        }
        return n == 1;
    }

    /** A job being sent goes to another printer of its pool (the first could not take it). */
    void assign(long id, String printer) {
        int n = dsl.update(PRINT_JOB)
                .set(PRINT_JOB.PRINTER, printer)
                .where(PRINT_JOB.ID.eq(id))
                .and(PRINT_JOB.STATE.eq(PrintJob.State.SENDING.name()))
                .execute();
        if (n > 0) {
            store.committed();
        }
    }

    /** The result of an attempt. */
    void finish(long id, PrintJob.State state, PrinterState.Condition problem) {
        move(id, PRINT_JOB.STATE.eq(PrintJob.State.SENDING.name()), state, true, problem);
    }

    /** A person asks for a waiting or failed job again: due at once. */
    boolean requeue(long id) {
        return move(id, PRINT_JOB.STATE.in(WAITING), PrintJob.State.QUEUED, false, null) == 1;
    }

    boolean cancel(long id) {
        return move(id, PRINT_JOB.STATE.in(WAITING), PrintJob.State.CANCELLED, false, null) == 1;
    }

    /** Older waiting jobs of this person will not print: the newer job (a reprint, a cancel) replaces them. */
    int supersedeBefore(String code, long id) {
        int n = dsl.update(PRINT_JOB)
                .set(PRINT_JOB.STATE, PrintJob.State.SUPERSEDED.name())
                .set(PRINT_JOB.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PRINT_JOB.ATTENDEE_CODE.eq(code))
                .and(PRINT_JOB.ID.lt(id))
                .and(PRINT_JOB.STATE.in(WAITING))
                .execute();
        if (n > 0) {
            store.committed();
        }
        return n;
    }

    /**
     * Waiting jobs for the station's old printer (or pool) go to its new one (or pool): to its first
     * printer, the worker choosing among the pool's when it sends.
     */
    int retarget(String from, String to) {
        List<String> members = Printers.members(to);
        if (members.isEmpty()) {
            return 0;
        }
        int n = dsl.update(PRINT_JOB)
                .set(PRINT_JOB.PRINTER, members.get(0))
                .set(PRINT_JOB.POOL, members.size() > 1 ? Printers.setting(members) : null)
                .set(PRINT_JOB.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PRINT_JOB.POOL.eq(from).or(PRINT_JOB.POOL.isNull().and(PRINT_JOB.PRINTER.eq(from))))
                .and(PRINT_JOB.STATE.in(WAITING))
                .execute();
        if (n > 0) {
            store.committed();
        }
        return n;
    }

    /**
     * After a restart: a job left SENDING was cut off while being handed over. It may have printed,
     * so it is not sent again by itself; it waits, failed and marked, for a person.
     */
    int markInterrupted() {
        int n = dsl.update(PRINT_JOB)
                .set(PRINT_JOB.STATE, PrintJob.State.FAILED.name())
                .set(PRINT_JOB.ERROR, PrinterState.Condition.INTERRUPTED.name())
                .set(PRINT_JOB.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PRINT_JOB.STATE.eq(PrintJob.State.SENDING.name()))
                .execute();
        if (n > 0) {
            store.committed();
        }
        return n;
    }

    private int move(long id, Condition from, PrintJob.State to, boolean attempted, PrinterState.Condition problem) {
        int n = dsl.update(PRINT_JOB)
                .set(PRINT_JOB.STATE, to.name())
                .set(PRINT_JOB.ATTEMPTS, attempted ? PRINT_JOB.ATTEMPTS.plus(1) : PRINT_JOB.ATTEMPTS)
                .set(PRINT_JOB.ERROR, problem == null ? null : problem.name())
                .set(PRINT_JOB.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PRINT_JOB.ID.eq(id))
                .and(from)
                .execute();
        if (n > 0) {
            store.committed();
        }
        return n;
    }

    private static PrintJob toJob(PrintJobRecord r) {
        return new PrintJob(
                r.getId(),
                r.getAttendeeCode(),
                r.getPrinter(),
                r.getTemplate(),
                r.getReprintReason(),
                PrintJob.State.valueOf(r.getState()),
                r.getAttempts(),
                PrinterState.condition(r.getError()),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getPool());
    }
}
