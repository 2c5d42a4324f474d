package org.deskcrm.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {
    @Test
    void postgresMigrates() {
        try (Database db = TestDatabases.postgres()) {
            assertThat(db.migrationsApplied()).isEqualTo(3);
            assertThat(new StatsRepository(db).schemaVersion()).contains("3");
        }
    }

    @Test
    void h2Migrates() {
        try (Database db = TestDatabases.h2()) {
            assertThat(db.migrationsApplied()).isEqualTo(3);
        }
    }
}
