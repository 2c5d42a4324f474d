package org.deskcrm.persistence.backup;

import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.Database;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the whole database into one portable file: a zip of {@code manifest.properties} and one CSV
 * per table ({@code tables/<name>.csv}), read inside a single snapshot transaction (PostgreSQL
 * REPEATABLE READ, H2 SNAPSHOT), so the file is consistent even while others keep writing. The format
 * is the same for H2 and PostgreSQL: a backup of one restores into the other ({@link RestoreRepository}).
 */
public final class BackupRepository {
    /** H2's snapshot isolation level ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}). */
    private static final int H2_SNAPSHOT = 6;

    private final Database db;
    private final Clock clock;

    public BackupRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Writes the backup to {@code file} (through a temporary file beside it, moved into place only when
     * complete: a failed or cancelled backup never leaves a partial file). Cancellation throws
     * {@link CancellationException}.
     */
    public BackupManifest backup(Path file, BackupListener listener) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".deskcrm-backup", ".tmp");
            BackupManifest manifest;
            try (Connection c = db.dataSource().getConnection();
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                manifest = write(c, out, listener);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return manifest;
        } catch (SQLException e) {
            throw new AppException("backup.error.database", e, e.getMessage());
        } catch (IOException e) {
            throw new AppException("backup.error.file", e, file, e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file is harmless
                }
            }
        }
    }

    private BackupManifest write(Connection c, OutputStream raw, BackupListener listener) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        try {
            c.setTransactionIsolation(db.isPostgres() ? Connection.TRANSACTION_REPEATABLE_READ : H2_SNAPSHOT);
            c.setReadOnly(db.isPostgres());
            String version = SchemaVersions.current(c); // the first read fixes the snapshot
            List<TableShape> shapes = SchemaCatalog.read(c);
            List<Long> counts = new ArrayList<>();
            long total = 0;
            for (TableShape t : shapes) {
                long n = count(c, t.name());
                counts.add(n);
                total += n;
            }
            ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8);
            zip.setLevel(6);
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                TableShape t = shapes.get(i);
                List<String> cols = t.columns().stream().map(TableShape.Column::name).toList();
                List<ValueKind> kinds = t.columns().stream().map(TableShape.Column::kind).toList();
                tables.add(new BackupManifest.Table(t.name(), cols, kinds, counts.get(i), maxId(c, t)));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, version,
                    db.isPostgres() ? "PostgreSQL" : "H2", clock.instant(), tables);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            manifest.write(zip);
            zip.closeEntry();
            long done = 0;
            listener.rows(0, total);
            for (int i = 0; i < shapes.size(); i++) {
                done = writeTable(c, zip, shapes.get(i), counts.get(i), done, total, listener);
            }
            zip.finish();
            zip.flush();
            c.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setReadOnly(false);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private long writeTable(Connection c, ZipOutputStream zip, TableShape t, long expected, long done, long total,
                            BackupListener listener) throws SQLException, IOException {
        zip.putNextEntry(new ZipEntry("tables/" + t.name() + ".csv"));
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        List<String> header = t.columns().stream().map(TableShape.Column::name).toList();
        CsvRows.write(w, header);
        String sql = "SELECT " + String.join(", ", header.stream().map(Sql::quote).toList()) + " FROM "
                + Sql.quote(t.name()) + (t.primaryKey().isEmpty() ? ""
                : " ORDER BY " + String.join(", ", t.primaryKey().stream().map(Sql::quote).toList()));
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2_000);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>(header.size());
                while (rs.next()) {
                    values.clear();
                    for (int i = 0; i < header.size(); i++) {
                        values.add(t.columns().get(i).kind().read(rs, i + 1));
                    }
                    CsvRows.write(w, values);
                    rows++;
                    if (rows % 5_000 == 0) {
                        if (listener.cancelled()) {
                            throw new CancellationException();
                        }
                        listener.rows(done + rows, total);
                    }
                }
            }
        }
        w.flush();
        zip.closeEntry();
        if (rows != expected) {
            throw new IllegalStateException(t.name() + ": " + rows + " rows read, " + expected + " counted in the same snapshot");
        }
        listener.rows(done + rows, total);
        return done + rows;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Sql.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long maxId(Connection c, TableShape t) throws SQLException {
        if (!t.identity()) {
            return 0;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + Sql.quote(t.name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
