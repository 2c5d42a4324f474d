package org.deskcrm.persistence.user;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.user.Role;
import org.deskcrm.persistence.Database;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL login role of each DeskCRM person (V41, ADR 0015): the role is named as the person's
 * login and is a member of the group role of the person's DeskCRM role. Every statement is built by the
 * server ({@code format('%I')}) from bind parameters, never by concatenating a name here; passwords are
 * turned into a SCRAM verifier by the driver, so the clear password is never sent or logged as SQL.
 * Only the owner of the schema (a superuser or a role with CREATEROLE) can do this; a role this class did
 * not create (not a member of {@code deskcrm_user}) is never touched.
 */
public class DatabaseRoles {
    /** The group every person's role is a member of (table rights). */
    public static final String BASE_GROUP = "deskcrm_user";
    private static final Map<Role, String> GROUPS = Map.of(Role.MANAGER, "deskcrm_manager",
            Role.SUPERVISOR, "deskcrm_supervisor", Role.ADMIN, "deskcrm_admin");
    /** PostgreSQL truncates longer names (NAMEDATALEN - 1). */
    private static final int MAX_NAME = 63;

    private final Database db;

    public DatabaseRoles(Database db) {
        this.db = db;
    }

    /** The group role of a DeskCRM role. */
    public static String group(Role role) {
        return GROUPS.get(role);
    }

    /**
     * Whether this connection manages people's database roles: PostgreSQL, the group roles exist (V41 ran
     * with the right to create roles) and the connected role may create roles.
     */
    public boolean enabled() {
        if (!db.isPostgres()) {
            return false;
        }
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select (select rolsuper or rolcreaterole from pg_roles"
                    + " where rolname = current_user) and exists (select 1 from pg_roles where rolname = ?)")) {
                ps.setString(1, BASE_GROUP);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** Creates the login role of a person (or takes over one this class created before) in the role's group. */
    public void create(String login, Role role, char[] password, boolean active) {
        withConnection(c -> {
            checkName(login);
            if (exists(c, login)) {
                requireManaged(c, login);
            } else {
                execute(c, "select format('CREATE ROLE %I NOLOGIN', ?::text)", login);
            }
            setGroup(c, login, role);
            execute(c, "select format('ALTER ROLE %I " + (active ? "LOGIN" : "NOLOGIN") + "', ?::text)", login);
            if (password != null) {
                c.unwrap(PGConnection.class).alterUserPassword(login, password, null);
            }
            return null;
        });
    }

    /** Renames a person's role (PostgreSQL clears an MD5 password on rename; SCRAM ones are kept). */
    public void rename(String login, String newLogin) {
        withConnection(c -> {
            checkName(newLogin);
            requireManaged(c, login);
            execute(c, "select format('ALTER ROLE %I RENAME TO %I', ?::text, ?::text)", login, newLogin);
            return null;
        });
    }

    /** Moves the role to the group of the person's DeskCRM role and lets it sign in or not. */
    public void update(String login, Role role, boolean active) {
        withConnection(c -> {
            requireManaged(c, login);
            setGroup(c, login, role);
            execute(c, "select format('ALTER ROLE %I " + (active ? "LOGIN" : "NOLOGIN") + "', ?::text)", login);
            return null;
        });
    }

    /** Sets the password of a person's role (the administrator's reset). */
    public void setPassword(String login, char[] password) {
        withConnection(c -> {
            requireManaged(c, login);
            c.unwrap(PGConnection.class).alterUserPassword(login, password, null);
            return null;
        });
    }

    /** Changes the password of the connected role itself (any role may change its own). */
    public void changeOwnPassword(char[] password) {
        withConnection(c -> {
            c.unwrap(PGConnection.class).alterUserPassword(sessionRole(c), password, null);
            return null;
        });
    }

    /** Whether the role exists, may sign in, and its groups (for `users roles`). */
    public record RoleState(String name, boolean exists, boolean canLogin, List<String> groups) {
    }

    public RoleState state(String login) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select r.rolcanlogin, array(select g.rolname from"
                    + " pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = r.oid order by 1)"
                    + " from pg_roles r where r.rolname = ?")) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new RoleState(login, false, false, List.of());
                    }
                    return new RoleState(login, true, rs.getBoolean(1),
                            List.of((String[]) rs.getArray(2).getArray()));
                }
            }
        });
    }

    /** The role this database connection acts as. */
    public String sessionRole() {
        return withConnection(DatabaseRoles::sessionRole);
    }

    private static String sessionRole(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setGroup(Connection c, String login, Role role) throws SQLException {
        execute(c, "select format('GRANT %I TO %I', ?::text, ?::text)", BASE_GROUP, login);
        for (Map.Entry<Role, String> g : GROUPS.entrySet()) {
            if (g.getKey() == role) {
                execute(c, "select format('GRANT %I TO %I', ?::text, ?::text)", g.getValue(), login);
            } else if (memberOf(c, login, g.getValue())) {
                execute(c, "select format('REVOKE %I FROM %I', ?::text, ?::text)", g.getValue(), login);
            }
        }
    }

    private static void checkName(String login) {
        if (login == null || login.isEmpty() || login.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME
                || login.toLowerCase(java.util.Locale.ROOT).startsWith("pg_")) {
            throw new AppException("users.error.databaseRoleName", String.valueOf(login), MAX_NAME);
        }
    }

    private static void requireManaged(Connection c, String login) throws SQLException {
        if (!exists(c, login) || !memberOf(c, login, BASE_GROUP)) {
            throw new AppException("users.error.databaseRoleForeign", login);
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean memberOf(Connection c, String role, String group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_auth_members m join pg_roles r on r.oid ="
                + " m.member join pg_roles g on g.oid = m.roleid where r.rolname = ? and g.rolname = ?")) {
            ps.setString(1, role);
            ps.setString(2, group);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Has the server quote the names into the statement ({@code format}), then runs that statement. */
    private static void execute(Connection c, String formatQuery, String... names) throws SQLException {
        String statement;
        try (PreparedStatement ps = c.prepareStatement(formatQuery)) {
            for (int i = 0; i < names.length; i++) {
                ps.setString(i + 1, names[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                statement = rs.getString(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs on the connection of the current transaction when there is one (role changes commit with it). */
    private <T> T withConnection(SqlWork<T> work) {
        List<T> out = new ArrayList<>(1);
        try {
            db.dsl().connection(c -> out.add(work.run(c)));
        } catch (org.jooq.exception.DataAccessException e) {
            throw new AppException("users.error.databaseRole", e, e.getMessage());
        }
        return out.get(0);
    }
}
