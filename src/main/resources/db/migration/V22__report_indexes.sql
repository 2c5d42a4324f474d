-- Report indexes (reports2 branch); plans and times measured before and after: ADR 0004.
-- Revenue, won and lost deals: a closed_at range, the won or lost stages, grouped by owner, source or
-- pipeline, summing amount. This index covers every one of those queries (ix_deal_closed lacked the
-- source and pipeline, so grouping by source read every deal row); it replaces ix_deal_closed.
CREATE INDEX ix_deal_closed_by ON deal (closed_at, stage_id, owner_id, source_id, pipeline_id, amount);
DROP INDEX ix_deal_closed;
-- Leads (deals created in the period) for every pipeline at once: ix_deal_cohort starts with the
-- pipeline, so without a pipeline filter the leads of a period were a full scan.
CREATE INDEX ix_deal_created ON deal (created_at, owner_id, source_id, pipeline_id, amount);
-- The calls of a period (calls report, activity, first-call resolution): covering, so a month of
-- calls is a range scan of this index instead of a lookup per call or a scan of the call log.
CREATE INDEX ix_phone_call_period ON phone_call (started_at, user_id, direction, status_code, duration_sec, client_id, phone_norm);
