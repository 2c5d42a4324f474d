package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.Locale;

/**
 * A clients file (name, INN, phone, e-mail per row) imported on a fresh embedded PostgreSQL as the schema's
 * owner, ROUNDS times into the same growing table: rows/s of the whole import (read, plan, duplicate checks,
 * write), each round beside the engine's own bulk floor for as many rows — the same kind of client rows and
 * their phone and e-mail, already normalized, written by one {@code COPY} per table into the same indexed
 * tables in one committed transaction (ids reserved by one statement), nothing else.
 * {@code java -cp <test class path> org.deskcrm.bench.PostgresClientImportBenchmark [ROWS] [ROUNDS]}
 */
public final class PostgresClientImportBenchmark {
    public static void main(String[] args) throws SQLException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (AppContext ctx = new AppContext(Database.open(TestDatabases.postgresConfig(), 4), Clock.systemUTC())) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            for (int round = 0; round < rounds; round++) {
                StringBuilder csv = new StringBuilder("name;inn;phone;email\n");
                for (int i = 0; i < rows; i++) {
                    int n = round * rows + i;
                    csv.append("Client ").append(n).append(" Ltd;").append(inn(n)).append(";+7 495 ")
                            .append(String.format(Locale.ROOT, "%03d-%02d-%02d", n / 10_000 % 1000, n / 100 % 100, n % 100))
                            .append(";office").append(n).append("@example.com\n");
                }
                byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                var r = ctx.imports().service().run(file, "clients.csv", ImportTarget.CLIENTS, ImportSettings.defaults(),
                        false, null, Progress.NONE);
                double s = (System.nanoTime() - t0) / 1e9;
                double floor = copyFloor(ctx.database().dataSource(), rows, (rounds + round) * rows);
                System.out.printf(Locale.ROOT, "round %d: %,d clients created in %.2f s: %,.0f rows/s; the COPY floor"
                        + " %.2f s: %,.0f rows/s; import at %.2f of the floor%n", round, r.created(), s, r.created() / s,
                        floor, rows / floor, floor / s);
                if (Boolean.getBoolean("bench.analyze")) {
                    ctx.database().dsl().execute("ANALYZE");
                }
            }
        }
    }

    /** Seconds to COPY {@code rows} clients numbered from {@code first} and their two channels, committed. */
    private static double copyFloor(DataSource ds, int rows, int first) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            long id0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT setval('client_id_seq',"
                    + " nextval('client_id_seq') + " + (rows - 1) + ") - " + (rows - 1))) {
                rs.next();
                id0 = rs.getLong(1);
            }
            String at = OffsetDateTime.now(ZoneOffset.UTC).toString();
            StringBuilder clients = new StringBuilder(rows * 80);
            StringBuilder channels = new StringBuilder(rows * 120);
            for (int i = 0; i < rows; i++) {
                int n = first + i;
                long id = id0 + i;
                String phone = String.format(Locale.ROOT, "+7495%03d%02d%02d", n / 10_000 % 1000, n / 100 % 100, n % 100);
                clients.append(id).append(",company,\"Client ").append(n).append(" Ltd\",\"client ").append(n)
                        .append("\",").append(inn(n)).append(',').append(at).append(',').append(at).append('\n');
                channels.append(id).append(",phone,").append(phone).append(',').append(phone).append(",true,")
                        .append(new StringBuilder(phone.substring(1)).reverse()).append('\n')
                        .append(id).append(",email,office").append(n).append("@example.com,office").append(n)
                        .append("@example.com,true,\n");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn("COPY client (id, kind, name, name_norm, inn, created_at, updated_at) FROM STDIN (FORMAT csv)",
                        new StringReader(clients.toString()));
                copy.copyIn("COPY channel (client_id, kind_code, value_raw, value_norm, is_primary, digits_rev)"
                        + " FROM STDIN (FORMAT csv)", new StringReader(channels.toString()));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** A valid ten-digit INN (a company's), distinct for each n. */
    private static String inn(int n) {
        String base = String.format(Locale.ROOT, "%09d", 100_000_000 + n);
        int[] w = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += w[i] * (base.charAt(i) - '0');
        }
        return base + (sum % 11 % 10);
    }
}
