package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Client names for report rows, by key and in one pass, on Postgres. */
class PostgresClientNamesTest extends ClientNamesContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
