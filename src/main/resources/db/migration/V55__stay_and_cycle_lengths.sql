-- Stored lengths of stays in stages and of sales cycles (docs/decisions/0035-stay-and-cycle-lengths.md), kept by the
-- deal totals' mechanism in the same transaction as every change of a deal or its history. kind 'stay': a stay that
-- ended (a history row with left_at), scope_id its stage, filed under the business day it ended; kind 'cycle': a deal
-- now won, scope_id its pipeline, filed under its closed day. Lengths are whole hundredths of a day (the reports'
-- rounding, model.report.DayLength).
-- duration_total: per kind, scope, day (day_no yyyymmdd) or month (yyyymm, the roll-up of its days) and length in
-- whole days (floor of the hundredths over 100): the count and the sum of the hundredths — the averages and, bucket by
-- bucket, where the middle of a period's lengths lies.
CREATE TABLE duration_total (
    kind VARCHAR(8) NOT NULL,
    scope_id BIGINT NOT NULL,
    day_no INT NOT NULL,
    whole_days INT NOT NULL,
    length_count BIGINT NOT NULL,
    hundredths_sum BIGINT NOT NULL,
    CONSTRAINT pk_duration_total PRIMARY KEY (kind, scope_id, day_no, whole_days)
);
-- duration_count: per kind, scope, length in whole days, day or month (as above) and exact length: the count — the
-- exact middle lengths of a period, read only for the one or two whole days that hold them.
CREATE TABLE duration_count (
    kind VARCHAR(8) NOT NULL,
    scope_id BIGINT NOT NULL,
    whole_days INT NOT NULL,
    day_no INT NOT NULL,
    hundredths INT NOT NULL,
    length_count BIGINT NOT NULL,
    CONSTRAINT pk_duration_count PRIMARY KEY (kind, scope_id, whole_days, day_no, hundredths)
);
-- The deal totals are built again at the first start (with progress), now with these lengths.
DELETE FROM totals_state WHERE register = 'deal';
