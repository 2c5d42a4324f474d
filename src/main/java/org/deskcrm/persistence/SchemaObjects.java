package org.deskcrm.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the indexes and constraints (primary, unique, foreign keys, checks) of one schema as
 * {@link SchemaObject}s with a definition that does not depend on the schema's name, so that the
 * objects of the live schema compare with those of a reference schema built from the migrations.
 * H2 gives them through INFORMATION_SCHEMA; PostgreSQL through its catalog.
 */
final class SchemaObjects {
    /** Flyway's bookkeeping is not part of the application's schema. */
    private static final String FLYWAY_TABLE = "flyway_schema_history";
    /** Names H2 makes up for unnamed constraints: they differ between two databases built alike. */
    private static final Pattern H2_SYSTEM_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+(_[0-9]+)?");

    /** One index or constraint: its kind, table, name, comparable definition and the DDL to create or drop it. */
    record SchemaObject(String kind, String table, String name, String definition, String create, String drop) {
        /** How objects are matched: by name, except names the database made up, which match by definition. */
        String key() {
            return name == null ? kind + " " + table + " " + definition : name;
        }

        String label() {
            return kind + " " + (name == null ? definition : name) + " on " + table;
        }
    }

    private SchemaObjects() {
    }

    /** The objects of the connection's current schema, in creation order (indexes before the keys they back). */
    static Map<String, SchemaObject> read(Connection c, boolean postgres) throws SQLException {
        return postgres ? postgres(c, c.getSchema()) : h2(c);
    }

