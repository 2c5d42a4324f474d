package org.deskcrm.bench;

import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * H2 only: insert speed into phone_call (four foreign keys, seven indexes) on a schema migrated up to
 * V13 (each foreign key with a hidden index of its own next to the ix_ index) versus the current schema
 * (V27: the ix_ indexes back the keys). Two scratch file databases, JDBC batches of 1000, commit per batch.
 */
final class H2ForeignKeyInsertBenchmark implements Benchmark {
    private final int rows;

    H2ForeignKeyInsertBenchmark(int rows) {
        this.rows = rows;
    }

    @Override
    public String name() {
        return "fk";
    }

    @Override
    public void run(BenchEnv env, Results results) throws Exception {
        if (!env.ctx().database().config().isH2() || rows <= 0) { // --fk-rows 0 skips it
            return;
        }
        // alternate the two schemas so a change in the machine's load hits both alike
        double[] before = new double[2];
        double[] after = new double[2];
        for (int round = 0; round < 2; round++) {
            before[round] = insertRate(env.work(), "v13", "13");
            after[round] = insertRate(env.work(), "latest", null);
        }
        double b = Math.max(before[0], before[1]);
        double a = Math.max(after[0], after[1]);
        results.add("schema", "H2 insert, schema at V13", String.format("%,.0f rows/s (%d indexes)", b,
                indexes(env.work(), "v13")), null, null, String.format("phone_call, %,d rows, best of 2", rows));
        results.add("schema", "H2 insert, schema at V27", String.format("%,.0f rows/s (%d indexes, %+.0f%%)", a,
                indexes(env.work(), "latest"), (a / b - 1) * 100), null, null, "same rows; V27 drops the hidden FK indexes");
    }

    private static String url(Path work, String name) {
        return "jdbc:h2:file:" + work.resolve("fk-" + name).toAbsolutePath()
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private double insertRate(Path work, String name, String target) throws Exception {
        for (String suffix : new String[] {".mv.db", ".trace.db"}) {
            Files.deleteIfExists(work.resolve("fk-" + name + suffix));
        }
        var conf = Flyway.configure().dataSource(url(work, name), "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2");
        if (target != null) {
            conf = conf.target(target);
        }
        conf.load().migrate();
        OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(url(work, name), "sa", "")) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("insert into phone_call (direction, status_code, started_at,"
                    + " duration_sec, phone_raw, phone_norm) values ('in', 'answered', ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setObject(1, t.minusSeconds(i * 37L));
                    ps.setInt(2, i % 600);
                    ps.setString(3, "+7900" + i);
                    ps.setString(4, "+7900" + (i * 7919L % 1_000_003));
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static long indexes(Path work, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url(work, name), "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from information_schema.indexes where table_schema = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
