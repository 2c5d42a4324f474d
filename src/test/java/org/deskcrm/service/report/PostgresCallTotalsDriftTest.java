package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Stored call totals against the call records after random changes, on a real PostgreSQL. */
class PostgresCallTotalsDriftTest extends CallTotalsDriftContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
