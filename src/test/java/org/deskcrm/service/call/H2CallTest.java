package org.deskcrm.service.call;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Calls on embedded H2. */
class H2CallTest extends CallContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
