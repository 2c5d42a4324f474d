package org.deskcrm.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for the benchmark's own look-ups and floors (the app's SQL stays in persistence). */
final class Sql {
    private Sql() {
    }

    static List<String> strings(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs a statement with the given parameters and reads every row and column of its result (the floor of a report). */
    static long drain(Connection c, String sql, Object... params) throws SQLException {
        long cells = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            if (!ps.execute()) { // not a query: nothing to read
                return 0;
            }
            try (ResultSet rs = ps.getResultSet()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int k = 1; k <= cols; k++) {
                        rs.getObject(k);
                        cells++;
                    }
                }
            }
        }
        return cells;
    }
}
