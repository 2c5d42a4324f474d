package org.deskcrm.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the indexes and constraints (primary, unique, foreign keys, checks) of one schema as
 * {@link SchemaObject}s with a definition that does not depend on the schema's name, so that the
 * objects of the live schema compare with those of a reference schema built from the migrations.
 * H2 gives them as its own DDL ({@code SCRIPT NODATA}); PostgreSQL through its catalog.
 */
final class SchemaObjects {
    /** Flyway's bookkeeping is not part of the application's schema. */
    private static final String FLYWAY_TABLE = "flyway_schema_history";
    private static final Pattern H2_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX \"([^\"]+)\" ON \"([^\"]+)\"(.*)$",
            Pattern.DOTALL);
    private static final Pattern H2_CONSTRAINT = Pattern.compile("^ALTER TABLE \"([^\"]+)\" ADD CONSTRAINT \"([^\"]+)\" (.*)$",
            Pattern.DOTALL);
    /** Names H2 makes up for unnamed constraints: they differ between two databases built alike. */
    private static final Pattern H2_SYSTEM_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+");

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

    static Map<String, SchemaObject> h2(Connection c) throws SQLException {
        Map<String, SchemaObject> objects = new LinkedHashMap<>();
        String schema = c.getSchema();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS SCHEMA \"" + schema + "\"")) {
            while (rs.next()) {
                String line = rs.getString(1).strip();
                if (line.endsWith(";")) {
                    line = line.substring(0, line.length() - 1);
                }
                // unqualified (the reference lives in another database) and checked when run again
                line = line.replace("\"" + schema + "\".", "");
                if (line.endsWith(" NOCHECK")) {
                    line = line.substring(0, line.length() - " NOCHECK".length());
                }
                SchemaObject o = null;
                Matcher m = H2_INDEX.matcher(line);
                Matcher k = H2_CONSTRAINT.matcher(line);
                if (m.matches()) {
                    String name = m.group(2);
                    o = new SchemaObject("index", m.group(3), name, (m.group(1) == null ? "" : "unique ") + m.group(4),
                            line, "DROP INDEX \"" + name + "\"");
                } else if (k.matches()) {
                    String table = k.group(1);
                    String name = k.group(2);
                    boolean system = H2_SYSTEM_NAME.matcher(name).matches();
                    String definition = k.group(3);
                    String create = system ? "ALTER TABLE \"" + table + "\" ADD " + definition : line;
                    o = new SchemaObject(kind(definition), table, system ? null : name, definition, create,
                            "ALTER TABLE \"" + table + "\" DROP CONSTRAINT \"" + name + "\"");
                }
                if (o != null && !o.table().equals(FLYWAY_TABLE)) {
                    objects.put(o.key(), o);
                }
            }
        }
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
