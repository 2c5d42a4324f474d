package org.deskcrm.service.connect;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.connect.ConnectionCheck;
import org.deskcrm.model.connect.ConnectionCheck.Outcome;
import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.model.connect.ConnectionSpec;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.TestDatabases;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Files;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Test connection" against real H2 (file, AUTO_SERVER, a TCP server) and a real embedded PostgreSQL. */
class ConnectionServiceTest {
    @TempDir
    Path dir;

    private ConnectionService service() {
        return new ConnectionService(dir.resolve("local"));
    }

    @Test
    void theEmbeddedFileAndASharedAutoServerFileAnswerWithH2sVersion() {
        ConnectionCheck local = service().test(ConnectionSpec.local());
        assertThat(local.outcome()).isEqualTo(Outcome.OK);
        assertThat(local.serverVersion()).startsWith("H2 2.");

        ConnectionSpec shared = new ConnectionSpec(ConnectionKind.H2_SHARED_FILE, "", 0, dir.resolve("shared").toString(), "", "");
        assertThat(service().config(shared).url()).endsWith(";AUTO_SERVER=TRUE");
        try (Database first = Database.open(service().config(shared))) {
            // a second process would join through the AUTO_SERVER; here a second connection does the same
            assertThat(first.migrationsApplied()).isPositive();
            ConnectionCheck check = service().test(shared);
            assertThat(check.outcome()).isEqualTo(Outcome.OK);
        }
    }

    @Test
    void anH2ServerAnswersAndAMissingDatabaseOrClosedPortIsNamed() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
        try {
            ConnectionSpec spec = new ConnectionSpec(ConnectionKind.H2_SERVER, "localhost", server.getPort(), "crm",
                    "sa", "");
            assertThat(spec.url()).isEqualTo("jdbc:h2:tcp://localhost:" + server.getPort() + "/crm");
            ConnectionCheck check = service().test(spec);
            assertThat(check.outcome()).as(check.detail()).isEqualTo(Outcome.OK);
            assertThat(check.serverVersion()).startsWith("H2");
        } finally {
            server.stop();
        }
        Server strict = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString()).start();
        try {
            ConnectionSpec missing = new ConnectionSpec(ConnectionKind.H2_SERVER, "localhost", strict.getPort(),
                    "nothing-here", "sa", "");
            assertThat(service().test(missing).outcome()).isEqualTo(Outcome.DATABASE_MISSING);
        } finally {
            strict.stop();
        }
        ConnectionSpec closed = new ConnectionSpec(ConnectionKind.H2_SERVER, "localhost", freePort(), "crm", "sa", "");
        assertThat(service().test(closed).outcome()).isEqualTo(Outcome.UNREACHABLE);
    }

    @Test
    void postgresAnswersAndWrongPasswordClosedPortAndMissingDatabaseAreNamed() throws Exception {
        ConnectionSpec pg = postgresSpec(TestDatabases.postgresConfig());
        ConnectionCheck ok = service().test(pg);
        assertThat(ok.outcome()).as(ok.detail()).isEqualTo(Outcome.OK);
        assertThat(ok.serverVersion()).startsWith("PostgreSQL");

        // embedded PostgreSQL trusts local users; one role is made to need its password (scram), as a real server does
        String role = "crm_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresConfig().url(), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'right-password'");
            ResultSet rs = s.executeQuery("SHOW hba_file");
            rs.next();
            Path hba = Path.of(rs.getString(1));
            String line = "host all " + role + " all scram-sha-256\nlocal all " + role + " scram-sha-256\n";
            Files.writeString(hba, line + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
        ConnectionSpec wrong = new ConnectionSpec(pg.kind(), pg.host(), pg.port(), pg.database(), role, "not-it");
        ConnectionCheck refused = service().test(wrong);
        // the postmaster reloads pg_hba.conf asynchronously: until then the role is still trusted
        for (long until = System.nanoTime() + 30_000_000_000L; refused.isOk() && System.nanoTime() < until; ) {
            Thread.onSpinWait();
            refused = service().test(wrong);
        }
        assertThat(refused.outcome()).as(refused.detail()).isEqualTo(Outcome.BAD_CREDENTIALS);
        ConnectionSpec right = new ConnectionSpec(pg.kind(), pg.host(), pg.port(), pg.database(), role, "right-password");
        assertThat(service().test(right).outcome()).isEqualTo(Outcome.OK);
        ConnectionSpec stranger = new ConnectionSpec(pg.kind(), pg.host(), pg.port(), pg.database(), "nobody", "x");
        assertThat(service().test(stranger).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);

        ConnectionSpec missing = new ConnectionSpec(pg.kind(), pg.host(), pg.port(), "no_such_db", pg.user(), pg.password());
        assertThat(service().test(missing).outcome()).isEqualTo(Outcome.DATABASE_MISSING);

        ConnectionSpec closed = new ConnectionSpec(pg.kind(), "localhost", freePort(), "x", "postgres", "postgres");
        ConnectionCheck unreachable = service().test(closed);
        assertThat(unreachable.outcome()).as(unreachable.detail()).isEqualTo(Outcome.UNREACHABLE);
    }

    @Test
    void aDatabaseUpgradedByANewerProgramIsRefusedAtTestAndAtOpen() throws Exception {
        DatabaseConfig config = TestDatabases.postgresConfig();
        Database.open(config, 2).close();
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (900, '900', 'future', 'SQL', 'V900__future.sql',"
                    + " 0, 'newer', 1, true)");
        }
        ConnectionCheck check = service().test(postgresSpec(config));
        assertThat(check.outcome()).isEqualTo(Outcome.NEWER_SCHEMA);
        assertThat(check.detail()).isEqualTo("900");
        assertThatThrownBy(() -> Database.open(config, 2)).isInstanceOfSatisfying(AppException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("connect.error.newerSchema");
            assertThat(service().explain(e)).isEqualTo(Outcome.NEWER_SCHEMA);
        });
    }

    @Test
    void theNewerSchemaIsAlsoSeenOnH2() throws Exception {
        ConnectionSpec shared = new ConnectionSpec(ConnectionKind.H2_SHARED_FILE, "", 0, dir.resolve("h2new").toString(), "", "");
        DatabaseConfig config = service().config(shared);
        Database.open(config, 2).close();
        try (Connection c = DriverManager.getConnection(config.effectiveUrl(), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (900, '900',"
                    + " 'future', 'SQL', 'V900__future.sql', 0, 'newer', 1, true)");
        }
        assertThat(service().test(shared).outcome()).isEqualTo(Outcome.NEWER_SCHEMA);
        assertThatThrownBy(() -> Database.open(config, 2)).isInstanceOf(AppException.class);
    }

    static ConnectionSpec postgresSpec(DatabaseConfig config) {
        URI uri = URI.create(config.url().substring("jdbc:".length()));
        String db = uri.getPath().substring(1);
        return new ConnectionSpec(ConnectionKind.POSTGRES, uri.getHost(), uri.getPort(), db, config.user(),
                config.password());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
