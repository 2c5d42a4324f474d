package org.deskcrm.service.export;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The export contract on embedded H2. */
class H2ExportTest extends ExportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
