-- Meetings and proposals of a period (plan-fact goals, the activity report): a range of one kind's
-- occurred_at, grouped by user. Without this index H2 read every activity of the kind through
-- ix_activity_kind and looked up each row (31 592 meetings / 60 883 proposals on the medium set, for
-- every goal month); ix_activity_user starts with the user and cannot serve a period of all users.
-- Covering for the grouped counts: kind, time and user are all in the index.
CREATE INDEX ix_activity_kind_time ON activity (kind_code, occurred_at, user_id);
