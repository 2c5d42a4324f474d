package org.deskcrm.persistence;

/** The client list and timeline queries on embedded H2. */
class H2ClientListRepositoryTest extends ClientListRepositoryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
