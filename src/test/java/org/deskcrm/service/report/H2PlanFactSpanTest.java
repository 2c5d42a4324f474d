package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Plan-fact over overlapping goal periods on embedded H2. */
class H2PlanFactSpanTest extends PlanFactSpanContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
