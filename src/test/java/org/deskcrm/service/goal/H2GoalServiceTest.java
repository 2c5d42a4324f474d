package org.deskcrm.service.goal;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;

/** The goals editor's rules on embedded H2. */
class H2GoalServiceTest extends GoalServiceContract {
    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }
}
