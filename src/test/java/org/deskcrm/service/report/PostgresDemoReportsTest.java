package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Sales analysis and report labels on the demo company, real PostgreSQL. */
class PostgresDemoReportsTest extends DemoReportsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
