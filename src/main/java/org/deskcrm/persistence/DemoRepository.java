package org.deskcrm.persistence;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE;
import static org.deskcrm.persistence.jooq.Tables.LOST_REASON;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;
import static org.deskcrm.persistence.jooq.Tables.TAG;
import static org.deskcrm.persistence.jooq.Tables.TASK;
import static org.deskcrm.persistence.jooq.Tables.TEAM;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;

/** What the demo-data generator asks of the database besides {@link BulkWriter}: emptiness, ids, identities. */
public class DemoRepository {
    private final Database db;
    private final DSLContext dsl;

    public DemoRepository(Database db) {
        this.db = db;
        this.dsl = db.dsl();
    }

    /** True when the database holds working data (clients, deals, calls or tasks), not only defaults. */
    public boolean hasWorkingData() {
        return dsl.fetchExists(CLIENT) || dsl.fetchExists(DEAL) || dsl.fetchExists(PHONE_CALL) || dsl.fetchExists(TASK);
    }

    /** The first id after every existing row of a table with an {@code id} column. */
    public long firstFreeId(String table) {
        Field<Long> id = DSL.field(DSL.name(table, "id"), Long.class);
        Long max = dsl.select(DSL.max(id)).from(DSL.table(DSL.name(table))).fetchOne(0, Long.class);
        return max == null ? 1 : max + 1;
    }

    /** Makes the identity of {@code table.id} continue at {@code next} (after rows inserted with explicit ids). */
    public void restartIdentity(String table, long next) {
        if (db.isPostgres()) {
            dsl.resultQuery("select setval(pg_get_serial_sequence({0}, 'id'), {1}, false)",
                    DSL.inline(table), DSL.inline(next)).fetch();
        } else {
            dsl.execute("ALTER TABLE " + identifier(table) + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    /** Deletes the rows whose key column is at least {@code from} (undoing a cancelled generation). */
    public int deleteFrom(String table, String keyColumn, long from) {
        Table<?> t = DSL.table(DSL.name(table));
        return dsl.deleteFrom(t).where(DSL.field(DSL.name(keyColumn), Long.class).ge(from)).execute();
    }

    /**
     * Drops the secondary indexes ({@code ix_...}) of the given tables and returns the statements that
     * recreate them: loading millions of rows and then building each index once is several times
     * faster than keeping every index current row by row. Primary keys and unique constraints stay.
     * On PostgreSQL the foreign keys stay too (they need no index of their own). On H2 every foreign key
     * keeps an index current, so the loaded tables' foreign keys are dropped as well and the returned
     * statements add them again after the indexes (H2 then backs them with the rebuilt ix_ indexes and
     * checks every loaded row against them, so a broken reference still fails the load, at its end).
     */
    public List<String> dropSecondaryIndexes(List<String> tables) {
        List<String> create = new ArrayList<>();
        if (db.isPostgres()) {
            dsl.resultQuery("select indexname, indexdef from pg_indexes where schemaname = current_schema()"
                            + " and tablename = any({0}) and indexname like 'ix\\_%' order by indexname",
                            DSL.val(tables.toArray(new String[0])))
                    .fetch().forEach(r -> {
                        create.add(r.get(1, String.class));
                        dsl.execute("DROP INDEX " + identifier(r.get(0, String.class)));
                    });
            return create;
        }
        List<String> addKeys = dropForeignKeysH2(tables);
        Map<String, String> tableOf = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        // an ix_ index may still back a foreign key of another table; H2 refuses to drop such an index
        List<String> backingConstraints = dsl.resultQuery("select index_name from information_schema.table_constraints"
                + " where table_schema = current_schema() and index_name is not null").fetch(0, String.class);
        dsl.resultQuery("select c.index_name, c.table_name, c.column_name from information_schema.index_columns c"
                        + " where c.table_schema = current_schema() and left(c.index_name, 3) = 'ix_'"
                        + " order by c.index_name, c.ordinal_position")
                .fetch().forEach(r -> {
                    String table = r.get(1, String.class);
                    String index = r.get(0, String.class);
                    if (tables.contains(table) && !backingConstraints.contains(index)) {
                        tableOf.put(index, table);
                        columns.computeIfAbsent(index, k -> new ArrayList<>()).add(identifier(r.get(2, String.class)));
                    }
                });
        for (Map.Entry<String, String> e : tableOf.entrySet()) {
            String index = identifier(e.getKey());
            create.add("CREATE INDEX " + index + " ON " + identifier(e.getValue()) + " ("
                    + String.join(", ", columns.get(e.getKey())) + ")");
            dsl.execute("DROP INDEX " + index);
        }
        create.addAll(addKeys);
        return create;
    }

    /** Drops the foreign keys of the tables (H2) and returns the statements that add them again. */
    private List<String> dropForeignKeysH2(List<String> tables) {
        List<String> add = new ArrayList<>();
        dsl.resultQuery("""
                        select tc.table_name, tc.constraint_name, k.column_name, rk.table_name, rk.column_name, rc.delete_rule
                        from information_schema.table_constraints tc
                        join information_schema.referential_constraints rc
                          on rc.constraint_schema = tc.constraint_schema and rc.constraint_name = tc.constraint_name
                        join information_schema.key_column_usage k
                          on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
                        join information_schema.key_column_usage rk
                          on rk.constraint_schema = rc.unique_constraint_schema
                         and rk.constraint_name = rc.unique_constraint_name
                         and rk.ordinal_position = k.position_in_unique_constraint
                        where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'
                        order by tc.table_name, tc.constraint_name""")
                .fetch().forEach(r -> {
                    String table = r.get(0, String.class);
                    if (!tables.contains(table)) {
                        return;
                    }
                    String name = identifier(r.get(1, String.class));
                    String onDelete = "CASCADE".equals(r.get(5, String.class)) ? " ON DELETE CASCADE" : "";
                    add.add("ALTER TABLE " + identifier(table) + " ADD CONSTRAINT " + name + " FOREIGN KEY ("
                            + identifier(r.get(2, String.class)) + ") REFERENCES " + identifier(r.get(3, String.class))
                            + " (" + identifier(r.get(4, String.class)) + ")" + onDelete);
                    dsl.execute("ALTER TABLE " + identifier(table) + " DROP CONSTRAINT " + name);
                });
        return add;
    }

    /** Runs the statements {@link #dropSecondaryIndexes} returned (skipping indexes and keys that exist again). */
    public void createIndexes(List<String> statements) {
        for (String ddl : statements) {
            if (ddl.startsWith("ALTER TABLE ") && constraintExists(ddl.split(" ")[5])) {
                continue;
            }
            dsl.execute(ddl.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
        }
    }

    private boolean constraintExists(String name) {
        return dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("information_schema", "table_constraints")))
                .where(DSL.field(DSL.name("constraint_name")).eq(name))
                .and(DSL.field(DSL.name("table_schema")).eq(DSL.field("current_schema()"))));
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected identifier: " + name);
        }
        return name;
    }

