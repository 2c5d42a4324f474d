package org.deskcrm.persistence;

import org.deskcrm.persistence.SchemaObjects.SchemaObject;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The start-up check of the schema (ADR 0010): undoes bulk loads that were killed half-way
 * ({@link BulkLoadJournal}), compares the indexes and constraints of the live schema with those the
 * migrations define and rebuilds what is missing or different, and moves every identity ahead of its
 * table's highest id. The expected objects are never read from the live database: the migrations are
 * applied to a scratch database (a fresh in-memory H2, or a scratch schema on the same PostgreSQL) and
 * that one is read. It is built once per process and vendor (the migrations are those of this build).
 */
public final class SchemaIntegrity {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaIntegrity.class);
    private static final Map<Boolean, Map<String, SchemaObject>> REFERENCE = new ConcurrentHashMap<>();

    /** Progress of the repair: which object is being rebuilt, how many of how many. */
    public interface Listener {
        void step(String what, int done, int total);

        Listener LOG_ONLY = (what, done, total) -> LOG.info("Schema repair {}/{}: {}", done, total, what);
    }

    private SchemaIntegrity() {
    }

    /** Runs the check and the repair; never throws (a check that cannot run is reported as skipped). */
    static SchemaReport checkAndRepair(DataSource ds, boolean postgres, Listener listener) {
        Recovered recovered = recover(ds, postgres);
        return recovered.skipped() != null ? recovered.skipped() : compareAndRepair(ds, postgres, recovered, listener);
    }

    /**
     * What every write needs before it runs, and the first part of the check: undoes killed bulk loads and moves
     * every identity ahead of its table's highest id (a few small statements). {@link #compareAndRepair} does
     * the rest, possibly later. Never throws.
     */
    static Recovered recover(DataSource ds, boolean postgres) {
        try (Connection c = ds.getConnection()) {
            BulkLoadJournal.Recovery recovery = BulkLoadJournal.recover(c, postgres);
            if (recovery.running() > 0) {
                return new Recovered(List.of(), List.of(),
                        SchemaReport.skipped(recovery.running() + " bulk load(s) running in another session"));
            }
            return new Recovered(recovery.undone(), moveIdentities(c, postgres), null);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Schema check could not run", e);
            return new Recovered(List.of(), List.of(), SchemaReport.skipped(String.valueOf(e.getMessage())));
        }
    }

    /** What {@link #recover} did: loads undone, identities moved; or why the check is skipped. */
    record Recovered(List<String> undone, List<String> identitiesMoved, SchemaReport skipped) {
    }

    /**
     * The rest of the check after {@link #recover}: compares the indexes and constraints with those the
     * migrations define (the scratch database built once per process: the costly part, ≈ 1.5 s) and rebuilds
     * what is missing or different. Never throws.
     */
    static SchemaReport compareAndRepair(DataSource ds, boolean postgres, Recovered recovered, Listener listener) {
        try {
            Map<String, SchemaObject> actual;
            String live;
            try (Connection c = ds.getConnection()) {
                actual = SchemaObjects.read(c, postgres);
                live = fingerprint(c, actual);
                if (live.equals(verifiedFingerprint(c))) { // as verified before: nothing to build
                    return new SchemaReport(actual.size(), List.of(), List.of(), List.of(), recovered.identitiesMoved(),
                            recovered.undone(), List.of(), null);
                }
            }
            Map<String, SchemaObject> expected = reference(ds, postgres); // may need every pooled connection
            SchemaReport report;
            try (Connection c = ds.getConnection()) {
                report = compareAndRepair(c, postgres, expected, actual, recovered, listener);
                if (report.failures().isEmpty() && report.extra().isEmpty()) {
                    // the schema now is exactly the migrations' definition: as read, or as rebuilt
                    boolean rebuilt = !report.missing().isEmpty() || !report.differing().isEmpty();
                    remember(c, rebuilt ? fingerprint(c, SchemaObjects.read(c, postgres)) : live);
                }
            }
            if (report.repaired() || !report.failures().isEmpty()) {
                report.describe().forEach(LOG::warn);
            }
            return report;
        } catch (SQLException | RuntimeException e) {
            LOG.error("Schema check could not run", e);
            return SchemaReport.skipped(String.valueOf(e.getMessage()));
        }
    }

    /** The setting holding the fingerprint of the schema as last found equal to the migrations' definition. */
    static final String VERIFIED_SETTING = "schema.verified_fingerprint";

    /**
     * A digest of the live schema's indexes and constraints (name, table, definition) and of the migrations
     * applied to it (version and checksum): equal to the one stored after a full check means nothing changed
     * since the live schema was found equal to the migrations' definition, so the definition (a scratch
     * database, ≈ 1.5 s) need not be built again. Any dropped, added or altered object, or another migration,
     * changes it.
     */
    static String fingerprint(Connection c, Map<String, SchemaObject> actual) throws SQLException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.util.TreeMap<String, SchemaObject> sorted = new java.util.TreeMap<>(actual);
        for (SchemaObject o : sorted.values()) {
            sha.update((o.kind() + "\u0000" + o.table() + "\u0000" + o.name() + "\u0000" + o.definition() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select version, checksum, success from flyway_schema_history order by installed_rank")) {
            while (rs.next()) {
                sha.update((rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static String verifiedFingerprint(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select val from app_setting where name = ?")) {
            ps.setString(1, VERIFIED_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    private static void remember(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from app_setting where name = ?");
             PreparedStatement ins = c.prepareStatement("insert into app_setting (name, val) values (?, ?)")) {
            del.setString(1, VERIFIED_SETTING);
            del.executeUpdate();
            ins.setString(1, VERIFIED_SETTING);
            ins.setString(2, fingerprint);
            ins.executeUpdate();
        }
    }

    /** The indexes and constraints the migrations define, read from a scratch database they were applied to. */
    static Map<String, SchemaObject> reference(DataSource live, boolean postgres) throws SQLException {
        Map<String, SchemaObject> ref = REFERENCE.get(postgres);
        if (ref == null) {
            ref = postgres ? postgresReference(live) : h2Reference();
            REFERENCE.put(postgres, ref);
        }
        return ref;
    }

    private static Map<String, SchemaObject> h2Reference() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:deskcrm-reference-" + UUID.randomUUID() + DatabaseConfig.H2_OPTIONS);
        ds.setUser("sa");
        try (Connection keepAlive = ds.getConnection()) { // an in-memory database lives while a connection is open
            Migrations.flyway(ds, false).migrate();
            return SchemaObjects.h2(keepAlive);
        }
    }

    private static Map<String, SchemaObject> postgresReference(DataSource live) throws SQLException {
        String schema = "deskcrm_reference_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            Flyway flyway = Migrations.configure(live, true).schemas(schema).defaultSchema(schema).createSchemas(true).load();
            flyway.migrate();
            try (Connection c = live.getConnection()) {
                return SchemaObjects.postgres(c, schema);
            }
        } finally {
            try (Connection c = live.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static SchemaReport compareAndRepair(Connection c, boolean postgres, Map<String, SchemaObject> expected,
                                                 Map<String, SchemaObject> actual, Recovered recovered,
                                                 Listener listener) throws SQLException {
        List<SchemaObject> missing = new ArrayList<>();
        List<SchemaObject> differing = new ArrayList<>();
        for (SchemaObject e : expected.values()) {
            SchemaObject a = actual.get(e.key());
            if (a == null) {
                missing.add(e);
            } else if (!a.definition().equals(e.definition()) || !a.table().equals(e.table())) {
                differing.add(a);
            }
        }
        List<String> extra = actual.values().stream().filter(a -> !expected.containsKey(a.key()))
                .map(SchemaObject::label).toList();
        List<String> failures = new ArrayList<>();
        int total = missing.size() + differing.size();
        int done = 0;
        // a different object is dropped first; then everything is created in the reference's order
        for (SchemaObject d : differing) {
            run(c, d.drop(), "drop " + d.label(), failures);
        }
        List<String> rebuild = new ArrayList<>();
        differing.forEach(d -> rebuild.add(d.key()));
        missing.forEach(m -> rebuild.add(m.key()));
        for (SchemaObject e : expected.values()) {
            if (rebuild.contains(e.key())) {
                listener.step(e.label(), done++, total);
                run(c, e.create(), e.label(), failures);
            }
        }
        if (total > 0) {
            listener.step("", total, total);
        }
        return new SchemaReport(expected.size(), missing.stream().map(SchemaObject::label).toList(),
                differing.stream().map(SchemaObject::label).toList(), extra, recovered.identitiesMoved(),
                recovered.undone(), failures, null);
    }

    private static void run(Connection c, String ddl, String what, List<String> failures) {
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            failures.add(what + ": " + e.getMessage());
        }
    }

    /** Moves every identity whose next value is not above its table's highest id; returns what it moved. */
    static List<String> moveIdentities(Connection c, boolean postgres) throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>();
        if (postgres) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.columns"
                    + " where table_schema = current_schema() and column_name = 'id' and is_identity = 'YES' order by table_name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                String seq;
                try (PreparedStatement ps = c.prepareStatement("select pg_get_serial_sequence(?, 'id')")) {
                    ps.setString(1, quote(t));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        seq = rs.getString(1);
                    }
                }
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select last_value, is_called from " + seq)) {
                    rs.next();
                    next.put(t, rs.getBoolean(2) ? rs.getLong(1) + 1 : rs.getLong(1));
                }
            }
        } else {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select table_name, identity_base from information_schema.columns"
                         + " where table_schema = current_schema() and column_name = 'id' and is_identity = 'YES'"
                         + " order by table_name")) {
                while (rs.next()) {
                    next.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, Long> e : next.entrySet()) {
            long max;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + quote(e.getKey()))) {
                rs.next();
                max = rs.getLong(1);
            }
            if (e.getValue() <= max) {
                try (Statement s = c.createStatement()) {
                    if (postgres) {
                        s.execute("select setval(pg_get_serial_sequence('" + quote(e.getKey()) + "', 'id'), " + (max + 1)
                                + ", false)");
                    } else {
                        s.execute("ALTER TABLE " + quote(e.getKey()) + " ALTER COLUMN id RESTART WITH " + (max + 1));
                    }
                }
                moved.add(e.getKey() + ".id from " + e.getValue() + " to " + (max + 1));
            }
        }
        return moved;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
