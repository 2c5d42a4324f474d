package org.deskcrm.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {
    @Test
    void postgresMigrates() {
        try (Database db = TestDatabases.postgres()) {
            // V1, V2, vendor V3, and V13 (clients: last-purchase index); other branches add theirs
            assertThat(db.migrationsApplied()).isGreaterThanOrEqualTo(4);
            assertThat(new StatsRepository(db).schemaVersion().map(Integer::valueOf)).hasValueSatisfying(
                    v -> assertThat(v).isGreaterThanOrEqualTo(13));
        }
    }

    @Test
    void h2Migrates() {
        try (Database db = TestDatabases.h2()) {
            assertThat(db.migrationsApplied()).isGreaterThanOrEqualTo(4);
        }
    }
}
