package org.deskcrm.persistence;

import java.sql.SQLException;
import java.sql.Statement;

/** The start-up schema check on a real PostgreSQL (its reference is built in a scratch schema). */
class PostgresSchemaIntegrityTest extends SchemaIntegrityContract {
    @Override
    DatabaseConfig freshDatabase() {
        return TestDatabases.postgresConfig();
    }

    @Override
    void restartTeamIdentityAtOne(Statement s) throws SQLException {
        s.execute("SELECT setval(pg_get_serial_sequence('team', 'id'), 1, false)");
    }
}
