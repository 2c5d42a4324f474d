-- Stored totals of calls (docs/decisions/0018-call-totals.md): what the calls report and the activity
-- report's call figures count, kept per business day and per month in the same transaction as every call
-- write. One row per day (day_no yyyymmdd) or month (yyyymm, the roll-up of its days; the ranges never
-- overlap), user (0 = no user), direction and status: calls, duration, missed calls whose missed-call
-- entry is closed ("returned"), first calls and first calls resolved at once (ADR 0002, decided when a
-- call is written: a later call of the same caller changes the earlier call's row).
CREATE TABLE call_total (
    day_no INT NOT NULL,
    user_id BIGINT NOT NULL,
    direction VARCHAR(10) NOT NULL,
    status_code VARCHAR(20) NOT NULL,
    call_count BIGINT NOT NULL,
    duration_sec BIGINT NOT NULL,
    returned_count BIGINT NOT NULL,
    first_count BIGINT NOT NULL,
    resolved_count BIGINT NOT NULL,
    CONSTRAINT pk_call_total PRIMARY KEY (day_no, user_id, direction, status_code)
);
-- The first-call window (days, setting calls.fcr_days) the call totals were cut with; null for registers
-- that do not depend on it. Another window than the setting makes the call totals unreadable until rebuilt.
ALTER TABLE totals_state ADD COLUMN fcr_days INT;
