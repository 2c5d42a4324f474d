package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Every report on the demo data, by role, on a real PostgreSQL. */
class PostgresDemoReportsTest extends DemoReportsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
