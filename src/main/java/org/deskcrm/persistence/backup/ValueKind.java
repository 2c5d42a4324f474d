package org.deskcrm.persistence.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;

/**
 * How a column's values are written into a backup as text and read back, the same on H2 and
 * PostgreSQL: whole numbers as digits, decimals in plain notation, instants as ISO-8601 with offset,
 * dates and times as ISO-8601, bytes as Base64. The text form is vendor-neutral, so a backup taken
 * on one database restores into the other.
 */
public enum ValueKind {
    INTEGER, DECIMAL, BOOLEAN, TEXT, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, BINARY;

    /** The kind of a column from its JDBC type and the database's own type name. */
    static ValueKind of(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.contains("timestamptz") || name.contains("with time zone") && name.contains("timestamp")) {
            return TIMESTAMP_TZ;
        }
        return switch (jdbcType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> DECIMAL;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> TEXT;
        };
    }

    /** Reads column {@code i} of the current row as backup text; null stays null. */
    String read(ResultSet rs, int i) throws SQLException {
        Object v = switch (this) {
            case INTEGER -> {
                long n = rs.getLong(i);
                yield rs.wasNull() ? null : n;
            }
            case DECIMAL -> rs.getBigDecimal(i);
            case BOOLEAN -> {
                boolean b = rs.getBoolean(i);
                yield rs.wasNull() ? null : b;
            }
            case DATE -> rs.getObject(i, LocalDate.class);
            case TIME -> rs.getObject(i, LocalTime.class);
            case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case TIMESTAMP_TZ -> rs.getObject(i, OffsetDateTime.class);
            case BINARY -> rs.getBytes(i);
            case TEXT -> rs.getString(i);
        };
        if (v == null) {
            return null;
        }
        return switch (this) {
            case DECIMAL -> ((BigDecimal) v).toPlainString();
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) v);
            default -> v.toString();
        };
    }

    /** Binds backup text to parameter {@code i}; null binds SQL NULL of the right type. */
    void bind(PreparedStatement ps, int i, String text) throws SQLException {
        if (text == null) {
            ps.setNull(i, sqlType());
            return;
        }
        switch (this) {
            case INTEGER -> ps.setLong(i, Long.parseLong(text));
            case DECIMAL -> ps.setBigDecimal(i, new BigDecimal(text));
            case BOOLEAN -> ps.setBoolean(i, Boolean.parseBoolean(text));
            case DATE -> ps.setObject(i, LocalDate.parse(text));
            case TIME -> ps.setObject(i, LocalTime.parse(text));
            case TIMESTAMP -> ps.setObject(i, LocalDateTime.parse(text));
            case TIMESTAMP_TZ -> ps.setObject(i, OffsetDateTime.parse(text));
            case BINARY -> ps.setBytes(i, Base64.getDecoder().decode(text));
            case TEXT -> ps.setString(i, text);
            default -> throw new IllegalStateException(name());
        }
    }

    private int sqlType() {
        return switch (this) {
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BINARY -> Types.VARBINARY;
            case TEXT -> Types.VARCHAR;
        };
    }
}
