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
 * missed-call control) against a floor of plain JDBC batch inserts of the same rows. The general importer
 * (clients/contacts/deals/calls/sales from .xlsx/.csv) plugs in through {@link BenchHooks.FileImport}: it
 * imports a generated clients CSV (INN, phone, e-mail per row), timed against plain JDBC batch inserts of the
 * same client and channel rows. Every row written is deleted afterwards so the data set stays the same
 * between runs. Target: ≥ 50 000 rows/s.
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
        List<Object[]> calls;
        // the import closes open misses of the data set that a call (of the file or already stored) returns
        List<String> openBefore = Sql.strings(ds, "select call_id from missed_call where resolved_at is null");
        try {
            Stopwatch w = Stopwatch.start();
            CallImportResult r = ctx.callImport().importCalls(data, CallImportFormat.ASTERISK, null, admin, Progress.NONE);
            Rate rate = w.rate(r.added());
            results.add("import", "PBX call log (Asterisk CSV)", String.format("%,.0f rows/s", rate.wall()),
                    "≥ 50 000 rows/s", rate.wall() >= TARGET_ROWS_PER_S, String.format("%,d rows, %,d KB, cold (first"
                            + " import of the run); %s", r.added(), data.length / 1024, rate.cpuNote()));
            calls = importedCalls(ds, prefix);
            if (calls.size() != r.added()) {
                throw new IllegalStateException(calls.size() + " of " + r.added() + " imported calls found");
            }
        } finally {
            delete(ds, prefix);
            reopen(ds, openBefore);
        }
        Rate floor = jdbcFloor(ds, prefix, calls);
        results.add("import", "floor: JDBC batch insert, same rows", String.format("%,.0f rows/s", floor.wall()), null,
                null, "the phone_call rows the import wrote, batches of 1000, one transaction, no parsing, matching"
                        + " or missed-call control; " + floor.cpuNote());
        if (env.hooks().fileImport().isEmpty()) {
            results.notMeasured("import", "app import of .xlsx/.csv (clients, deals, ...)", "≥ 50 000 rows/s",
                    "import feature not on this branch: plug it into BenchHooks.defaults()");
            return;
        }
        String p2 = "Bench import " + System.currentTimeMillis() + " #";
        Path clients = env.work().resolve("clients-import.csv");
        writeClientsCsv(clients, p2, rows);
        long n;
        Rate rate;
        try {
            Stopwatch w = Stopwatch.start();
            n = env.hooks().fileImport().get().importClients(ctx, clients);
            rate = w.rate(n);
        } finally {
            deleteClients(ds, p2);
        }
        results.add("import", "app import of clients (.csv)", String.format("%,.0f rows/s", rate.wall()),
                "≥ 50 000 rows/s", rate.wall() >= TARGET_ROWS_PER_S, String.format("%,d clients of %,d file rows, each"
                        + " with INN, phone, e-mail (%,.0f database rows/s: client + 2 channels), %,d KB; %s", n, rows,
                        3 * rate.wall(), Files.size(clients) / 1024, rate.cpuNote()));
        Rate clientFloor = clientsJdbcFloor(ds, p2);
        results.add("import", "floor: JDBC batch insert, same clients", String.format("%,.0f rows/s",
                clientFloor.wall()), null, null, String.format("client rows with ids read back + their 2 channels"
                + " (%,.0f database rows/s), batches of 1000, one transaction, no parsing or duplicate checks; %s",
                3 * clientFloor.wall(), clientFloor.cpuNote()));
    }

    /** Rows per second of wall time and per CPU-second of the measuring thread (embedded H2 runs in it). */
    record Rate(double wall, double cpu) {
        String cpuNote() {
            return String.format("%,.0f rows per CPU-second of the importing thread", cpu);
        }
    }

    /** Wall and thread CPU time from a start. */
    record Stopwatch(long wall0, long cpu0) {
        private static final java.lang.management.ThreadMXBean CPU =
                java.lang.management.ManagementFactory.getThreadMXBean();

        static Stopwatch start() {
            return new Stopwatch(System.nanoTime(), CPU.getCurrentThreadCpuTime());
        }

        Rate rate(long rows) {
            return new Rate(rows / ((System.nanoTime() - wall0) / 1e9),
                    rows / ((CPU.getCurrentThreadCpuTime() - cpu0) / 1e9));
        }
    }

    /** A clients file for the general importer: {@code count} companies with a unique INN, phone and e-mail. */
    static void writeClientsCsv(Path file, String namePrefix, int count) throws Exception {
        StringBuilder sb = new StringBuilder(count * 100).append("name;inn;phone;email;region\n");
        for (int i = 0; i < count; i++) {
            sb.append(namePrefix).append(i).append(';').append(benchInn(i)).append(';').append(benchPhone(i))
                    .append(';').append("client").append(i).append('@').append(emailDomain(namePrefix)).append(';')
                    .append("Region ").append(i % 80).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** Company INNs no generated data set uses (tax office 99; the demo data uses offices 01..40). */
    private static String benchInn(int i) {
        return org.deskcrm.service.client.Requisites.completeInn(String.format("7799%05d", i % 100_000));
    }

    private static String benchPhone(int i) {
        return String.format("+7 999 %03d-%02d-%02d", (i / 10_000) % 1000, (i / 100) % 100, i % 100);
    }

    private static String emailDomain(String namePrefix) {
        return "b" + namePrefix.replaceAll("\\D", "") + ".bench.test";
    }

    /** The same client and channel rows as the clients file, written with plain JDBC batches. */
    private Rate clientsJdbcFloor(javax.sql.DataSource ds, String namePrefix) throws Exception {
        String p = namePrefix + "f";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Stopwatch w;
        Rate rate;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            w = Stopwatch.start();
            try (PreparedStatement ps = c.prepareStatement("insert into client (kind, name, name_norm, inn, region,"
                    + " created_at, updated_at) values ('company', ?, ?, ?, ?, ?, ?)", new String[] {"id"});
                 PreparedStatement ch = c.prepareStatement("insert into channel (client_id, kind_code, value_raw,"
                         + " value_norm, is_primary) values (?, ?, ?, ?, true)")) {
                for (int from = 0; from < rows; from += 1000) {
                    int to = Math.min(rows, from + 1000);
                    for (int i = from; i < to; i++) {
                        String name = p + i;
                        ps.setString(1, name);
                        ps.setString(2, org.deskcrm.model.common.Texts.searchKey(name));
                        ps.setString(3, benchInn(i));
                        ps.setString(4, "Region " + (i % 80));
                        ps.setObject(5, now);
                        ps.setObject(6, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                        for (int i = from; keys.next(); i++) {
                            long id = keys.getLong(1);
                            String phone = benchPhone(i);
                            String email = "client" + i + "@" + emailDomain(namePrefix);
                            addChannel(ch, id, "phone", phone, "+" + phone.replaceAll("\\D", ""));
                            addChannel(ch, id, "email", email, email);
                        }
                    }
                    ch.executeBatch();
                }
            }
            c.commit();
            rate = w.rate(rows);
        } finally {
            deleteClients(ds, p);
        }
        return rate;
    }

    private static void addChannel(PreparedStatement ch, long clientId, String kind, String raw, String norm)
            throws Exception {
        ch.setLong(1, clientId);
        ch.setString(2, kind);
        ch.setString(3, raw);
        ch.setString(4, norm);
        ch.addBatch();
    }

    /** Deletes the clients the benchmark created (their channels go with them). */
    private static void deleteClients(javax.sql.DataSource ds, String namePrefix) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("delete from client where name like ?")) {
            s.setString(1, namePrefix + "%");
            s.executeUpdate();
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

    private static final String[] CALL_COLUMNS = {"direction", "status_code", "started_at", "duration_sec",
            "phone_raw", "phone_norm", "client_id", "contact_id", "user_id", "external_key"};

    /** The call rows an import wrote (their columns as in {@link #CALL_COLUMNS}), to write them again as the floor. */
    private static List<Object[]> importedCalls(javax.sql.DataSource ds, String prefix) throws Exception {
        List<Object[]> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + String.join(", ", CALL_COLUMNS)
                     + " from phone_call where external_key like ? order by id")) {
            ps.setString(1, "ast:" + prefix + "%");
            try (java.sql.ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    Object[] row = new Object[CALL_COLUMNS.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = i == 2 ? r.getObject(i + 1, OffsetDateTime.class) : r.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /**
     * The same phone_call rows the import wrote (client, contact and user links included, so the same index
     * entries), under new keys, with plain JDBC batches of one prepared INSERT in one transaction.
     */
    private static Rate jdbcFloor(javax.sql.DataSource ds, String prefix, List<Object[]> calls) throws Exception {
        String floorPrefix = prefix + "f";
        Stopwatch w;
        Rate rate;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            w = Stopwatch.start();
            try (PreparedStatement ps = c.prepareStatement("insert into phone_call (" + String.join(", ", CALL_COLUMNS)
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < calls.size(); i++) {
                    Object[] row = calls.get(i);
                    for (int k = 0; k < row.length - 1; k++) {
                        ps.setObject(k + 1, row[k]);
                    }
                    ps.setString(row.length, floorPrefix + i);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            rate = w.rate(calls.size());
        } finally {
            delete(ds, floorPrefix);
        }
        return rate;
    }

    /** Opens again the misses that were open before the run (so the data set stays the same). */
    private static void reopen(javax.sql.DataSource ds, List<String> callIds) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("update missed_call"
                + " set resolved_at = null, resolved_by_call_id = null where call_id = ? and resolved_at is not null")) {
            for (String id : callIds) {
                ps.setLong(1, Long.parseLong(id));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Deletes the calls of a run: the floor's keys start with the prefix, the PBX import's are
     * {@code ast:<uniqueid>:<hash>} (so they are matched with the {@code ast:} in front).
     */
    private static void delete(javax.sql.DataSource ds, String prefix) throws Exception {
        String keys = "(external_key like '" + prefix + "%' or external_key like 'ast:" + prefix + "%')";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String calls = "select id from phone_call where " + keys;
            s.executeUpdate("delete from task where call_id in (" + calls + ")");
            // misses of the data set that the benchmark's calls returned are open again, as before the run
            s.executeUpdate("update missed_call set resolved_at = null, resolved_by_call_id = null"
                    + " where resolved_by_call_id in (" + calls + ")");
            s.executeUpdate("delete from phone_call where " + keys);
            long left = Sql.count(ds, "select count(*) from phone_call where " + keys);
            if (left != 0) {
                throw new IllegalStateException(left + " benchmark calls were not deleted");
            }
        }
    }
}
