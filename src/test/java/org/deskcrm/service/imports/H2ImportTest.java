package org.deskcrm.service.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The import contract on embedded H2. */
class H2ImportTest extends ImportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
