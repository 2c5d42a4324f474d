package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Sales, lifecycle status and need probabilities on Postgres. */
class PostgresSalesAndNeedsTest extends SalesAndNeedsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
