package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Calls by business day in several time zones, on a real PostgreSQL. */
class PostgresCallsBusinessDayTest extends CallsBusinessDayContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
