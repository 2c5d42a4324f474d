package org.deskcrm.service.backup;

import org.deskcrm.model.backup.BackupInfo;
import org.deskcrm.persistence.backup.BackupListener;
import org.deskcrm.persistence.backup.BackupManifest;
import org.deskcrm.persistence.backup.BackupRepository;
import org.deskcrm.persistence.backup.RestoreRepository;
import org.deskcrm.service.common.Progress;

import java.nio.file.Path;

/**
 * Backup to one file and restore from it, for the window (File → Back up / Restore) and the command
 * line ({@code backup FILE}, {@code restore FILE [--force]}). The file is portable between H2 and
 * PostgreSQL; see {@link BackupRepository} and {@link RestoreRepository} for consistency and atomicity.
 */
public final class BackupService {
    public static final String STEP_BACKUP = "backup.step.backup";
    public static final String STEP_RESTORE = "backup.step.restore";

    private final BackupRepository backups;
    private final RestoreRepository restores;

    public BackupService(BackupRepository backups, RestoreRepository restores) {
        this.backups = backups;
        this.restores = restores;
    }

    /** Writes a consistent backup of the whole database to {@code file}. */
    public BackupInfo backup(Path file, Progress progress) {
        return info(backups.backup(file, listener(STEP_BACKUP, progress)));
    }

    /** Reads what a backup file holds without touching the database. */
    public BackupInfo inspect(Path file) {
        return info(restores.manifest(file));
    }

    /** True when the database already holds work that a restore would replace (needs {@code force}). */
    public boolean databaseHasWork() {
        return restores.hasWork();
    }

    /** Replaces the database's contents with the backup's, in one transaction. */
    public BackupInfo restore(Path file, boolean force, Progress progress) {
        return info(restores.restore(file, force, listener(STEP_RESTORE, progress)));
    }

    private static BackupListener listener(String step, Progress progress) {
        return new BackupListener() {
            @Override
            public void rows(long done, long total) {
                progress.update(step, done, total);
            }

            @Override
            public boolean cancelled() {
                return progress.isCancelled();
            }
        };
    }

    private static BackupInfo info(BackupManifest m) {
        return new BackupInfo(m.schemaVersion(), m.vendor(), m.createdAt(), m.rowCounts());
    }
}
