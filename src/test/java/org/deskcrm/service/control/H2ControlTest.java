package org.deskcrm.service.control;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Control indicators on embedded H2. */
class H2ControlTest extends ControlContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
