package org.deskcrm.service.task;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Tasks on embedded H2. */
class H2TaskTest extends TaskContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
