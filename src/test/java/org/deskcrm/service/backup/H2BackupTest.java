package org.deskcrm.service.backup;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** Backup and restore on H2. */
class H2BackupTest extends BackupContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
