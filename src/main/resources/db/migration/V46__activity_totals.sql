-- Stored totals of activities (docs/decisions/0027-activity-totals.md): the meetings, proposals and notes each
-- user logged per business day and per month, kept in the same transaction as every activity written. One row
-- per kind, day (day_no yyyymmdd) or month (yyyymm, the roll-up of its days; the ranges never overlap) and user
-- (0 = no user). The first start after this migration builds them from the records (totals_state 'activity').
CREATE TABLE activity_total (
    kind_code VARCHAR(20) NOT NULL,
    day_no INT NOT NULL,
    user_id BIGINT NOT NULL,
    activity_count BIGINT NOT NULL,
    CONSTRAINT pk_activity_total PRIMARY KEY (kind_code, day_no, user_id)
);
