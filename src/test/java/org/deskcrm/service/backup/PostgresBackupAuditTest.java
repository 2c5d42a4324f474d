package org.deskcrm.service.backup;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Backup and restore events on Postgres. */
class PostgresBackupAuditTest extends BackupAuditContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
