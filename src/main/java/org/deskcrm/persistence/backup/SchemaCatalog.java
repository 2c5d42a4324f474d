package org.deskcrm.persistence.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the application's tables from the JDBC metadata of the current schema (so tables added by
 * later migrations are backed up without code changes) and orders them so that every table comes
 * after the tables it references. Foreign keys that close a cycle are nullable by design; they are
 * marked as deferred: loaded as NULL first and set once every row exists.
 */
final class SchemaCatalog {
    /** Flyway's own bookkeeping is not data; the schema version is stored in the manifest instead. */
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history");

    private SchemaCatalog() {
    }

    static List<TableShape> read(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, List<TableShape.Column>> columns = new TreeMap<>();
        Map<String, Boolean> identity = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (!SKIPPED.contains(t.toLowerCase(Locale.ROOT))) {
                    columns.put(t, new ArrayList<>());
                }
            }
        }
        for (String t : columns.keySet()) {
            boolean hasIdentity = false;
            try (ResultSet rs = md.getColumns(null, schema, t, "%")) {
                List<Object[]> cols = new ArrayList<>();
                while (rs.next()) {
                    if ("YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"))) {
                        continue; // computed by the database from the other columns (sale.unpaid): never written
                    }
                    cols.add(new Object[]{rs.getInt("ORDINAL_POSITION"), new TableShape.Column(rs.getString("COLUMN_NAME"),
                            ValueKind.of(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls)});
                    hasIdentity |= "id".equals(rs.getString("COLUMN_NAME"))
                            && "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                }
                cols.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
                cols.forEach(o -> columns.get(t).add((TableShape.Column) o[1]));
            }
            identity.put(t, hasIdentity);
        }
        Map<String, Map<String, String>> references = new TreeMap<>(); // table -> fk column -> referenced table
        Map<String, List<String>> keys = new TreeMap<>();
        for (String t : columns.keySet()) {
            Map<String, String> refs = new LinkedHashMap<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, t)) {
                while (rs.next()) {
                    refs.put(rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"));
                }
            }
            references.put(t, refs);
            TreeMap<Short, String> pk = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(null, schema, t)) {
                while (rs.next()) {
                    pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            keys.put(t, new ArrayList<>(pk.values()));
        }
        return order(columns, references, keys, identity);
    }

    /** Kahn's algorithm; when only cycles remain, a nullable foreign key of a remaining table is deferred. */
    private static List<TableShape> order(Map<String, List<TableShape.Column>> columns,
                                          Map<String, Map<String, String>> references,
                                          Map<String, List<String>> keys, Map<String, Boolean> identity) {
        Map<String, Set<String>> deferred = new TreeMap<>();
        columns.keySet().forEach(t -> deferred.put(t, new HashSet<>()));
        // a table referencing itself: the column is always filled in after the load
        references.forEach((t, refs) -> refs.forEach((col, target) -> {
            if (target.equals(t)) {
                deferred.get(t).add(col);
            }
        }));
        List<String> ordered = new ArrayList<>();
        Set<String> remaining = new LinkedHashSet<>(columns.keySet());
        while (!remaining.isEmpty()) {
            String next = null;
            for (String t : remaining) {
                boolean ready = true;
                for (Map.Entry<String, String> e : references.get(t).entrySet()) {
                    if (remaining.contains(e.getValue()) && !deferred.get(t).contains(e.getKey())) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    next = t;
                    break;
                }
            }
            if (next == null && !breakCycle(remaining, columns, references, deferred)) {
                throw new IllegalStateException("Foreign keys form a cycle of NOT NULL columns: " + remaining);
            }
            if (next != null) {
                ordered.add(next);
                remaining.remove(next);
            }
        }
        List<TableShape> shapes = new ArrayList<>();
        for (String t : ordered) {
            shapes.add(new TableShape(t, columns.get(t), keys.get(t), identity.get(t), deferred.get(t)));
        }
        return shapes;
    }

    private static boolean breakCycle(Set<String> remaining, Map<String, List<TableShape.Column>> columns,
                                      Map<String, Map<String, String>> references, Map<String, Set<String>> deferred) {
        for (String t : remaining) {
            for (Map.Entry<String, String> e : references.get(t).entrySet()) {
                String col = e.getKey();
                boolean nullable = columns.get(t).stream().anyMatch(c -> c.name().equals(col) && c.nullable());
                if (remaining.contains(e.getValue()) && nullable && !deferred.get(t).contains(col)) {
                    deferred.get(t).add(col);
                    return true;
                }
            }
        }
        return false;
    }
}
