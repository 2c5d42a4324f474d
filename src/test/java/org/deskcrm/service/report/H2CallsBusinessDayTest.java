package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Calls by business day in several time zones, on H2. */
class H2CallsBusinessDayTest extends CallsBusinessDayContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
