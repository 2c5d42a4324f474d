package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Stored call totals against the call records after random changes, on embedded H2. */
class H2CallTotalsDriftTest extends CallTotalsDriftContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
