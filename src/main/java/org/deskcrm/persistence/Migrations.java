package org.deskcrm.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.util.Arrays;
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

    /** The message key of {@link org.deskcrm.model.common.AppException} for a newer schema. */
    static final String NEWER_SCHEMA_KEY = "connect.error.newerSchema";
}
