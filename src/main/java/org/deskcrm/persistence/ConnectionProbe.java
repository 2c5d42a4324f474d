package org.deskcrm.persistence;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.connect.ConnectionCheck;
import org.deskcrm.model.connect.ConnectionCheck.Outcome;
import org.flywaydb.core.Flyway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * "Test connection": opens one plain JDBC connection (no pool, nothing written), reads the server's
 * version, and checks that the schema is not newer than this program. Failures become typed outcomes.
 */
public final class ConnectionProbe {
    /** Seconds PostgreSQL may take to answer before the host counts as unreachable. */
    private static final int TIMEOUT_SECONDS = 10;

    public ConnectionCheck test(DatabaseConfig config) {
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.password());
        if (config.isPostgres()) {
            props.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        }
        String version;
        try (Connection c = DriverManager.getConnection(config.effectiveUrl(), props)) {
            DatabaseMetaData meta = c.getMetaData();
            version = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            Flyway flyway = Migrations.flyway(new SingleConnectionSource(c), config.isPostgres());
            Optional<String> newer = Migrations.newerVersion(flyway);
            if (newer.isPresent()) {
                return ConnectionCheck.failed(Outcome.NEWER_SCHEMA, newer.get());
            }
        } catch (SQLException | RuntimeException e) {
            return ConnectionCheck.failed(outcomeOf(e), firstLine(e));
        }
        return ConnectionCheck.ok(version);
    }

    /** What went wrong, from any failure of connecting or opening (SQL states, H2 codes, network causes). */
    public static Outcome outcomeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AppException a && Migrations.NEWER_SCHEMA_KEY.equals(a.messageKey())) {
                return Outcome.NEWER_SCHEMA;
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return Outcome.UNREACHABLE;
            }
            if (t instanceof SQLException s) {
                Outcome o = outcomeOf(s);
                if (o != Outcome.FAILED) {
                    return o;
                }
            }
        }
        return Outcome.FAILED;
    }

    private static Outcome outcomeOf(SQLException s) {
        String state = s.getSQLState() == null ? "" : s.getSQLState();
        int h2 = s.getErrorCode();
        if ("28P01".equals(state) || "28000".equals(state) || h2 == 28000) {
            return Outcome.BAD_CREDENTIALS;
        }
        if ("3D000".equals(state) || h2 == 90146 || h2 == 90149 || h2 == 90013) {
            return Outcome.DATABASE_MISSING;
        }
        if (state.startsWith("08") || h2 == 90067) {
            return Outcome.UNREACHABLE;
        }
        return Outcome.FAILED;
    }

    /** The deepest cause's first line: the technical detail under the localized sentence. */
    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
