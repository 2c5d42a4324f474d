package org.deskcrm.service.demo;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The demo-data contract on embedded H2. */
class H2DemoDataTest extends DemoDataContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
