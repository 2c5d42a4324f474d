package org.deskcrm.service.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Deals with their history on embedded H2. */
class H2DealHistoryImportTest extends DealHistoryImportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
