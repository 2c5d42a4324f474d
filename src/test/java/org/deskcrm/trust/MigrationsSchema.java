package org.deskcrm.trust;

import org.deskcrm.persistence.Database;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The schema an H2 database must have, taken from the migrations themselves (applied by Flyway to a
 * fresh in-memory H2), never from the database under test: its index and constraint statements as H2
 * writes them ({@code SCRIPT NODATA}), with the names H2 makes up for unnamed constraints blanked.
 * {@link #problems} lists what a database lacks or has different, and identities not ahead of their
 * table's highest id. (Written independently of the application's INFORMATION_SCHEMA reading.)
 */
final class MigrationsSchema {
    private static Set<String> expected;

    private MigrationsSchema() {
    }

    static synchronized Set<String> expected() throws SQLException {
        if (expected == null) {
            String url = "jdbc:h2:mem:expected-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
                Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                        .load().migrate();
                expected = statements(keep);
            }
        }
        return expected;
    }

    static Set<String> statements(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT NODATA NOSETTINGS")) {
            while (rs.next()) {
                String line = rs.getString(1).strip().replace("\"public\".", "").replaceAll(";$", "")
                        .replaceAll(" NOCHECK$", "").replaceAll("\"CONSTRAINT_[0-9A-F]+\"", "\"CONSTRAINT_?\"");
                boolean object = line.startsWith("CREATE INDEX ") || line.startsWith("CREATE UNIQUE INDEX ")
                        || line.matches("ALTER TABLE \"[a-z_0-9]+\" ADD CONSTRAINT .*");
                if (object && !line.contains("\"flyway_schema_history\"")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** What differs from the migrations' schema, and identities that would hand out a used id. */
    static List<String> problems(Database db) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            Set<String> actual = statements(c);
            for (String e : expected()) {
                if (!actual.contains(e)) {
                    problems.add("missing: " + e);
                }
            }
            for (String a : actual) {
                if (!expected().contains(a)) {
                    problems.add("not in the migrations: " + a);
                }
            }
            Map<String, Long> next = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, identity_base FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
                while (rs.next()) {
                    next.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (Map.Entry<String, Long> e : next.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM \"" + e.getKey() + "\"")) {
                    rs.next();
                    if (e.getValue() <= rs.getLong(1)) {
                        problems.add("identity of " + e.getKey() + " at " + e.getValue() + ", highest id " + rs.getLong(1));
                    }
                }
            }
        }
        return problems;
    }
}
