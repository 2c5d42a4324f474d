package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Stored deal totals against the records after random changes, on a real PostgreSQL. */
class PostgresTotalsDriftTest extends TotalsDriftContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
