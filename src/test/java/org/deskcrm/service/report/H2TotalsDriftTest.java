package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Stored deal totals against the records after random changes, on embedded H2. */
class H2TotalsDriftTest extends TotalsDriftContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
