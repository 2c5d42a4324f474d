package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Every report on the demo data, by role, on embedded H2. */
class H2DemoReportsTest extends DemoReportsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
