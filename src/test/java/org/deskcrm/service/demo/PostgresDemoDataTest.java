package org.deskcrm.service.demo;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The demo-data contract on a real PostgreSQL (embedded binaries from Maven Central). */
class PostgresDemoDataTest extends DemoDataContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
