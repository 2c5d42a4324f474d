package org.deskcrm.persistence.totals;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The writing every register of stored totals shares ({@link DealTotals}, {@link CallTotals}): adding the
 * differences a change made to the stored rows, and replacing every row by a rebuild's, counting the rows that
 * differed. A register says how its rows are laid out through {@link Rows}; the statements are written once
 * per register and run as prepared JDBC batches, so a change of thousands of rows (an import) is parsed once,
 * not once per row.
 */
final class Registers {
    private static final int BATCH = 500;

    /** How one register's table is laid out and its figures compared (K the key, C the figures of a row). */
    interface Rows<K, C> {
        String table();

        /** The primary key's columns, in the order of {@link #key}. */
        List<String> keyColumns();

        /** The figure columns, in the order of {@link #figures}; the first counts records (0: the row is empty). */
        List<String> figureColumns();

        Object[] key(K key);

        Object[] figures(C cell);

        boolean zero(C cell);

        /** The difference takes records out of the row (it may be left empty). */
        boolean shrinks(C delta);

        boolean same(C a, C b);
    }

    /** The layout of a register whose rows hold one count (the first and only figure column). */
    abstract static class CountRows<K> implements Rows<K, Long> {
        @Override
        public Object[] figures(Long n) {
            return new Object[]{n};
        }

        @Override
        public boolean zero(Long n) {
            return n == 0;
        }

        @Override
        public boolean shrinks(Long n) {
            return n < 0;
        }

        @Override
        public boolean same(Long a, Long b) {
            return a.equals(b);
        }
    }

    /** The four statements of a register, written from its layout. */
    record Statements(String update, String insert, String upsert, String drop) {
        static Statements of(Rows<?, ?> rows) {
            String t = rows.table();
            String where = String.join(" AND ", rows.keyColumns().stream().map(c -> c + " = ?").toList());
            String add = String.join(", ", rows.figureColumns().stream().map(c -> c + " = " + c + " + ?").toList());
            List<String> all = new ArrayList<>(rows.keyColumns());
            all.addAll(rows.figureColumns());
            String insert = "INSERT INTO " + t + " (" + String.join(", ", all) + ") VALUES ("
                    + String.join(", ", all.stream().map(c -> "?").toList()) + ")";
            String upsert = insert + " ON CONFLICT (" + String.join(", ", rows.keyColumns()) + ") DO UPDATE SET "
                    + String.join(", ", rows.figureColumns().stream().map(c -> c + " = " + t + "." + c + " + EXCLUDED." + c)
                    .toList());
            return new Statements("UPDATE " + t + " SET " + add + " WHERE " + where, insert, upsert,
                    "DELETE FROM " + t + " WHERE " + where + " AND " + rows.figureColumns().get(0) + " = 0");
        }
    }

    /** Each register's statements, written the first time it writes (a table's layout never changes). */
    private static final Map<String, Statements> STATEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private Registers() {
    }

    /** Bounds for the zone's SQL name (a fixed offset needs a region steady over them). */
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("1990-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("2100-01-01T00:00:00Z");

    /**
     * The business day (yyyymmdd) a register files a record under: one expression for every register and for
     * both ways a contribution is read (a deal's row, the grouped query of a rebuild), so none cuts days otherwise.
     */
    static org.jooq.Field<Integer> businessDay(org.jooq.Field<?> at, java.time.ZoneId zone) {
        return org.deskcrm.persistence.report.BusinessDays.dayNumber(at, zone, EARLIEST, LATEST);
    }

    private static Statements statements(Rows<?, ?> rows) {
        return STATEMENTS.computeIfAbsent(rows.table(), t -> Statements.of(rows));
    }

    /**
     * Adds the non-zero differences to the stored rows and drops rows left empty. PostgreSQL adds with
     * {@code INSERT … ON CONFLICT DO UPDATE}; on H2 (whose MERGE was not planned on the primary key: a deal
     * move took 4× as long) it updates by key and inserts the keys no row had.
     */
    static <K, C> void apply(DSLContext dsl, Map<K, C> delta, Rows<K, C> rows) {
        List<Map.Entry<K, C>> changes = delta.entrySet().stream().filter(e -> !rows.zero(e.getValue())).toList();
        if (changes.isEmpty()) {
            return;
        }
        Statements sql = statements(rows);
        boolean postgres = dsl.dialect().family() == SQLDialect.POSTGRES;
        int[] counts = postgres
                ? run(dsl, sql.upsert(), changes, e -> concat(rows.key(e.getKey()), rows.figures(e.getValue())))
                : run(dsl, sql.update(), changes, e -> concat(rows.figures(e.getValue()), rows.key(e.getKey())));
        if (!postgres) {
            List<Map.Entry<K, C>> missing = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                if (counts[i] == 0) {
                    missing.add(changes.get(i));
                }
            }
            run(dsl, sql.insert(), missing, e -> concat(rows.key(e.getKey()), rows.figures(e.getValue())));
        }
        // a drop touches its own key only, so dropping after every insert drops what it did before
        run(dsl, sql.drop(), changes.stream().filter(e -> rows.shrinks(e.getValue())).toList(),
                e -> rows.key(e.getKey()));
    }

