package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Drill-down grids' human columns on embedded H2. */
class H2DrillRecordsTest extends DrillRecordsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
