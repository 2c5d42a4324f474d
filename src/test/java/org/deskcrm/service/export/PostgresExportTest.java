package org.deskcrm.service.export;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The export contract on a real PostgreSQL (embedded binaries from Maven Central). */
class PostgresExportTest extends ExportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
