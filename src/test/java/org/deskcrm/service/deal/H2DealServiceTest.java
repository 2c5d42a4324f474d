package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The deal service contract on H2. */
class H2DealServiceTest extends DealServiceContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
