package org.deskcrm.persistence;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * A database made before the migrations were renamed (its history holds the old descriptions and
     * scripts) opens with this build: the history follows the new names, Flyway validates, nothing re-runs.
     */
    @Test
    void anH2DatabaseMadeBeforeTheRenamesOpens() throws Exception {
        DatabaseConfig config = DatabaseConfig.inMemoryUntilClosed("renames" + System.nanoTime());
        try (Database first = Database.open(config, 2)) {
            ageHistory(first);
            try (Database again = Database.open(config, 2)) {
                assertThat(again.migrationsApplied()).isZero();
                assertThat(history(again)).containsAllEntriesOf(renamedHistory());
            }
        }
    }

    @Test
    void aPostgresDatabaseMadeBeforeTheRenamesOpens() throws Exception {
        DatabaseConfig config = TestDatabases.postgresConfig();
        try (Database first = Database.open(config, 2)) {
            ageHistory(first);
        }
        try (Database again = Database.open(config, 2)) {
            assertThat(again.migrationsApplied()).isZero();
            assertThat(history(again)).containsAllEntriesOf(renamedHistory());
        }
    }

    /** Writes the names an older build recorded into the history, as such a database has them. */
    private static void ageHistory(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE flyway_schema_history SET description = ?, script = ? WHERE version = ?")) {
            for (Migrations.Renamed r : Migrations.RENAMED) {
                u.setString(1, r.oldDescription());
                u.setString(2, r.oldScript());
                u.setString(3, r.version());
                assertThat(u.executeUpdate()).as(r.version()).isEqualTo(1);
            }
        }
        assertThat(history(db)).doesNotContainValue("report indexes");
    }

    private static Map<String, String> renamedHistory() {
        Map<String, String> m = new LinkedHashMap<>();
        Migrations.RENAMED.forEach(r -> m.put(r.version(), r.newDescription()));
        return m;
    }

    private static Map<String, String> history(Database db) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT version, description FROM flyway_schema_history WHERE version IS NOT NULL");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }
}
