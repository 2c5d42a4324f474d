package org.deskcrm.persistence.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The schema version of a database (Flyway's history) and Flyway-style version comparison. */
public final class SchemaVersions {
    private SchemaVersions() {
    }

    static String current(Connection c) throws SQLException {
        String best = "0";
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                if (compare(rs.getString(1), best) > 0) {
                    best = rs.getString(1);
                }
            }
        }
        return best;
    }

    /** Compares "13" with "2.1" part by part as numbers, as Flyway orders versions. */
    public static int compare(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
