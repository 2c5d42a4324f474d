package org.deskcrm.service.backup;

import org.deskcrm.persistence.Database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table (except Flyway's history) as vendor-neutral text, sorted: two databases
 * hold identical data when their dumps are equal. Written independently of the backup code.
 */
final class TableDump {
    private TableDump() {
    }

    static Map<String, List<String>> of(Database db) {
        Map<String, List<String>> dump = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            tables.remove("flyway_schema_history");
            for (String t : tables) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    ResultSetMetaData rm = rs.getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= rm.getColumnCount(); i++) {
                        names.add(rm.getColumnName(i));
                    }
                    while (rs.next()) {
                        Map<String, String> row = new TreeMap<>();
                        for (int i = 1; i <= names.size(); i++) {
                            row.put(names.get(i - 1), text(rs.getObject(i)));
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                dump.put(t, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump;
    }

    private static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (v instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof BigDecimal b) {
            return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return String.valueOf(n.longValue());
        }
        return "'" + v + "'";
    }
}
