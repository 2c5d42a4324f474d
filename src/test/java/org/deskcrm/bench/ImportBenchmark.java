package org.deskcrm.bench;

import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.service.call.CallImportResult;
import org.deskcrm.service.common.Progress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Import speed. On this branch the import that exists is the PBX call log (an Asterisk Master.csv,
 * one transaction, idempotent by uniqueid): timed end to end (parse, match numbers to cards, write,
 * missed-call control) against a floor of plain JDBC batch inserts of the same rows. The import of
 * clients/deals/calls from .xlsx/.csv plugs in through {@link BenchHooks.FileImport}. Every row written
 * is deleted afterwards so the data set stays the same between runs. Target: ≥ 50 000 rows/s.
 */
final class ImportBenchmark implements Benchmark {
    static final double TARGET_ROWS_PER_S = 50_000;
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int rows;

    ImportBenchmark(int rows) {
        this.rows = rows;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public void run(BenchEnv env, Results results) throws Exception {
        var ctx = env.ctx();
        var ds = ctx.database().dataSource();
        List<String> phones = Sql.strings(ds, "select value_norm from channel where kind_code = 'phone' and id % 7 = 0");
        String prefix = "bench" + System.currentTimeMillis() + ".";
        Path csv = env.work().resolve("calls-master.csv");
        writeCallsCsv(csv, prefix, rows, phones);
        byte[] data = Files.readAllBytes(csv);
        long admin = Long.parseLong(Sql.strings(ds, "select id from app_user where login = 'admin'").get(0));
        try {
            long t0 = System.nanoTime();
            CallImportResult r = ctx.callImport().importCalls(data, CallImportFormat.ASTERISK, null, admin, Progress.NONE);
            double rate = r.added() / ((System.nanoTime() - t0) / 1e9);
            results.add("import", "PBX call log (Asterisk CSV)", String.format("%,.0f rows/s", rate), "≥ 50 000 rows/s",
                    rate >= TARGET_ROWS_PER_S, String.format("%,d rows, %,d KB, cold (first import of the run)",
                            r.added(), data.length / 1024));
        } finally {
            delete(ds, prefix);
        }
        double floor = jdbcFloor(ds, prefix, phones);
        results.add("import", "floor: JDBC batch insert, same rows", String.format("%,.0f rows/s", floor), null, null,
                "phone_call only, batches of 1000, one transaction, no parsing or matching");
        if (env.hooks().fileImport().isEmpty()) {
            results.notMeasured("import", "app import of .xlsx/.csv (clients, deals, ...)", "≥ 50 000 rows/s",
                    "import feature not on this branch: plug it into BenchHooks.defaults()");
        } else {
            String p2 = "bench" + System.currentTimeMillis() + "b.";
            writeCallsCsv(csv, p2, rows, phones);
            try {
                long t0 = System.nanoTime();
                long n = env.hooks().fileImport().get().importCalls(ctx, csv);
                double rate = n / ((System.nanoTime() - t0) / 1e9);
                results.add("import", "app import of .xlsx/.csv", String.format("%,.0f rows/s", rate), "≥ 50 000 rows/s",
                        rate >= TARGET_ROWS_PER_S, String.format("%,d rows", n));
            } finally {
                delete(ds, p2);
            }
        }
    }

    /** An Asterisk Master.csv of {@code count} calls: incoming and outgoing, answered or not, from known and unknown numbers. */
    static void writeCallsCsv(Path file, String idPrefix, int count, List<String> knownPhones) throws Exception {
        SplittableRandom rnd = new SplittableRandom(27);
        LocalDateTime t = LocalDateTime.now().minusDays(30).withNano(0);
        StringBuilder sb = new StringBuilder(count * 200);
        for (int i = 0; i < count; i++) {
            String number = !knownPhones.isEmpty() && rnd.nextInt(10) < 8
                    ? knownPhones.get(rnd.nextInt(knownPhones.size())) : "+7916" + (1_000_000 + rnd.nextInt(8_999_999));
            boolean in = rnd.nextBoolean();
            boolean answered = rnd.nextInt(10) < 8;
            int dur = answered ? 20 + rnd.nextInt(600) : 0;
            LocalDateTime start = t.plusSeconds(i * 20L);
            String src = in ? number : "101";
            String dst = in ? "101" : number;
            sb.append("\"\",\"").append(src).append("\",\"").append(dst).append("\",\"from-trunk\",\"\"\"x\"\" <")
                    .append(src).append(">\",\"SIP/t-1\",\"SIP/101-1\",\"Dial\",\"SIP/101\",\"")
                    .append(CDR_TIME.format(start)).append("\",\"")
                    .append(answered ? CDR_TIME.format(start.plusSeconds(5)) : "").append("\",\"")
                    .append(CDR_TIME.format(start.plusSeconds(5 + dur))).append("\",").append(dur + 5).append(',')
                    .append(dur).append(",\"").append(answered ? "ANSWERED" : "NO ANSWER")
                    .append("\",\"DOCUMENTATION\",\"").append(idPrefix).append(i).append("\",\"\"\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private double jdbcFloor(javax.sql.DataSource ds, String prefix, List<String> phones) throws Exception {
        SplittableRandom rnd = new SplittableRandom(27);
        OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        long t0;
        long t1;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("insert into phone_call (direction, status_code, started_at,"
                    + " duration_sec, phone_raw, phone_norm, external_key) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    String number = phones.isEmpty() ? "+79160000000" : phones.get(rnd.nextInt(phones.size()));
                    ps.setString(1, rnd.nextBoolean() ? "in" : "out");
                    ps.setString(2, rnd.nextInt(10) < 8 ? "answered" : "no_answer");
                    ps.setObject(3, t.plusSeconds(i * 20L));
                    ps.setInt(4, rnd.nextInt(600));
                    ps.setString(5, number);
                    ps.setString(6, number);
                    ps.setString(7, prefix + "f" + i);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            t1 = System.nanoTime();
        } finally {
            delete(ds, prefix);
        }
        return rows / ((t1 - t0) / 1e9);
    }

    private static void delete(javax.sql.DataSource ds, String prefix) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String calls = "select id from phone_call where external_key like '" + prefix + "%'";
            s.executeUpdate("delete from task where call_id in (" + calls + ")");
            s.executeUpdate("delete from missed_call where resolved_by_call_id in (" + calls + ")");
            s.executeUpdate("delete from phone_call where external_key like '" + prefix + "%'");
        }
    }
}
