package org.deskcrm.persistence.backup;

import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.ActivityTotals;
import org.deskcrm.persistence.totals.CallTotals;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.impl.DSL;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Restores a backup file written by {@link BackupRepository} into this database, H2 or PostgreSQL,
 * whichever wrote it. Everything happens in one transaction: the old rows are deleted and the backup's
 * rows inserted, so a failure or a cancel leaves the database exactly as it was. A backup of a newer
 * schema than this database's is refused; an older one restores column by column (columns added since
 * keep their defaults). The audit trail of the replaced database is not lost: its events are appended
 * after the restored ones in the same transaction (ADR 0011).
 */
public final class RestoreRepository {
    /** Tables whose rows mean somebody has worked in the database (reference data alone does not count). */
    static final List<String> WORK_TABLES = List.of("client", "deal", "phone_call", "task", "sale");
    private static final int BATCH = 500;

    private final Database db;

    public RestoreRepository(Database db) {
        this.db = db;
    }

    /** Reads only the manifest: what the file holds, for a confirmation before restoring. */
    public BackupManifest manifest(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return manifest(zip, file);
        } catch (IOException e) {
            throw new AppException("backup.error.notBackup", e, file);
        }
    }

    /** True when the database holds clients, deals, calls, tasks or sales. */
    public boolean hasWork() {
        try (Connection c = db.dataSource().getConnection()) {
            return hasWork(c);
        } catch (SQLException e) {
            throw new AppException("backup.error.database", e, e.getMessage());
        }
    }

    /**
     * Replaces the database's contents with the backup's. Without {@code force} a database that holds
     * any work is refused ({@code backup.error.notEmpty}).
     */
    public BackupManifest restore(Path file, boolean force, BackupListener listener) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
             Connection c = db.dataSource().getConnection()) {
            BackupManifest manifest = manifest(zip, file);
            String current = SchemaVersions.current(c);
            if (SchemaVersions.compare(manifest.schemaVersion(), current) > 0) {
                throw new AppException("backup.error.newerSchema", manifest.schemaVersion(), current);
            }
            List<TableShape> shapes = SchemaCatalog.read(c);
            Map<String, TableShape> byName = new HashMap<>();
            shapes.forEach(s -> byName.put(s.name(), s));
            for (BackupManifest.Table t : manifest.tables()) {
                TableShape shape = byName.get(t.name());
                if (shape == null) {
                    throw new AppException("backup.error.unknownTable", t.name());
                }
                for (String col : t.columns()) {
                    if (shape.column(col) == null) {
                        throw new AppException("backup.error.unknownColumn", t.name(), col);
                    }
                }
            }
            if (!force && hasWork(c)) {
                throw new AppException("backup.error.notEmpty");
            }
            restartIdentities(c, manifest, byName);
            load(c, zip, manifest, shapes, SchemaVersions.compare(manifest.schemaVersion(), current) < 0, listener);
            return manifest;
        } catch (ZipException e) {
            throw new AppException("backup.error.notBackup", e, file);
        } catch (IOException e) {
            throw new AppException("backup.error.file", e, file, e.getMessage());
        } catch (SQLException e) {
            throw new AppException("backup.error.database", e, e.getMessage());
        }
    }

    private static BackupManifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new AppException("backup.error.notBackup", file);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BackupManifest m = BackupManifest.read(in);
            if (m.format() > BackupManifest.FORMAT) {
                throw new AppException("backup.error.newerFormat", m.format());
            }
            return m;
        }
    }

    private static boolean hasWork(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String t : WORK_TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM " + Sql.quote(t) + " FETCH FIRST 1 ROWS ONLY")) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Moves every identity past the larger of the backup's and the database's highest id, before the
     * transaction (on H2 this is DDL, which would commit it). Never lower: if the restore then fails,
     * the rows still present cannot collide with new ones.
     */
    private void restartIdentities(Connection c, BackupManifest manifest, Map<String, TableShape> shapes)
            throws SQLException {
        for (BackupManifest.Table t : manifest.tables()) {
            if (!shapes.get(t.name()).identity()) {
                continue;
            }
            long next;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + Sql.quote(t.name()))) {
                rs.next();
                next = Math.max(rs.getLong(1), t.maxId()) + 1;
            }
            try (Statement s = c.createStatement()) {
                if (db.isPostgres()) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + Sql.quote(t.name()).replace("'", "''")
                            + "', 'id'), " + next + ", false)");
                } else {
                    s.execute("ALTER TABLE " + Sql.quote(t.name()) + " ALTER COLUMN id RESTART WITH " + next);
                }
            }
        }
    }

    /**
     * Deletes the old rows and inserts the backup's, in one transaction. The stored totals come with the backup when
     * it was written by this schema version; a backup of an older one may hold totals of an older layout (a column
     * added since keeps its default), so they are built again from the restored records ({@code olderSchema}).
     */
    private void load(Connection c, ZipFile zip, BackupManifest manifest, List<TableShape> shapes, boolean olderSchema,
                      BackupListener listener) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Map<String, BackupManifest.Table> inBackup = new HashMap<>();
            manifest.tables().forEach(t -> inBackup.put(t.name(), t));
            List<Object[]> trail = AuditTrail.read(c);
            wipe(c, shapes, inBackup);
            long total = manifest.totalRows();
            long done = 0;
            listener.rows(0, total);
            List<DeferredRow> deferred = new ArrayList<>();
            for (TableShape shape : shapes) {
                BackupManifest.Table t = inBackup.get(shape.name());
                if (t != null) {
                    done = insert(c, zip, shape, t, deferred, done, total, listener);
                }
            }
            fillDeferred(c, deferred);
            AuditTrail.append(c, trail);
            DealTotals deals = new DealTotals(DSL.using(c, db.dialect()));
            CallTotals calls = new CallTotals(DSL.using(c, db.dialect()));
            ActivityTotals activities = new ActivityTotals(DSL.using(c, db.dialect()));
            if (olderSchema) {
                deals.invalidate();
                calls.invalidate();
                activities.invalidate();
            }
            deals.buildIfMissingInCurrentTransaction(step -> { });
            calls.buildIfMissingInCurrentTransaction(step -> { });
            activities.buildIfMissingInCurrentTransaction(step -> { });
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void wipe(Connection c, List<TableShape> shapes, Map<String, BackupManifest.Table> inBackup)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            for (TableShape t : shapes) {
                if (inBackup.containsKey(t.name())) {
                    for (String col : t.deferred()) {
                        s.executeUpdate("UPDATE " + Sql.quote(t.name()) + " SET " + Sql.quote(col) + " = NULL WHERE "
                                + Sql.quote(col) + " IS NOT NULL");
                    }
                }
            }
            List<TableShape> reversed = new ArrayList<>(shapes);
            Collections.reverse(reversed);
            for (TableShape t : reversed) {
                if (inBackup.containsKey(t.name())) {
                    s.executeUpdate("DELETE FROM " + Sql.quote(t.name()));
                }
            }
        }
    }

    /** A row's deferred foreign keys, set after every table is loaded. */
    private record DeferredRow(TableShape table, List<String> columns, List<String> keyValues, List<String> values) {
    }

    private long insert(Connection c, ZipFile zip, TableShape shape, BackupManifest.Table t, List<DeferredRow> deferred,
                        long done, long total, BackupListener listener) throws SQLException, IOException {
        ZipEntry entry = zip.getEntry("tables/" + t.name() + ".csv");
        if (entry == null) {
            throw new AppException("backup.error.damaged", t.name());
        }
        try (Reader in = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8),
                1 << 16)) {
            List<String> header = CsvRows.read(in);
            if (header == null || !header.equals(t.columns())) {
                throw new AppException("backup.error.damaged", t.name());
            }
            List<ValueKind> kinds = header.stream().map(h -> shape.column(h).kind()).toList();
            List<String> deferredCols = header.stream().filter(shape.deferred()::contains).toList();
            List<Integer> keyIdx = shape.primaryKey().stream().map(header::indexOf).toList();
            String sql = "INSERT INTO " + Sql.quote(t.name()) + " (" + String.join(", ", header.stream().map(Sql::quote).toList())
                    + ") VALUES (" + String.join(", ", Collections.nCopies(header.size(), "?")) + ")";
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<String> values;
                while ((values = CsvRows.read(in)) != null) {
                    if (values.size() != header.size()) {
                        throw new AppException("backup.error.damaged", t.name());
                    }
                    List<String> later = new ArrayList<>();
                    for (int i = 0; i < header.size(); i++) {
                        boolean isDeferred = shape.deferred().contains(header.get(i));
                        kinds.get(i).bind(ps, i + 1, isDeferred ? null : values.get(i));
                        if (isDeferred) {
                            later.add(values.get(i));
                        }
                    }
                    if (!deferredCols.isEmpty() && later.stream().anyMatch(v -> v != null)) {
                        deferred.add(new DeferredRow(shape, deferredCols, keyIdx.stream().map(values::get).toList(), later));
                    }
                    ps.addBatch();
                    if (++rows % BATCH == 0) {
                        ps.executeBatch();
                        if (listener.cancelled()) {
                            throw new CancellationException();
                        }
                        listener.rows(done + rows, total);
                    }
                }
                ps.executeBatch();
            }
            if (rows != t.rows()) {
                throw new AppException("backup.error.damaged", t.name());
            }
            listener.rows(done + rows, total);
            return done + rows;
        }
    }

    private static void fillDeferred(Connection c, List<DeferredRow> rows) throws SQLException {
        for (DeferredRow r : rows) {
            String sql = "UPDATE " + Sql.quote(r.table().name()) + " SET "
                    + String.join(", ", r.columns().stream().map(col -> Sql.quote(col) + " = ?").toList())
                    + " WHERE " + String.join(" AND ", r.table().primaryKey().stream().map(k -> Sql.quote(k) + " = ?").toList());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (int j = 0; j < r.columns().size(); j++) {
                    r.table().column(r.columns().get(j)).kind().bind(ps, i++, r.values().get(j));
                }
                for (int j = 0; j < r.table().primaryKey().size(); j++) {
                    r.table().column(r.table().primaryKey().get(j)).kind().bind(ps, i++, r.keyValues().get(j));
                }
                ps.executeUpdate();
            }
        }
    }
}
