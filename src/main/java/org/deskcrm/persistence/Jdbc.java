package org.deskcrm.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Small helpers for the plain-JDBC batch writes of the bulk paths (imports). */
public final class Jdbc {
    private Jdbc() {
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Reads the generated ids of the batch rows {@code from..to} (in batch order) into {@code ids}. */
    public static void readIds(PreparedStatement ps, long[] ids, int from, int to) throws SQLException {
        int i = from;
        try (ResultSet keys = ps.getGeneratedKeys()) {
            while (keys.next() && i < to) {
                ids[i++] = keys.getLong(1);
            }
        }
        if (i != to) {
            throw new SQLException("generated keys: " + (i - from) + " of " + (to - from));
        }
    }
}
