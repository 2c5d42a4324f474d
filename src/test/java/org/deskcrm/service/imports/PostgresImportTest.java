package org.deskcrm.service.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The import contract on a real PostgreSQL. */
class PostgresImportTest extends ImportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
