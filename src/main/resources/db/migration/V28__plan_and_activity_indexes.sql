-- Meetings and proposals of a period (plan-fact goals, the activity report): a range of one kind's
-- occurred_at, grouped by user. Without this index H2 read every activity of the kind through
-- ix_activity_kind and looked up each row (31 592 meetings / 60 883 proposals on the medium set, for
-- every goal month); ix_activity_user starts with the user and cannot serve a period of all users.
-- Covering for the grouped counts: kind, time and user are all in the index.
CREATE INDEX ix_activity_kind_time ON activity (kind_code, occurred_at, user_id);
-- Open deals expected to close in a span of goal periods (plan-fact forecast): the expected-close range,
-- grouped by owner and stage, summing amount. The single-column index made H2 drive the query from the
-- stage index instead (every open deal, a row lookup each); covering, the range alone answers it.
-- Same leading column, so whatever used the old index can use this one.
DROP INDEX ix_deal_expected_close;
CREATE INDEX ix_deal_expected_close ON deal (expected_close, stage_id, owner_id, source_id, pipeline_id, amount);
-- New clients of a period by owner (plan-fact): covering, so the created_at range needs no row lookups
-- (5 556 a year on the medium set). Same leading column as the index it replaces.
DROP INDEX ix_client_created_at;
CREATE INDEX ix_client_created_at ON client (created_at, owner_id);
-- Tasks done in a period by assignee (activity report, manager rating): every such query also asks for
-- status 'done', and H2 chose the status index over (done_at, assignee_id) — every done task ever, a row
-- lookup each. Status first, then the time range, covering the assignee.
DROP INDEX ix_task_done;
CREATE INDEX ix_task_done ON task (status_code, done_at, assignee_id);
