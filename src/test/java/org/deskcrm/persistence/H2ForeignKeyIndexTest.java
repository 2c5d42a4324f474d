package org.deskcrm.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 backs every foreign key with an index and creates one of its own unless a matching index exists
 * when the key is added. V27 re-adds the keys after V1's ix_ indexes, so no table keeps two indexes over
 * the same columns (each insert would pay for both) and the single-column ix_ indexes back the keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ForeignKeyIndexTest {
    Database db;

    @BeforeAll
    void open() {
        db = TestDatabases.h2();
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** V1 declares these two as a unique constraint and an ix_ index as well (tiny reference tables). */
    private static final List<String> V1_UNIQUE_TWINS = List.of(
            "stage(pipeline_id, sort_order)", "task_template_stage(template_id, sort_order)");

    @Test
    void noTableHasTwoIndexesOverTheSameColumns() {
        assertThat(duplicateIndexes()).isEqualTo(V1_UNIQUE_TWINS);
    }

    @Test
    void theDuplicateCheckDetectsAHiddenForeignKeyIndex() {
        // the V1 order: the key first (H2 adds its own index), then the explicit index on the same column
        db.dsl().execute("CREATE TABLE probe_fk (id BIGINT PRIMARY KEY, client_id BIGINT,"
                + " CONSTRAINT fk_probe_client FOREIGN KEY (client_id) REFERENCES client (id))");
        db.dsl().execute("CREATE INDEX ix_probe_client ON probe_fk (client_id)");
        try {
            assertThat(duplicateIndexes()).contains("probe_fk(client_id)").hasSize(V1_UNIQUE_TWINS.size() + 1);
        } finally {
            db.dsl().execute("DROP TABLE probe_fk");
        }
    }

    @Test
    void singleColumnIxIndexesBackTheirForeignKeys() {
        Map<String, String> backing = new TreeMap<>();
        db.dsl().resultQuery("select constraint_name, index_name from information_schema.table_constraints"
                        + " where table_schema = current_schema() and constraint_type = 'FOREIGN KEY'")
                .forEach(r -> backing.put(r.get(0, String.class), r.get(1, String.class)));
        assertThat(backing).hasSizeGreaterThan(60);
        assertThat(backing).containsEntry("fk_deal_client", "ix_deal_client")
                .containsEntry("fk_phone_call_status", "ix_phone_call_status")
                .containsEntry("fk_dsh_from_stage", "ix_dsh_from_stage");
    }

    @Test
    void theDemoLoaderDropsIndexesAndKeysOfItsTablesAndRestoresThemAsBefore() {
        Map<String, String> before = backingIndexes();
        long indexesBefore = indexCount("deal") + indexCount("phone_call");
        DemoRepository repo = new DemoRepository(db);
        List<String> dropped = db.inTransaction(() -> repo.dropSecondaryIndexes(List.of("deal", "phone_call")));
        assertThat(dropped).contains("CREATE INDEX ix_deal_client ON deal (client_id)",
                "ALTER TABLE deal ADD CONSTRAINT fk_deal_client FOREIGN KEY (client_id) REFERENCES client (id)");
        assertThat(backingIndexes()).doesNotContainKeys("fk_deal_client", "fk_phone_call_status")
                .containsKey("fk_dsh_deal");
        // the primary key and V29's unique external id only: inserts maintain two indexes
        assertThat(indexCount("deal")).isEqualTo(2);

        repo.createIndexes(dropped);
        repo.createIndexes(dropped); // idempotent, as the loader's undo path may run it again
        assertThat(backingIndexes()).isEqualTo(before);
        assertThat(indexCount("deal") + indexCount("phone_call")).isEqualTo(indexesBefore);
        assertThat(duplicateIndexes()).isEqualTo(V1_UNIQUE_TWINS);
    }

    @Test
    void aRestoredForeignKeyStillRejectsABrokenReference() {
        DemoRepository repo = new DemoRepository(db);
        List<String> dropped = db.inTransaction(() -> repo.dropSecondaryIndexes(List.of("contact")));
        repo.createIndexes(dropped);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.dsl().execute(
                "insert into contact (client_id, full_name) values (987654321, 'nobody')"))
                .hasMessageContaining("fk_contact_client");
    }

    /**
     * Each foreign key and the index backing it: one of ours by name, or H2's own ({@code KEY_INDEX}; the
     * counter H2 appends to its own index names depends on how many constraints the table had, so it is
     * not compared).
     */
    private Map<String, String> backingIndexes() {
        Map<String, String> backing = new TreeMap<>();
        db.dsl().resultQuery("select constraint_name, index_name from information_schema.table_constraints"
                        + " where table_schema = current_schema() and constraint_type = 'FOREIGN KEY'")
                .forEach(r -> backing.put(r.get(0, String.class),
                        r.get(1, String.class).replaceAll("_INDEX_[0-9A-F]+$", "_INDEX")));
        return backing;
    }

    private long indexCount(String table) {
        return db.dsl().resultQuery("select count(*) from information_schema.indexes"
                + " where table_schema = current_schema() and table_name = ?", table).fetchOne(0, Long.class);
    }

    /** "table(col, ...)" for every column list indexed more than once on the same table. */
    private List<String> duplicateIndexes() {
        return db.dsl().resultQuery("""
                select table_name || '(' || cols || ')' from (
                  select table_name, index_name,
                         listagg(column_name, ', ') within group (order by ordinal_position) cols
                  from information_schema.index_columns
                  where table_schema = current_schema()
                  group by table_name, index_name) x
                group by table_name, cols
                having count(*) > 1
                order by 1""").fetch(0, String.class);
    }
}
