package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The deal service contract on Postgres. */
class PostgresDealServiceTest extends DealServiceContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
