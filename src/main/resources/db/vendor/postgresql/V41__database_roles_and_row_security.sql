-- Rights enforced by PostgreSQL itself (docs/decisions/0015-database-roles-and-row-security.md).
-- Every DeskCRM person may be a PostgreSQL login role named as the person's login; group roles per
-- DeskCRM role (deskcrm_manager, deskcrm_supervisor, deskcrm_admin, all members of deskcrm_user) carry
-- the table rights; row-level security policies give each person's role the rows the application shows
-- that person (the rules of persistence.Visibility). The owner of the tables (the role that runs the
-- migrations: the administrator's) bypasses the policies and alone changes people, rights and the schema.
-- The audit log is append-only for everyone but the owner.
-- Everything is written against current_schema(), so the same script also builds the scratch schema of
-- the start's integrity check; group roles are cluster-wide and created only when missing.

-- ------------------------------------------------------------------ who is asking
-- The app_user row of the session's role (the login equals the role name); SECURITY INVOKER (current_user
-- is the asking role) with a fixed search_path so that a temporary table cannot stand in for app_user.
DO $$
DECLARE
    s text := current_schema();
BEGIN
    EXECUTE format('CREATE FUNCTION %1$I.deskcrm_uid() RETURNS bigint LANGUAGE sql STABLE'
        || ' SET search_path = %1$I, pg_temp'
        || ' AS $f$ SELECT id FROM %1$I.app_user WHERE login = current_user AND active $f$', s);
    EXECUTE format('CREATE FUNCTION %1$I.deskcrm_role() RETURNS varchar LANGUAGE sql STABLE'
        || ' SET search_path = %1$I, pg_temp'
        || ' AS $f$ SELECT role_code FROM %1$I.app_user WHERE login = current_user AND active $f$', s);
    EXECUTE format('CREATE FUNCTION %1$I.deskcrm_team() RETURNS bigint LANGUAGE sql STABLE'
        || ' SET search_path = %1$I, pg_temp'
        || ' AS $f$ SELECT team_id FROM %1$I.app_user WHERE login = current_user AND active $f$', s);
END
$$;

-- ------------------------------------------------------------------ row-level security
DO $$
DECLARE
    s text := current_schema();
    t text;
    -- the rows of an owner column the asking person sees: an administrator all, a supervisor the team's
    -- people, a manager own (AccessScope ALL / TEAM / OWNER); %1$I is the schema, %2$s the column
    owned text := '((SELECT %1$I.deskcrm_role()) = ''admin'''
        || ' OR ((SELECT %1$I.deskcrm_role()) = ''manager'' AND %2$s = (SELECT %1$I.deskcrm_uid()))'
        || ' OR ((SELECT %1$I.deskcrm_role()) = ''supervisor'' AND %2$s IN'
        || ' (SELECT u.id FROM %1$I.app_user u WHERE u.team_id = (SELECT %1$I.deskcrm_team()))))';
    visible_client text := 'client_id IN (SELECT c.id FROM %1$I.client c)';
    visible_deal text := 'deal_id IN (SELECT d.id FROM %1$I.deal d)';
    rules text[][] := ARRAY[
        -- table, the rows the person sees and may write
        ARRAY['client', format(owned, s, 'owner_id')],
        ARRAY['contact', format(visible_client, s)],
        ARRAY['channel', format(visible_client, s)],
        ARRAY['client_tag', format(visible_client, s)],
        ARRAY['client_need', format(visible_client, s)],
        ARRAY['deal', format(owned, s, 'owner_id')],
        ARRAY['deal_line', format(visible_deal, s)],
        ARRAY['deal_stage_history', format(visible_deal, s)],
        ARRAY['deal_total', format(owned, s, 'owner_id')],
        ARRAY['sale', format(owned, s, 'owner_id') || ' OR ' || format(visible_client, s)],
        ARRAY['phone_call', format(owned, s, 'user_id') || ' OR ' || format(visible_client, s)],
        ARRAY['missed_call', format(owned, s, 'manager_id')
            || format(' OR call_id IN (SELECT pc.id FROM %1$I.phone_call pc)', s)],
        ARRAY['task', format(owned, s, 'assignee_id')
            || format(' OR (assignee_id IS NULL AND team_id = (SELECT %1$I.deskcrm_team()))', s)],
        ARRAY['activity', format(owned, s, 'user_id') || ' OR ' || format(visible_client, s)
            || ' OR ' || format(visible_deal, s)]
    ];
    r text[];
