-- Rights on the stored activity totals (V46) for the group roles of V41 (docs/decisions/0015, 0027), as for the
-- call totals (V43): a note written from the card adds to the totals row of its kind, day and user, so every
-- person's role writes the table, which has no row policy (INSERT … ON CONFLICT DO UPDATE fails on a row a
-- policy hides). The rows hold counts per person, day and kind: no client, subject or text. Writing locks the
-- register's row of totals_state (FOR UPDATE), for which V43 already gave every person's role UPDATE (built_at).
DO $$
DECLARE
    s text := current_schema();
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deskcrm_user') THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.activity_total TO deskcrm_user', s);
    END IF;
END
$$;
