package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Recompute-all at volume on H2. */
class H2ScaleTest extends ScaleContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }

    @Override
    String range(int n) {
        return "(SELECT \"X\" AS x FROM SYSTEM_RANGE(1, " + n + ")) r";
    }
}