    /** Lead source ids in creation order (the defaults' order: website, cold call, referral, ...). */
    public List<Long> leadSourceIds() {
        return dsl.select(LEAD_SOURCE.ID).from(LEAD_SOURCE).where(LEAD_SOURCE.ACTIVE.isTrue())
                .orderBy(LEAD_SOURCE.ID).fetch(LEAD_SOURCE.ID);
    }

    /** Lost reason ids in their configured order. */
    public List<Long> lostReasonIds() {
        return dsl.select(LOST_REASON.ID).from(LOST_REASON).where(LOST_REASON.ACTIVE.isTrue())
                .orderBy(LOST_REASON.SORT_ORDER, LOST_REASON.ID).fetch(LOST_REASON.ID);
    }

    public Map<String, Long> productIdsBySku() {
        Map<String, Long> m = new LinkedHashMap<>();
        dsl.select(PRODUCT.SKU, PRODUCT.ID).from(PRODUCT).where(PRODUCT.SKU.isNotNull())
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public Map<String, Long> tagIdsByName() {
        Map<String, Long> m = new LinkedHashMap<>();
        dsl.select(TAG.NAME, TAG.ID).from(TAG).forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public boolean loginExists(String login) {
        return dsl.fetchExists(APP_USER, APP_USER.LOGIN.eq(login));
    }

    public boolean teamExists(String name) {
        return dsl.fetchExists(TEAM, TEAM.NAME.eq(name));
    }

    /** Row counts of the given tables. */
    public Map<String, Long> counts(List<String> tables) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, (long) dsl.fetchCount(DSL.table(DSL.name(t))));
        }
        return m;
    }
}
