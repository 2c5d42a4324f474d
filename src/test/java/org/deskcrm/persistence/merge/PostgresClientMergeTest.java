package org.deskcrm.persistence.merge;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The merge of two clients on a real (embedded) PostgreSQL. */
class PostgresClientMergeTest extends ClientMergeContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
