package org.deskcrm.service.call;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Calls on a real PostgreSQL. */
class PostgresCallTest extends CallContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
