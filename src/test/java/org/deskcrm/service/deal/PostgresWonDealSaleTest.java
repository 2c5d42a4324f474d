package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Won deal → sale on Postgres. */
class PostgresWonDealSaleTest extends WonDealSaleContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
