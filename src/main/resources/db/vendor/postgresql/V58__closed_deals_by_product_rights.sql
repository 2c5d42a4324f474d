-- Rights on the closed deals by product (V57) for the group roles of V41 (docs/decisions/0015, 0037), as for the
-- other totals (V43, V47, V56): a deal's move or card save adds to its rows, so every person's role writes the
-- table, which has no row policy (INSERT … ON CONFLICT DO UPDATE fails on a row a policy hides). The rows hold counts
-- and amounts per product and day: no person, client or deal.
DO $$
DECLARE
    s text := current_schema();
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deskcrm_user') THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.product_total TO deskcrm_user', s);
    END IF;
END
$$;
