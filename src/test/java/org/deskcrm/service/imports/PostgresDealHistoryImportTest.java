package org.deskcrm.service.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Deals with their history on a real PostgreSQL. */
class PostgresDealHistoryImportTest extends DealHistoryImportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
