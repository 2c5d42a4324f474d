-- Rights on the stored lengths of stays and cycles (V55) for the group roles of V41 (docs/decisions/0015, 0035), as
-- for the call and activity totals (V43, V47): a deal move adds the stay it ended to its rows, so every person's role
-- writes both tables, which have no row policy (INSERT … ON CONFLICT DO UPDATE fails on a row a policy hides). The
-- rows hold counts and lengths per stage or pipeline and day: no person, client, deal or amount.
DO $$
DECLARE
    s text := current_schema();
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deskcrm_user') THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.duration_total TO deskcrm_user', s);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.duration_count TO deskcrm_user', s);
    END IF;
END
$$;
