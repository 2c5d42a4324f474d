-- Password hashes are no person's to read (docs/decisions/0015-database-roles-and-row-security.md): a
-- person's own PostgreSQL login reads every column of app_user but password_hash, so nobody with psql can
-- copy colleagues' hashes to crack them offline. What the program needs of the hashes on such a connection
-- goes through three SECURITY DEFINER functions that answer only about the session's own login, a given
-- person's "has a password" and "an administrator has one". session_user (not current_user, which inside a
-- SECURITY DEFINER function is the owner) is the person who connected.
DO $$
DECLARE
    s text := current_schema();
    cols text;
BEGIN
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
    FROM information_schema.columns
    WHERE table_schema = s AND table_name = 'app_user' AND column_name <> 'password_hash';
    EXECUTE format('REVOKE SELECT ON %I.app_user FROM deskcrm_user', s);
    EXECUTE format('GRANT SELECT (%s) ON %I.app_user TO deskcrm_user', cols, s);

    EXECUTE format('CREATE FUNCTION %1$I.deskcrm_own_password_hash(p_login varchar) RETURNS varchar'
        || ' LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$I, pg_temp'
        || ' AS $f$ SELECT password_hash FROM %1$I.app_user WHERE login = p_login AND login = session_user $f$', s);
    EXECUTE format('CREATE FUNCTION %1$I.deskcrm_has_password(p_id bigint) RETURNS boolean'
        || ' LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$I, pg_temp'
        || ' AS $f$ SELECT coalesce((SELECT password_hash IS NOT NULL FROM %1$I.app_user WHERE id = p_id), false) $f$', s);
    EXECUTE format('CREATE FUNCTION %1$I.deskcrm_admin_has_password() RETURNS boolean'
        || ' LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$I, pg_temp'
        || ' AS $f$ SELECT EXISTS (SELECT 1 FROM %1$I.app_user WHERE role_code = ''admin'' AND active'
        || ' AND password_hash IS NOT NULL) $f$', s);
    EXECUTE format('REVOKE ALL ON FUNCTION %1$I.deskcrm_own_password_hash(varchar), %1$I.deskcrm_has_password(bigint),'
        || ' %1$I.deskcrm_admin_has_password() FROM PUBLIC', s);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %1$I.deskcrm_own_password_hash(varchar), %1$I.deskcrm_has_password(bigint),'
        || ' %1$I.deskcrm_admin_has_password() TO deskcrm_user', s);
END
$$;
