package org.deskcrm.persistence.imports;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * PostgreSQL's own bulk path for the importers (issue: imports at the engine's bulk speed): rows go in by
 * {@code COPY … FROM STDIN} through the driver's CopyManager, inside the caller's transaction (so the
 * all-or-nothing rule holds), with ids taken from the table's identity sequence beforehand so that the
 * child rows can name their parents. Only for the schema's owner: {@code COPY FROM} is refused on a table
 * with row-level security for a role the policies apply to (a person's own login, ADR 0015), which keeps
 * the batched inserts.
 */
final class PostgresCopy {
    private static final List<String> CLIENT = List.of("id", "kind", "name", "name_norm", "legal_name", "inn",
            "kpp", "address", "region", "industry", "website", "source_id", "owner_id", "notes", "created_at",
            "created_by", "updated_at", "external_id");
    private static final List<String> CHANNEL = List.of("client_id", "kind_code", "value_raw", "value_norm",
            "is_primary", "digits_rev");

    private PostgresCopy() {
    }

    /** New clients and their primary phone and email (the rows the batched import writes); their ids in order. */
    static long[] clients(Connection c, List<org.deskcrm.model.io.ImportedClient> clients, Long userId,
                          OffsetDateTime at) throws SQLException {
        long[] ids = ids(c, "client", clients.size());
        List<Object[]> rows = new java.util.ArrayList<>(clients.size());
        List<Object[]> channels = new java.util.ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            var cl = clients.get(i);
            rows.add(new Object[]{ids[i], cl.kind().code(), cl.name(), org.deskcrm.model.common.Texts.searchKey(cl.name()),
                cl.legalName(), cl.inn(), cl.kpp(), cl.address(), cl.region(), cl.industry(), cl.website(),
                cl.sourceId(), cl.ownerId(), cl.notes(), at, userId, at, cl.externalId()});
            channel(channels, ids[i], "phone", cl.phoneRaw(), cl.phoneNorm());
            channel(channels, ids[i], "email", cl.emailRaw(), cl.emailNorm());
        }
        copy(c, "client", CLIENT, rows);
        copy(c, "channel", CHANNEL, channels);
        return ids;
    }

    /** A client's own primary channel (nothing when the file gave no value). */
    private static void channel(List<Object[]> rows, long clientId, String kind, String raw, String norm) {
        if (norm != null) {
            rows.add(new Object[]{clientId, kind, raw, norm, true, org.deskcrm.model.client.PhoneDigits.reversed(norm)});
        }
    }

    /** {@code count} fresh ids of the table's identity column, in increasing order. */
    static long[] ids(Connection c, String table, int count) throws SQLException {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, 'id'))"
                + " FROM generate_series(1, ?) ORDER BY 1")) {
            ps.setString(1, table);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    ids[i++] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /** Writes the rows (each the columns' values in order; null is SQL NULL) with one COPY; returns the rows. */
    static long copy(Connection c, String table, List<String> columns, Iterable<Object[]> rows) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new CsvReader(rows.iterator()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** The rows as CSV, produced as the driver reads them (never the whole file in memory). */
    private static final class CsvReader extends Reader {
        private final java.util.Iterator<Object[]> rows;
        private final StringBuilder buffer = new StringBuilder();
        private int at;

        CsvReader(java.util.Iterator<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] into, int off, int len) {
            while (at >= buffer.length()) {
                if (!rows.hasNext()) {
                    return -1;
                }
                buffer.setLength(0);
                at = 0;
                line(rows.next());
            }
            int n = Math.min(len, buffer.length() - at);
            buffer.getChars(at, at + n, into, off);
            at += n;
            return n;
        }

        private void line(Object[] row) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = row[i];
                if (v == null) {
                    continue; // an unquoted empty field is NULL in COPY's CSV
                }
                String s = v instanceof OffsetDateTime t ? t.toString() : v.toString();
                buffer.append('"').append(s.replace("\"", "\"\"")).append('"'); // quoted: "" stays an empty string
            }
            buffer.append('\n');
        }

        @Override
        public void close() {
        }
    }
}