    /**
     * The steps of every register's rebuild, in the caller's transaction: the rows computed from the records, the
     * stored rows, both compared and the stored ones replaced, and the register recorded as built on
     * {@code basis} (its zone, and for the call totals the first-call window). Repairs are reported only when the
     * register was already built on the same basis ({@code before}): a first build or a new zone repairs nothing.
     */
    static <K, C, B> DealTotals.Rebuild rebuild(DSLContext dsl, Rows<K, C> rows, Optional<B> before, B basis,
                                               Supplier<Map<K, C>> fresh, Supplier<Map<K, C>> stored,
                                               Runnable built, Consumer<String> progress) {
        progress.accept("totals.step.read");
        Map<K, C> computed = fresh.get();
        progress.accept("totals.step.compare");
        Map<K, C> kept = stored.get();
        progress.accept("totals.step.write");
        int repaired = replace(dsl, computed, kept, rows);
        built.run();
        boolean wasBuilt = before.filter(basis::equals).isPresent();
        return new DealTotals.Rebuild(computed.size(), wasBuilt ? repaired : 0, wasBuilt);
    }

    /**
     * Replaces every row of the table by the rebuild's and returns how many stored rows differed from them
     * (missing, other figures, or extra non-empty rows).
     */
    static <K, C> int replace(DSLContext dsl, Map<K, C> fresh, Map<K, C> stored, Rows<K, C> rows) {
        return replace(dsl, fresh, stored, rows, null);
    }

    /**
     * {@link #replace(DSLContext, Map, Map, Rows)} for the rows {@code part} selects (all when null): {@code stored}
     * holds those rows, and only they are deleted and written again.
     */
    static <K, C> int replace(DSLContext dsl, Map<K, C> fresh, Map<K, C> stored, Rows<K, C> rows,
                              org.jooq.Condition part) {
        int repaired = 0;
        for (Map.Entry<K, C> e : fresh.entrySet()) {
            C s = stored.remove(e.getKey());
            if (s == null || !rows.same(s, e.getValue())) {
                repaired++;
            }
        }
        repaired += (int) stored.values().stream().filter(c -> !rows.zero(c)).count();
        if (part == null) {
            dsl.execute("DELETE FROM " + rows.table());
        } else {
            dsl.deleteFrom(org.jooq.impl.DSL.table(rows.table())).where(part).execute();
        }
        // in the primary key's order: H2 stores a table's rows in the order they come, so a period's range of the
        // key then lies on neighbouring pages, and appending to a B-tree is cheaper than inserting all over it
        List<Map.Entry<K, C>> ordered = new ArrayList<>(fresh.entrySet());
        ordered.sort((a, b) -> compareKeys(rows.key(a.getKey()), rows.key(b.getKey())));
        run(dsl, statements(rows).insert(), ordered, e -> concat(rows.key(e.getKey()), rows.figures(e.getValue())));
        return repaired;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = ((Comparable) a[i]).compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Runs one statement for each item, bound by {@code binds}, in JDBC batches; returns the update counts. */
    static <T> int[] run(DSLContext dsl, String sql, List<T> items, Function<T, Object[]> binds) {
        int[] counts = new int[items.size()];
        if (items.isEmpty()) {
            return counts;
        }
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (items.size() == 1) {
                    bind(ps, binds.apply(items.get(0)));
                    counts[0] = ps.executeUpdate();
                    return;
                }
                for (int from = 0; from < items.size(); from += BATCH) {
                    int to = Math.min(items.size(), from + BATCH);
                    for (T item : items.subList(from, to)) {
                        bind(ps, binds.apply(item));
                        ps.addBatch();
                    }
                    int[] part = ps.executeBatch();
                    System.arraycopy(part, 0, counts, from, part.length);
                }
            }
        });
        return counts;
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
