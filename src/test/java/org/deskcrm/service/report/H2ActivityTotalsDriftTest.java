package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Stored activity totals against the activity records after random activities, on embedded H2. */
class H2ActivityTotalsDriftTest extends ActivityTotalsDriftContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
