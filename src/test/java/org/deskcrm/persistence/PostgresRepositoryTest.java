package org.deskcrm.persistence;

/** The repository contract on a real PostgreSQL (embedded binaries from Maven Central). */
class PostgresRepositoryTest extends RepositoryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
