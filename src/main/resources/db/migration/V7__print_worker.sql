-- The print worker (v0.2): a job being handed to its printer is SENDING, so that a job cut off by
-- a crash is never sent again by itself; a job that a reprint or a cancel made needless is
-- SUPERSEDED, so exactly one badge comes out when a printer returns. The error column now holds
-- the printer's condition by name (OUT_OF_LABELS, PAUSED...), which the screens put in words.
ALTER TABLE print_job DROP CONSTRAINT ck_print_job_state;
ALTER TABLE print_job ADD CONSTRAINT ck_print_job_state
    CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DONE', 'FAILED', 'CANCELLED', 'SUPERSEDED'));
