package org.deskcrm.service.goal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The goals editor's rules on a real PostgreSQL. */
class PostgresGoalServiceTest extends GoalServiceContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
