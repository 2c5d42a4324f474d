package org.deskcrm.service.backup;

import org.deskcrm.model.backup.BackupInfo;
import org.deskcrm.persistence.backup.BackupListener;
import org.deskcrm.persistence.backup.BackupManifest;
import org.deskcrm.persistence.backup.BackupRepository;
import org.deskcrm.persistence.backup.RestoreRepository;
import org.deskcrm.service.common.Progress;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.UserRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

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
    private AuditRepository audit;
    private UserRepository users;
    private Clock clock;
    private Supplier<Long> actor = () -> null;
    private java.util.function.BooleanSupplier administrator = () -> true;

    public BackupService(BackupRepository backups, RestoreRepository restores) {
        this.backups = backups;
        this.restores = restores;
    }

    /**
     * Records every successful backup and restore in the event feed (action BACKUP / RESTORE, entity
     * "database", details: the file name and the row counts), by {@code actor} (the signed-in user; null
     * on the command line). Called once by the composition root; without it nothing is recorded.
     */
    public BackupService audited(AuditRepository audit, UserRepository users, Clock clock, Supplier<Long> actor) {
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.actor = actor;
        return this;
    }

    /**
     * Backing up and restoring are administrator rights (ADR 0011): a backup holds every client of every
     * manager and every password hash, a restore replaces everything. {@code isAdmin} says whether the
     * acting user is an administrator (the command line without {@code --as} is the system: yes).
     */
    public BackupService restrictedTo(java.util.function.BooleanSupplier isAdmin) {
        this.administrator = isAdmin;
        return this;
    }

    private void requireAdministrator() {
        if (!administrator.getAsBoolean()) {
            throw new AppException("backup.error.forbidden");
        }
    }

    /**
     * Writes a consistent backup of the whole database to {@code file}. The BACKUP event is written
     * after the file, so it is not in the backup itself.
     */
    public BackupInfo backup(Path file, Progress progress) {
        requireAdministrator();
        BackupInfo info = info(backups.backup(file, listener(STEP_BACKUP, progress)));
        record(AuditAction.BACKUP, file, info);
        return info;
    }

    /** Reads what a backup file holds without touching the database. */
    public BackupInfo inspect(Path file) {
        return info(restores.manifest(file));
    }

    /** True when the database already holds work that a restore would replace (needs {@code force}). */
    public boolean databaseHasWork() {
        return restores.hasWork();
    }

    /**
     * Replaces the database's contents with the backup's, in one transaction; the replaced database's
     * events are kept, appended after the restored ones. The RESTORE event is appended to the restored data afterwards (by the acting user when that user
     * exists in the restored data, otherwise anonymously).
     */
    public BackupInfo restore(Path file, boolean force, Progress progress) {
        requireAdministrator();
        BackupInfo info = info(restores.restore(file, force, listener(STEP_RESTORE, progress)));
        record(AuditAction.RESTORE, file, info);
        return info;
    }

    private void record(AuditAction action, Path file, BackupInfo info) {
        if (audit == null) {
            return;
        }
        Long user = actor.get();
        if (user != null && users.findById(user).isEmpty()) {
            user = null; // a restore replaced the users: the acting user may not exist any more
        }
        audit.append(List.of(AuditEvent.of(clock.instant(), user, action, "database", null)
                .withDetails(details(file, info))));
    }

    /** "crm.zip: 1234 rows (client 200, deal 300, ...)", at most 4000 characters (the column's size). */
    static String details(Path file, BackupInfo info) {
        StringBuilder b = new StringBuilder();
        b.append(file.getFileName()).append(": ").append(info.totalRows()).append(" rows (");
        String sep = "";
        for (Map.Entry<String, Long> e : new TreeMap<>(info.rows()).entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            sep = ", ";
        }
        b.append(')');
        return b.length() > 4000 ? b.substring(0, 3997) + "..." : b.toString();
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
