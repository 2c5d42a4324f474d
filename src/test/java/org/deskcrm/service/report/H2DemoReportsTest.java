package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Sales analysis and report labels on the demo company, embedded H2. */
class H2DemoReportsTest extends DemoReportsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
