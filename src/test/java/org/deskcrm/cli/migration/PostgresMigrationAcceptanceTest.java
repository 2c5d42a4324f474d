package org.deskcrm.cli.migration;

import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.TestDatabases;

import java.nio.file.Path;

/** The migration acceptance on a real (embedded) PostgreSQL, as a shared installation has it. */
class PostgresMigrationAcceptanceTest extends MigrationAcceptanceContract {
    @Override
    DatabaseConfig database(Path dir) {
        return TestDatabases.postgresConfig();
    }
}
