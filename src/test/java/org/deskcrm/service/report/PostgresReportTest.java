package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The hand-computed report contract on a real PostgreSQL. */
class PostgresReportTest extends ReportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
