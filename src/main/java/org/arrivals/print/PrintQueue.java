package org.arrivals.print;

import static org.arrivals.store.jooq.Tables.PRINT_JOB;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.arrivals.store.Store;
import org.arrivals.store.jooq.tables.records.PrintJobRecord;
import org.jooq.DSLContext;

/** The persistent print queue: jobs survive a restart, and every change of state is committed at once. */
public final class PrintQueue {
    private final Store store;
    private final DSLContext dsl;
    private final Clock clock;

    public PrintQueue(Store store, Clock clock) {
        this.store = store;
        this.dsl = store.dsl();
        this.clock = clock;
    }

    public PrintJob add(String code, String printer, String template, String reprintReason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PrintJobRecord r = dsl.insertInto(
                        PRINT_JOB,
                        PRINT_JOB.ATTENDEE_CODE,
                        PRINT_JOB.PRINTER,
                        PRINT_JOB.TEMPLATE,
                        PRINT_JOB.REPRINT_REASON,
                        PRINT_JOB.STATE,
                        PRINT_JOB.ATTEMPTS,
                        PRINT_JOB.CREATED_AT,
                        PRINT_JOB.UPDATED_AT)
                .values(code, printer, template, reprintReason, PrintJob.State.QUEUED.name(), 0, now, now)
                .returning()
                .fetchOne();
        store.committed();
        return toJob(r);
    }

    public Optional<PrintJob> find(long id) {
        return Optional.ofNullable(
                        dsl.selectFrom(PRINT_JOB).where(PRINT_JOB.ID.eq(id)).fetchOne())
                .map(PrintQueue::toJob);
    }

    public List<PrintJob> all() {
        return dsl.selectFrom(PRINT_JOB).orderBy(PRINT_JOB.ID).fetch(PrintQueue::toJob);
    }

    /** Badges already on their way or printed for this person (reprints excluded). */
    public boolean hasFirstBadge(String code) {
        return dsl.fetchExists(
                PRINT_JOB,
                PRINT_JOB
                        .ATTENDEE_CODE
                        .eq(code)
                        .and(PRINT_JOB.REPRINT_REASON.isNull())
                        .and(PRINT_JOB.STATE.ne(PrintJob.State.CANCELLED.name())));
    }

    void update(long id, PrintJob.State state, boolean attempted, String error) {
        dsl.update(PRINT_JOB)
                .set(PRINT_JOB.STATE, state.name())
                .set(PRINT_JOB.ATTEMPTS, attempted ? PRINT_JOB.ATTEMPTS.plus(1) : PRINT_JOB.ATTEMPTS)
                .set(PRINT_JOB.ERROR, error)
                .set(PRINT_JOB.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PRINT_JOB.ID.eq(id))
                .execute();
        store.committed();
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
                r.getError(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
