package org.deskcrm.service.user;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Visibility of records by role on H2. */
class H2VisibilityTest extends VisibilityContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