    /** H2, from INFORMATION_SCHEMA, with the DDL that creates each object again. */
    static Map<String, SchemaObject> h2(Connection c) throws SQLException {
        Map<String, String> tableOf = new LinkedHashMap<>();
        Map<String, String> typeOf = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT constraint_name, constraint_type,"
                + " table_name FROM information_schema.table_constraints WHERE table_schema = current_schema()"
                + " ORDER BY CASE constraint_type WHEN 'FOREIGN KEY' THEN 1 ELSE 0 END, table_name, constraint_name")) {
            while (rs.next()) {
                typeOf.put(rs.getString(1), rs.getString(2));
                tableOf.put(rs.getString(1), rs.getString(3));
            }
        }
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT constraint_name, column_name"
                + " FROM information_schema.key_column_usage WHERE table_schema = current_schema()"
                + " ORDER BY constraint_name, ordinal_position")) {
            while (rs.next()) {
                keyColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(quote(rs.getString(2)));
            }
        }
        Map<String, String> checks = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT constraint_name, check_clause"
                + " FROM information_schema.check_constraints WHERE constraint_schema = current_schema()")) {
            while (rs.next()) {
                checks.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, String[]> references = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT constraint_name, unique_constraint_name,"
                + " delete_rule FROM information_schema.referential_constraints WHERE constraint_schema = current_schema()")) {
            while (rs.next()) {
                references.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
            }
        }
        Map<String, SchemaObject> objects = new LinkedHashMap<>();
        List<SchemaObject> foreignKeys = new ArrayList<>();
        for (Map.Entry<String, String> e : typeOf.entrySet()) {
            String name = e.getKey();
            String table = tableOf.get(name);
            if (table.equals(FLYWAY_TABLE)) {
                continue;
            }
            String cols = String.join(", ", keyColumns.getOrDefault(name, List.of()));
            String definition = switch (e.getValue()) {
                case "PRIMARY KEY" -> "PRIMARY KEY (" + cols + ")";
                case "UNIQUE" -> "UNIQUE (" + cols + ")";
                case "CHECK" -> "CHECK (" + checks.get(name) + ")";
                case "FOREIGN KEY" -> {
                    String[] ref = references.get(name);
                    String rule = "NO ACTION".equals(ref[1]) || "RESTRICT".equals(ref[1]) ? "" : " ON DELETE " + ref[1];
                    yield "FOREIGN KEY (" + cols + ") REFERENCES " + quote(tableOf.get(ref[0])) + " ("
                            + String.join(", ", keyColumns.get(ref[0])) + ")" + rule;
                }
                default -> null;
            };
            if (definition == null) {
                continue;
            }
            boolean system = H2_SYSTEM_NAME.matcher(name).matches();
            SchemaObject o = new SchemaObject(kind(definition), table, system ? null : name, definition,
                    "ALTER TABLE " + quote(table) + " ADD " + (system ? "" : "CONSTRAINT " + quote(name) + " ") + definition,
                    "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name));
            if (e.getValue().equals("FOREIGN KEY")) {
                foreignKeys.add(o); // after the indexes: H2 then backs a foreign key with its ix_ index
            } else {
                objects.put(o.key(), o);
            }
        }
        Map<String, String> indexTable = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT index_name, table_name, index_type_name"
                + " FROM information_schema.indexes WHERE table_schema = current_schema() AND NOT is_generated"
                + " ORDER BY table_name, index_name")) {
            while (rs.next()) {
                indexTable.put(rs.getString(1), rs.getString(2));
                unique.put(rs.getString(1), rs.getString(3).startsWith("UNIQUE"));
            }
        }
        Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT index_name, column_name,"
                + " ordering_specification, null_ordering FROM information_schema.index_columns"
                + " WHERE table_schema = current_schema() ORDER BY index_name, ordinal_position")) {
            while (rs.next()) {
                String nulls = rs.getString(4);
                indexColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(quote(rs.getString(2)) + " "
                        + rs.getString(3) + (nulls == null ? "" : " NULLS " + nulls));
            }
        }
        for (Map.Entry<String, String> e : indexTable.entrySet()) {
            if (e.getValue().equals(FLYWAY_TABLE)) {
                continue;
            }
            String name = e.getKey();
            String definition = (unique.get(name) ? "UNIQUE " : "") + "(" + String.join(", ", indexColumns.get(name)) + ")";
            objects.put(name, new SchemaObject("index", e.getValue(), name, definition,
                    "CREATE " + (unique.get(name) ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(e.getValue())
                            + " (" + String.join(", ", indexColumns.get(name)) + ")",
                    "DROP INDEX " + quote(name)));
        }
        foreignKeys.forEach(o -> objects.put(o.key(), o));
        return objects;
    }

    private static String kind(String definition) {
        if (definition.startsWith("PRIMARY KEY")) {
            return "primary key";
        }
        if (definition.startsWith("FOREIGN KEY")) {
            return "foreign key";
        }
        if (definition.startsWith("UNIQUE")) {
            return "unique key";
        }
        return definition.startsWith("CHECK") ? "check" : "constraint";
    }

    static Map<String, SchemaObject> postgres(Connection c, String schema) throws SQLException {
        Map<String, SchemaObject> objects = new LinkedHashMap<>();
        String constraints = """
                select con.conname, cl.relname, con.contype, pg_get_constraintdef(con.oid)
                from pg_constraint con
                join pg_class cl on cl.oid = con.conrelid
                join pg_namespace n on n.oid = cl.relnamespace
                where n.nspname = ? and con.contype in ('p', 'u', 'f', 'c') and cl.relname <> ?
                order by case con.contype when 'f' then 1 else 0 end, cl.relname, con.conname""";
        Map<String, SchemaObject> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(constraints)) {
            ps.setString(1, schema);
            ps.setString(2, FLYWAY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String table = rs.getString(2);
                    String definition = unqualified(rs.getString(4), schema);
                    String kind = switch (rs.getString(3)) {
                        case "p" -> "primary key";
                        case "u" -> "unique key";
                        case "f" -> "foreign key";
                        default -> "check";
                    };
                    keys.put(name, new SchemaObject(kind, table, name, definition,
                            "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name) + " " + definition,
                            "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name)));
                }
            }
        }
        String indexes = """
                select i.indexname, i.tablename, i.indexdef from pg_indexes i
                where i.schemaname = ? and i.tablename <> ?
                  and not exists (select 1 from pg_constraint con join pg_namespace n on n.oid = con.connamespace
                                  where n.nspname = i.schemaname and con.conname = i.indexname)
                order by i.tablename, i.indexname""";
        // primary and unique keys first (a foreign key needs its target's key), then indexes, then foreign keys
        keys.values().stream().filter(o -> !o.kind().equals("foreign key")).forEach(o -> objects.put(o.key(), o));
        try (PreparedStatement ps = c.prepareStatement(indexes)) {
            ps.setString(1, schema);
            ps.setString(2, FLYWAY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String definition = unqualified(rs.getString(3), schema);
                    objects.put(name, new SchemaObject("index", rs.getString(2), name, definition, definition,
                            "DROP INDEX " + quote(name)));
                }
            }
        }
        keys.values().stream().filter(o -> o.kind().equals("foreign key")).forEach(o -> objects.put(o.key(), o));
        return objects;
    }

    private static String unqualified(String ddl, String schema) {
        return ddl.replace("\"" + schema + "\".", "").replace(schema + ".", "");
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
