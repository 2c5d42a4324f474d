package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Report reconciliation on embedded H2. */
class H2ReconciliationTest extends ReconciliationContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
