-- Rights on the stored call totals (V42) for the group roles of V41 (docs/decisions/0015, 0018).
-- Logging a call adds to the totals rows of the call's day, and a later call of the same caller changes the
-- earlier call's row (first call resolved or not), which may be another person's row: every person's role
-- writes every row, and the table has no row policy (INSERT … ON CONFLICT DO UPDATE fails on a row a policy
-- hides instead of skipping it). The rows hold counts and durations per person, day, direction and status,
-- no caller, number or client. The administrator's rebuild repairs a row that differs from the calls.
-- Logging a call locks the register's row of totals_state (FOR UPDATE) so that two calls of one caller logged
-- at once are counted one after the other; PostgreSQL lets a role lock a row only with an UPDATE right, so
-- every person's role may update built_at alone (when the totals were built: shown, never used to compute).
DO $$
DECLARE
    s text := current_schema();
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deskcrm_user') THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.call_total TO deskcrm_user', s);
        EXECUTE format('GRANT UPDATE (built_at) ON %I.totals_state TO deskcrm_user', s);
    END IF;
END
$$;
