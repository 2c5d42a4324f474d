package org.deskcrm.persistence;

/** Phone search by any format and by the last digits on a real PostgreSQL. */
class PostgresPhoneSearchTest extends PhoneSearchContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    DatabaseConfig freshConfig() {
        return TestDatabases.postgresConfig();
    }
}
