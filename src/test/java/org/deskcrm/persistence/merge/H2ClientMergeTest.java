package org.deskcrm.persistence.merge;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The merge of two clients on embedded H2. */
class H2ClientMergeTest extends ClientMergeContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
