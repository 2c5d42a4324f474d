package org.deskcrm.service.backup;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Backup and restore events on H2. */
class H2BackupAuditTest extends BackupAuditContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