BEGIN
    FOREACH r SLICE 1 IN ARRAY rules LOOP
        EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', s, r[1]);
        EXECUTE format('CREATE POLICY deskcrm_visible ON %I.%I USING (%s)', s, r[1], r[2]);
    END LOOP;

    -- the event feed: a person reads the events of the people the person sees; anyone appends events
    -- of no one (the system) or of oneself; nobody but the owner updates or deletes (no grant either)
    EXECUTE format('ALTER TABLE %I.audit_event ENABLE ROW LEVEL SECURITY', s);
    EXECUTE format('CREATE POLICY deskcrm_read ON %I.audit_event FOR SELECT USING (%s)', s,
        format(owned, s, 'user_id'));
    EXECUTE format('CREATE POLICY deskcrm_append ON %1$I.audit_event FOR INSERT'
        || ' WITH CHECK (user_id IS NULL OR user_id = (SELECT %1$I.deskcrm_uid()))', s);

    -- people: everyone reads the list of people (names on every screen); a person updates only the own
    -- row, and only the columns granted below (never the role, team, rights or the active flag)
    EXECUTE format('ALTER TABLE %I.app_user ENABLE ROW LEVEL SECURITY', s);
    EXECUTE format('CREATE POLICY deskcrm_read ON %I.app_user FOR SELECT USING (true)', s);
    EXECUTE format('CREATE POLICY deskcrm_own ON %I.app_user FOR UPDATE USING (login = current_user)'
        || ' WITH CHECK (login = current_user)', s);
END
$$;

-- ------------------------------------------------------------------ group roles and table rights
-- Created only when the migrating role may create roles (a superuser or CREATEROLE); otherwise the
-- database stays in the team-login mode of earlier versions and `deskcrm users roles` reports it.
DO $$
DECLARE
    s text := current_schema();
    g text;
    t text;
    may_create boolean := (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user);
BEGIN
    FOREACH g IN ARRAY ARRAY['deskcrm_user', 'deskcrm_manager', 'deskcrm_supervisor', 'deskcrm_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
            IF NOT may_create THEN
                RAISE NOTICE 'DeskCRM: % cannot create roles; per-person database roles are not set up',
                    current_user;
                RETURN;
            END IF;
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
        END IF;
    END LOOP;
    GRANT deskcrm_user TO deskcrm_manager, deskcrm_supervisor, deskcrm_admin;

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO deskcrm_user', s);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO deskcrm_user', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO deskcrm_user', s);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %1$I.deskcrm_uid(), %1$I.deskcrm_role(), %1$I.deskcrm_team()'
        || ' TO deskcrm_user', s);
    -- the bulk-load journal is the owner's (demo, restore)
    EXECUTE format('REVOKE ALL ON %I.bulk_load FROM deskcrm_user', s);

    -- records people work on (the owned ones are narrowed by the policies above)
    FOREACH t IN ARRAY ARRAY['client', 'contact', 'channel', 'client_tag', 'client_need', 'tag', 'deal',
            'deal_line', 'deal_stage_history', 'deal_total', 'sale', 'phone_call', 'missed_call',
            'phone_list_entry', 'task', 'task_template', 'task_template_stage', 'activity', 'import_profile',
            'sign_in_failure'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO deskcrm_user', s, t);
    END LOOP;
    -- the event feed: append only
    EXECUTE format('GRANT INSERT ON %I.audit_event TO deskcrm_user', s);
    -- the own row of app_user: sign-in time, language, the own password (no role, team or rights)
    EXECUTE format('GRANT UPDATE (last_login_at, ui_locale, password_hash, version) ON %I.app_user'
        || ' TO deskcrm_user', s);
    -- settings and reference data: an administrator's (people, teams and roles stay the owner's)
    FOREACH t IN ARRAY ARRAY['app_setting', 'lead_source', 'lead_source_cost', 'product', 'pipeline', 'stage',
            'lost_reason', 'goal', 'activity_plan', 'calendar_day', 'scoring_rule', 'required_field',
            'totals_state'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO deskcrm_admin', s, t);
    END LOOP;
    -- tables of later migrations are readable at least; their writes and policies are granted by them
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO deskcrm_user', s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO deskcrm_user', s);
END
$$;
