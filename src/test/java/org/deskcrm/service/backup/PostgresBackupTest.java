package org.deskcrm.service.backup;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Backup and restore on a real PostgreSQL. */
class PostgresBackupTest extends BackupContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
