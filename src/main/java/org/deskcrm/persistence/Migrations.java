package org.deskcrm.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The one Flyway set-up of the application, and the check for a schema newer than this program. */
final class Migrations {
    private Migrations() {
    }

    /**
     * Portable migrations live in db/migration (jOOQ's code is generated from them); the few statements
     * that must differ per database live in db/vendor/h2 and db/vendor/postgresql under the same versions.
     */
    static Flyway flyway(DataSource ds, boolean postgres) {
        return configure(ds, postgres).load();
    }

    static FluentConfiguration configure(DataSource ds, boolean postgres) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (postgres ? "postgresql" : "h2"))
                .failOnMissingLocations(true);
    }

    /**
     * The highest applied version this build does not know, if the database was upgraded by a newer
     * DeskCRM. Flyway ignores such "future" migrations by default; this program must not run on them.
     */
    static Optional<String> newerVersion(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .filter(i -> i.getState().name().startsWith("FUTURE"))
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null)
                .max(Comparable::compareTo)
                .map(Object::toString);
    }

    /**
     * A migration whose file was renamed after databases had applied it (its SQL unchanged): Flyway keeps
     * the description and script it applied and refuses a description that differs, so the history rows
     * of such a database are brought to the new names before Flyway reads them.
     */
    record Renamed(String version, String oldScript, String newScript) {
        String oldDescription() {
            return description(oldScript);
        }

        String newDescription() {
            return description(newScript);
        }

        private static String description(String script) {
            return script.substring(script.indexOf("__") + 2, script.length() - ".sql".length()).replace('_', ' ');
        }
    }

    /** Names that said where or when a migration was made, not what it does (ADR 0022). */
    static final List<Renamed> RENAMED = List.of(
            new Renamed("22", "V22__reports2_report_indexes.sql", "V22__report_indexes.sql"),
            new Renamed("27", "V27__bench_one_index_per_foreign_key.sql", "V27__one_index_per_foreign_key.sql"),
            new Renamed("28", "V28__repa_plan_and_activity_indexes.sql", "V28__plan_and_activity_indexes.sql"));

    /**
     * Brings the schema history of a database made before {@link #RENAMED} to the new names; a database
     * with no history yet, or already renamed, is left as it is. Returns the rows changed.
     */
    static int followRenames(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            if (!hasHistory(c)) {
                return 0;
            }
            int changed = 0;
            try (PreparedStatement u = c.prepareStatement("UPDATE flyway_schema_history SET description = ?, script = ?"
                    + " WHERE version = ? AND description = ?")) {
                for (Renamed r : RENAMED) {
                    u.setString(1, r.newDescription());
                    u.setString(2, r.newScript());
                    u.setString(3, r.version());
                    u.setString(4, r.oldDescription());
                    changed += u.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot bring the schema history to the renamed migrations", e);
        }
    }

    private static boolean hasHistory(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "flyway_schema_history", null)) {
            return rs.next();
        }
    }

    /** The message key of {@link org.deskcrm.model.common.AppException} for a newer schema. */
    static final String NEWER_SCHEMA_KEY = "connect.error.newerSchema";
}
