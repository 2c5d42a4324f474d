package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Sales, lifecycle status and need probabilities on H2. */
class H2SalesAndNeedsTest extends SalesAndNeedsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
