package org.deskcrm.persistence;

/** The client list and timeline queries on a real PostgreSQL. */
class PostgresClientListRepositoryTest extends ClientListRepositoryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
