package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Drill-down grids' human columns on a real PostgreSQL. */
class PostgresDrillRecordsTest extends DrillRecordsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
