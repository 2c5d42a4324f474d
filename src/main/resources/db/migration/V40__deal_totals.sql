-- Stored totals of deals (docs/decisions/0012-stored-totals.md): what the revenue, won, lost and leads
-- figures of every deal report sum, kept per business day and per month in the same transaction as the
-- deal changes that move them. kind: 'created' (by created_at), 'won' / 'lost' (deals now in a stage of
-- that kind, by closed_at). day_no: yyyymmdd for a day row, yyyymm for the month row that rolls its days up
-- (the two ranges never overlap, so one primary key serves both). Dimensions use 0 for "none" (no
-- source, no lost reason, no stage) so they can be part of the key; stage_id is the stage a lost deal was
-- lost at (the from-stage of its current history row), 0 for the other kinds. The primary key is the only
-- index: a period reads a range of one kind's days.
CREATE TABLE deal_total (
    kind VARCHAR(8) NOT NULL,
    day_no INT NOT NULL,
    owner_id BIGINT NOT NULL,
    pipeline_id BIGINT NOT NULL,
    source_id BIGINT NOT NULL,
    score_band VARCHAR(10) NOT NULL,
    lost_reason_id BIGINT NOT NULL,
    stage_id BIGINT NOT NULL,
    deal_count BIGINT NOT NULL,
    amount NUMERIC(20, 2) NOT NULL,
    CONSTRAINT pk_deal_total PRIMARY KEY (kind, day_no, owner_id, pipeline_id, source_id, score_band, lost_reason_id, stage_id)
);
-- One row per register once its totals are built: the business time zone they were cut in and when. No
-- row (a database older than the totals, an interrupted rebuild) or another zone than the current
-- setting means the totals are not to be read: reports count the records and offer the rebuild.
CREATE TABLE totals_state (
    register VARCHAR(30) NOT NULL PRIMARY KEY,
    zone VARCHAR(60) NOT NULL,
    built_at TIMESTAMP WITH TIME ZONE NOT NULL
);
