package org.deskcrm.service.user;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Visibility of records by role on a real PostgreSQL. */
class PostgresVisibilityTest extends VisibilityContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
