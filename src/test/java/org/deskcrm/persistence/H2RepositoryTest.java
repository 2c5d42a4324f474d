package org.deskcrm.persistence;

/** The repository contract on embedded H2. */
class H2RepositoryTest extends RepositoryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
