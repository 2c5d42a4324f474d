package org.deskcrm.persistence;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The start-up schema check on H2. */
class H2SchemaIntegrityTest extends SchemaIntegrityContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    DatabaseConfig freshDatabase() {
        return DatabaseConfig.inMemory("integrity" + COUNTER.incrementAndGet());
    }

    @Override
    void restartTeamIdentityAtOne(Statement s) throws SQLException {
        s.execute("ALTER TABLE team ALTER COLUMN id RESTART WITH 1");
    }
}
