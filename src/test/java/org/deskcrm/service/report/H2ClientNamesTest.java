package org.deskcrm.service.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Client names for report rows, by key and in one pass, on H2. */
class H2ClientNamesTest extends ClientNamesContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
