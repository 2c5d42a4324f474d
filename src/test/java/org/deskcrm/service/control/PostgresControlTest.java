package org.deskcrm.service.control;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Control indicators on a real PostgreSQL. */
class PostgresControlTest extends ControlContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
