package org.deskcrm.service.deal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Won deal → sale on H2. */
class H2WonDealSaleTest extends WonDealSaleContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
