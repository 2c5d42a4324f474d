package org.deskcrm.persistence;

import org.deskcrm.model.common.AppException;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a PostgreSQL connection acts as the owner of the schema (the role that runs the migrations) or
 * as a person's own role (ADR 0015), which may not change the schema: it only checks that the schema is
 * the one this program expects.
 */
final class SchemaOwner {
    private SchemaOwner() {
    }

    /** True for a superuser, a member of the schema history table's owner, or a database with no schema yet. */
    static boolean isOwner(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce((select r.rolsuper or pg_has_role(current_user, t.tableowner,"
                     + " 'USAGE') from pg_tables t, pg_roles r where t.schemaname = current_schema()"
                     + " and t.tablename = 'flyway_schema_history' and r.rolname = current_user), true)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema's owner", e);
        }
    }

    /** A person's role: refuses a schema older or newer than this program (only the owner upgrades it). */
    static int requireCurrent(DataSource ds) {
        Flyway flyway = Migrations.flyway(ds, true);
        java.util.Optional<String> newer = Migrations.newerVersion(flyway);
        if (newer.isPresent()) {
            throw new AppException(Migrations.NEWER_SCHEMA_KEY, newer.get());
        }
        if (flyway.info().pending().length > 0) {
            throw new AppException("connect.error.schemaNotUpgraded");
        }
        return 0;
    }
}
