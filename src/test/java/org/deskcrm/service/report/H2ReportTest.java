package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The hand-computed report contract on embedded H2. */
class H2ReportTest extends ReportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
