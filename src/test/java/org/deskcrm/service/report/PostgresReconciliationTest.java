package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Report reconciliation on a real PostgreSQL. */
class PostgresReconciliationTest extends ReconciliationContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
