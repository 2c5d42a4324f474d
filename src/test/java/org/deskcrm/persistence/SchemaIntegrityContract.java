package org.deskcrm.persistence;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up schema check on one database kind: a fresh database matches the migrations; dropped
 * indexes, keys and checks and an identity set back are found and repaired by the next open; a bulk
 * load recorded in the journal but never finished is undone.
 */
abstract class SchemaIntegrityContract {
    /** A fresh database that can be opened several times. */
    abstract DatabaseConfig freshDatabase();

    abstract void restartTeamIdentityAtOne(Statement s) throws SQLException;

    @Test
    void aFreshDatabaseMatchesWhatTheMigrationsDefine() {
        try (Database db = Database.open(freshDatabase(), 2)) {
            SchemaReport r = db.schemaReport();
            assertThat(r.skipped()).isNull();
            assertThat(r.missing()).isEmpty();
            assertThat(r.differing()).isEmpty();
            assertThat(r.extra()).isEmpty();
            assertThat(r.failures()).isEmpty();
            assertThat(r.identitiesMoved()).isEmpty();
            // 71 foreign keys alone (counted in the migrations by hand), plus keys, checks and indexes
            assertThat(r.expected()).isGreaterThan(71 + 60);
        }
    }

    @Test
    void droppedIndexKeyCheckAndAnIdentitySetBackAreRepairedAtTheNextStart() throws SQLException {
        DatabaseConfig config = freshDatabase();
        try (Database db = Database.open(config, 2);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO team (name) VALUES ('a'), ('b'), ('c')");
            s.execute("DROP INDEX ix_client_name");
            s.execute("ALTER TABLE deal DROP CONSTRAINT fk_deal_client");
            s.execute("ALTER TABLE phone_call DROP CONSTRAINT ck_phone_call_duration");
            restartTeamIdentityAtOne(s);
        }
        try (Database db = Database.open(config, 2);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            SchemaReport r = db.schemaReport();
            assertThat(r.missing()).containsExactlyInAnyOrder("index ix_client_name on client",
                    "foreign key fk_deal_client on deal", "check ck_phone_call_duration on phone_call");
            assertThat(r.identitiesMoved()).containsExactly("team.id from 1 to 4");
            assertThat(r.failures()).isEmpty();
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.table_constraints WHERE constraint_name IN"
                    + " ('fk_deal_client', 'ck_phone_call_duration') AND table_schema = current_schema()")).isEqualTo(2);
            s.execute("INSERT INTO team (name) VALUES ('d')"); // would collide with team 1 without the repair
            assertThat(count(s, "SELECT MAX(id) FROM team")).isEqualTo(4);
        }
        try (Database db = Database.open(config, 2)) {
            assertThat(db.schemaReport().repaired()).isFalse();
            assertThat(db.schemaReport().sound()).isTrue();
        }
    }

    @Test
    void anUnchangedSchemaIsTakenAsVerifiedButAnAlteredIndexIsNot() throws SQLException {
        DatabaseConfig config = freshDatabase();
        try (Database db = Database.open(config, 2);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(db.schemaReport().sound()).isTrue();
            assertThat(count(s, "SELECT COUNT(*) FROM app_setting WHERE name = '" + SchemaIntegrity.VERIFIED_SETTING + "'"))
                    .isEqualTo(1); // the full check found the schema equal to the definition: its fingerprint is kept
            // the same name, another definition: only a comparison of definitions sees it
            s.execute("DROP INDEX ix_client_name");
            s.execute("CREATE INDEX ix_client_name ON client (name_norm)");
        }
        try (Database db = Database.open(config, 2)) {
            assertThat(db.schemaReport().differing()).containsExactly("index ix_client_name on client");
            assertThat(db.schemaReport().failures()).isEmpty();
        }
        try (Database db = Database.open(config, 2)) { // repaired and verified: nothing found, nothing built
            assertThat(db.schemaReport().repaired()).isFalse();
            assertThat(db.schemaReport().sound()).isTrue();
            assertThat(db.schemaReport().expected()).isGreaterThan(71 + 60);
        }
    }

    @Test
    void theWindowsOpenRecoversAtOnceAndComparesInTheBackground() throws SQLException {
        DatabaseConfig config = freshDatabase();
        try (Database db = Database.open(config, 2);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO team (name) VALUES ('a'), ('b'), ('c')");
            s.execute("DROP INDEX ix_client_name");
            restartTeamIdentityAtOne(s);
        }
        try (Database db = Database.openCheckingInBackground(config)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                // a write right after the open (a sign-in's) does not wait for the comparison and never collides
                s.execute("INSERT INTO team (name) VALUES ('d')");
                assertThat(count(s, "SELECT MAX(id) FROM team")).isEqualTo(4);
            }
            SchemaReport r = db.schemaReport();
            assertThat(db.schemaChecked()).isTrue();
            assertThat(r.missing()).containsExactly("index ix_client_name on client");
            assertThat(r.identitiesMoved()).containsExactly("team.id from 1 to 4");
            assertThat(r.failures()).isEmpty();
        }
        try (Database db = Database.openCheckingInBackground(config)) {
            assertThat(db.schemaReport().repaired()).isFalse();
            assertThat(db.schemaReport().sound()).isTrue();
        }
    }

    @Test
    void aBulkLoadKilledBeforeItsEndIsUndoneAtTheNextStart() throws SQLException {
        DatabaseConfig config = freshDatabase();
        try (Database db = Database.open(config, 2);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO team (id, name) VALUES (1, 'kept'), (2, 'loaded'), (3, 'loaded too')");
            s.execute("INSERT INTO bulk_load (kind, started_at, undo_plan) VALUES ('demo', CURRENT_TIMESTAMP, 'team id 2\n')");
        }
        try (Database db = Database.open(config, 2);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(db.schemaReport().loadsUndone()).hasSize(1).allMatch(l -> l.endsWith(": 2 rows deleted"));
            assertThat(count(s, "SELECT COUNT(*) FROM team")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM bulk_load")).isZero();
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
