package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Recompute-all at volume on PostgreSQL. */
class PostgresScaleTest extends ScaleContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String range(int n) {
        return "(SELECT generate_series(1, " + n + ") AS x) r";
    }
}
