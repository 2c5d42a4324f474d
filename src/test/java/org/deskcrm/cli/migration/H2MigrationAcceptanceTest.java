package org.deskcrm.cli.migration;

import org.deskcrm.persistence.DatabaseConfig;

import java.nio.file.Path;

/** The migration acceptance on an embedded H2 file, as a new installation has it. */
class H2MigrationAcceptanceTest extends MigrationAcceptanceContract {
    @Override
    DatabaseConfig database(Path dir) {
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath(), null, null);
    }
}
