package org.deskcrm.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the schema itself, checked on the real PostgreSQL catalog. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaTest {
    Database db;

    @BeforeAll
    void open() {
        db = TestDatabases.postgres();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void everyForeignKeyHasAnIndexStartingWithItsColumns() {
        // PostgreSQL does not index foreign keys by itself; a missing index makes deletes and joins scan
        assertThat(unindexedForeignKeys()).isEmpty();
    }

    @Test
    void theForeignKeyIndexCheckDetectsAMissingIndex() {
        db.dsl().execute("CREATE TABLE probe_fk (id BIGINT PRIMARY KEY, client_id BIGINT CONSTRAINT fk_probe_client REFERENCES client (id))");
        try {
            assertThat(unindexedForeignKeys()).containsExactly("probe_fk.fk_probe_client");
        } finally {
            db.dsl().execute("DROP TABLE probe_fk");
        }
    }

    private List<String> unindexedForeignKeys() {
        return db.dsl().resultQuery("""
                SELECT c.conrelid::regclass::text || '.' || c.conname
                FROM pg_constraint c
                WHERE c.contype = 'f'
                  AND NOT EXISTS (
                    SELECT 1 FROM pg_index i
                    WHERE i.indrelid = c.conrelid
                      AND array_to_string((string_to_array(i.indkey::text, ' '))[1:array_length(c.conkey, 1)], ',')
                          = array_to_string(c.conkey, ','))
                ORDER BY 1""").fetch(0, String.class);
    }

    @Test
    void everyEditableTableHasAVersionColumn() {
        List<String> editable = List.of("app_user", "team", "client", "contact", "channel", "product", "pipeline",
                "stage", "lost_reason", "lead_source", "lead_source_cost", "deal", "deal_line", "sale", "client_need",
                "phone_call", "missed_call", "phone_list_entry", "task", "task_template", "task_template_stage",
                "activity", "goal", "activity_plan", "scoring_rule", "required_field", "import_profile", "app_setting");
        List<String> withVersion = db.dsl().resultQuery(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'version'")
                .fetch(0, String.class);
        assertThat(withVersion).containsAll(editable);
    }

    @Test
    void keysCompareByCodePoint() {
        // prefix search as a range predicate relies on it
        List<String> collations = db.dsl().resultQuery("""
                SELECT table_name || '.' || column_name || '=' || coalesce(collation_name, '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN ('name_norm', 'value_norm', 'title_norm', 'phone_norm')
                ORDER BY 1""").fetch(0, String.class);
        assertThat(collations).hasSize(5).allMatch(s -> s.endsWith("=C"));
    }
}
