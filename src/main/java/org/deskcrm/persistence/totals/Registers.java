package org.deskcrm.persistence.totals;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The writing every register of stored totals shares ({@link DealTotals}, {@link CallTotals}): adding the
 * differences a change made to the stored rows, and replacing every row by a rebuild's, counting the rows that
 * differed. A register says how its rows are written through {@link Rows}.
 */
final class Registers {
    private static final int BATCH = 500;

    /** How one register writes and compares its rows (K the key, C the figures of a row). */
    interface Rows<K, C> {
        /** Adds a difference to the row, inserting it when missing (PostgreSQL: {@code INSERT … ON CONFLICT}). */
        Query upsert(K key, C delta);

        /** Adds a difference to an existing row (H2; the keys no row had are inserted after). */
        Query update(K key, C delta);

        Query insert(K key, C cell);

        /** Deletes the row when nothing is left in it. */
        Query dropIfEmpty(K key);

        boolean zero(C cell);

        /** The difference takes records out of the row (it may be left empty). */
        boolean shrinks(C delta);

        boolean same(C a, C b);
    }

    private Registers() {
    }

    /**
     * Adds the non-zero differences to the stored rows and drops rows left empty. PostgreSQL adds with
     * {@code INSERT … ON CONFLICT DO UPDATE}; on H2 the MERGE that jOOQ writes for it was not planned on the
     * primary key (a deal move took 4× as long), so H2 updates by key and inserts the keys no row had.
     */
    static <K, C> void apply(DSLContext dsl, Map<K, C> delta, Rows<K, C> rows) {
        List<Map.Entry<K, C>> changes = delta.entrySet().stream().filter(e -> !rows.zero(e.getValue())).toList();
        if (changes.isEmpty()) {
            return;
        }
        boolean postgres = dsl.dialect().family() == SQLDialect.POSTGRES;
        List<Query> writes = new ArrayList<>();
        for (Map.Entry<K, C> e : changes) {
            writes.add(postgres ? rows.upsert(e.getKey(), e.getValue()) : rows.update(e.getKey(), e.getValue()));
        }
        int[] counts = execute(dsl, writes);
        List<Query> more = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!postgres && counts[i] == 0) {
                more.add(rows.insert(changes.get(i).getKey(), changes.get(i).getValue()));
            }
            if (rows.shrinks(changes.get(i).getValue())) {
                more.add(rows.dropIfEmpty(changes.get(i).getKey()));
            }
        }
        execute(dsl, more);
    }

    /**
     * Replaces every row of the table by the rebuild's and returns how many stored rows differed from them
     * (missing, other figures, or extra non-empty rows).
     */
    static <K, C> int replace(DSLContext dsl, Table<?> table, Map<K, C> fresh, Map<K, C> stored, Rows<K, C> rows) {
        int repaired = 0;
        for (Map.Entry<K, C> e : fresh.entrySet()) {
            C s = stored.remove(e.getKey());
            if (s == null || !rows.same(s, e.getValue())) {
                repaired++;
            }
        }
        repaired += (int) stored.values().stream().filter(c -> !rows.zero(c)).count();
        dsl.deleteFrom(table).execute();
        List<Query> inserts = new ArrayList<>();
        for (Map.Entry<K, C> e : fresh.entrySet()) {
            inserts.add(rows.insert(e.getKey(), e.getValue()));
        }
        execute(dsl, inserts);
        return repaired;
    }

    /** Runs the statements in JDBC batches of {@value #BATCH} (one alone as it is) and returns their counts. */
    static int[] execute(DSLContext dsl, List<Query> queries) {
        if (queries.size() == 1) {
            return new int[]{queries.get(0).execute()};
        }
        int[] counts = new int[queries.size()];
        for (int i = 0; i < queries.size(); i += BATCH) {
            int[] part = dsl.batch(queries.subList(i, Math.min(queries.size(), i + BATCH))).execute();
            System.arraycopy(part, 0, counts, i, part.length);
        }
        return counts;
    }
}
