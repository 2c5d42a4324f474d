package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Plan-fact over overlapping goal periods on a real PostgreSQL. */
class PostgresPlanFactSpanTest extends PlanFactSpanContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
