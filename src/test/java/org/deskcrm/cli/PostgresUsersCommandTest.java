package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users} on a shared PostgreSQL (ADR 0015): creating a person creates the person's database login in
 * the group of the role, with the password given through DESKCRM_NEW_PASSWORD; a role change moves the
 * login between groups; deactivating makes it NOLOGIN; {@code users list} shows it all.
 */
class PostgresUsersCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(DatabaseConfig db, Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--db", db.url(), "--user", db.user(), "--password", db.password()}, 0, all,
                args.length, 6);
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .withEnvironment(env).run(all);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static String role(DatabaseConfig db, String login) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("select r.rolcanlogin, array_to_string(array(select g.rolname"
                     + " from pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = r.oid order by 1),"
                     + " ','), left(a.rolpassword, 13) from pg_roles r join pg_authid a on a.oid = r.oid"
                     + " where r.rolname = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (rs.getBoolean(1) ? "LOGIN " : "NOLOGIN ") + rs.getString(2) + " " + rs.getString(3)
                        : "none";
            }
        }
    }

    @Test
    void usersCreatesRegroupsAndLocksThePersonsDatabaseLogin() throws SQLException {
        DatabaseConfig db = TestDatabases.postgresConfig();
        try (AppContext ctx = AppContext.open(db)) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.users().insertTeam("North", null);
        }
        String login = "cli.person" + System.nanoTime() % 100_000;
        assertThat(run(db, Map.of(), "users", "create", login, "--name", "Cli Person", "--role", "manager",
                "--team", "North")).as(printed()).isEqualTo(2);
        assertThat(printed()).contains("DESKCRM_NEW_PASSWORD");
        assertThat(role(db, login)).isEqualTo("none");

        assertThat(run(db, Map.of("DESKCRM_NEW_PASSWORD", "cli-secret-1"), "users", "create", login, "--name",
                "Cli Person", "--role", "manager", "--team", "North")).as(printed()).isZero();
        assertThat(role(db, login)).isEqualTo("LOGIN deskcrm_manager,deskcrm_user SCRAM-SHA-256");

        // the person's own login: the command acts as that person (a manager), so the user administration is refused
        DatabaseConfig own = new DatabaseConfig(db.url().replaceFirst("\\?.*$", ""), login, "cli-secret-1");
        assertThat(run(own, Map.of(), "users", "list")).as(printed()).isEqualTo(1);
        assertThat(printed()).contains("Only an administrator may do this.").doesNotContain(login + " ");

        assertThat(run(db, Map.of(), "users", "role", login, "supervisor")).as(printed()).isZero();
        assertThat(role(db, login)).startsWith("LOGIN deskcrm_supervisor,deskcrm_user");

        assertThat(run(db, Map.of(), "users", "deactivate", login)).as(printed()).isZero();
        assertThat(role(db, login)).startsWith("NOLOGIN deskcrm_supervisor,deskcrm_user");

        assertThat(run(db, Map.of(), "users", "list")).as(printed()).isZero();
        assertThat(printed()).contains("on (this connection manages them)")
                .containsPattern(java.util.regex.Pattern.quote(login) + " +supervisor +North +inactive +NOLOGIN");
    }
}
