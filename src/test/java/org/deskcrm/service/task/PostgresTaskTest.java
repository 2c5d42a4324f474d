package org.deskcrm.service.task;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Tasks on a real PostgreSQL. */
class PostgresTaskTest extends TaskContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
