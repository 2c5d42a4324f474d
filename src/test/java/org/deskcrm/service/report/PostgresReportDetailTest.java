package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** First-call resolution, activity by day and week, lifecycle transitions: hand-computed, on a real PostgreSQL. */
class PostgresReportDetailTest extends ReportDetailContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
