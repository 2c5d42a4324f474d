package org.deskcrm.service.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The import of people, products, goals and the re-import of clients on embedded H2. */
class H2ImportTargetsTest extends ImportTargetsContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
