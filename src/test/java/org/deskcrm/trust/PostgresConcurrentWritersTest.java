package org.deskcrm.trust;

import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.TestDatabases;

/** The writers on a real PostgreSQL server. */
class PostgresConcurrentWritersTest extends ConcurrentWritersContract {
    @Override
    DatabaseConfig sharedDatabase() {
        return TestDatabases.postgresConfig();
    }

    @Override
    String label() {
        return "PostgreSQL";
    }
}
