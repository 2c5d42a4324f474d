package org.deskcrm.ui.trust;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.deskcrm.model.backup.BackupInfo;
import org.deskcrm.service.backup.BackupService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.shell.LongJobs;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * File → Back up… and File → Restore…: choose a file, then the job runs in the background with the
 * status bar's progress and Cancel. Restore shows what the file holds and asks before replacing
 * anything; a cancelled or failed restore leaves the database as it was (one transaction).
 */
public final class BackupActions {
    private final BackupService backups;
    private final LongJobs jobs;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Workspace workspace;
    private final I18n i18n;
    private final Supplier<Window> owner;

    public BackupActions(BackupService backups, LongJobs jobs, TaskExecutor executor, DialogService dialogs,
                         Workspace workspace, I18n i18n, Supplier<Window> owner) {
        this.backups = backups;
        this.jobs = jobs;
        this.executor = executor;
        this.dialogs = dialogs;
        this.workspace = workspace;
        this.i18n = i18n;
        this.owner = owner;
    }

    public void backup() {
        FileChooser chooser = chooser("backup.window.backupTitle");
        chooser.setInitialFileName("deskcrm-" + LocalDate.now() + ".zip");
        File file = chooser.showSaveDialog(owner.get());
        if (file != null) {
            backupTo(file.toPath());
        }
    }

    /** Writes the backup to {@code file} in the background (the menu action after the file chooser). */
    public void backupTo(Path file) {
        jobs.run(i18n.get("backup.step.backup"), p -> backups.backup(file, p), info -> {
            workspace.status(i18n.format("backup.window.written", file.getFileName(), info.totalRows()));
            dialogs.info(i18n.get("backup.window.backupTitle"),
                    i18n.format("backup.window.written", file.toAbsolutePath(), info.totalRows()));
        }, this::failed);
    }

    public void restore() {
        File file = chooser("backup.window.restoreTitle").showOpenDialog(owner.get());
        if (file != null) {
            restoreFrom(file.toPath());
        }
    }

    /** Reads what the file holds, asks, then restores in the background. */
    public void restoreFrom(Path file) {
        executor.submit(p -> new Inspected(backups.inspect(file), backups.databaseHasWork()), seen -> {
            BackupInfo info = seen.info();
            String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(i18n.locale())
                    .format(info.createdAt().atZone(ZoneId.systemDefault()));
            String message = i18n.format("backup.window.restoreConfirm", file.getFileName(), when, info.vendor(),
                    info.schemaVersion(), info.rows("client"), info.rows("deal"), info.rows("phone_call"), info.totalRows())
                    + (seen.hasWork() ? "\n\n" + i18n.get("backup.window.replaces") : "");
            if (!dialogs.confirm(i18n.get("backup.window.restoreTitle"), message)) {
                return;
            }
            jobs.run(i18n.get("backup.step.restore"), p -> backups.restore(file, seen.hasWork(), p), restored -> {
                workspace.status(i18n.format("backup.window.restored", restored.totalRows()));
                dialogs.info(i18n.get("backup.window.restoreTitle"), i18n.format("backup.window.restored",
                        restored.totalRows()));
            }, this::failed);
        }, this::failed);
    }

    private record Inspected(BackupInfo info, boolean hasWork) {
    }

    private void failed(Throwable e) {
        if (e instanceof CancellationException) {
            workspace.status(i18n.get("backup.window.cancelled"));
        } else {
            dialogs.error(i18n.get("backup.window.failed"), i18n.message(e));
        }
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("backup.window.fileType"), "*.zip"));
        return chooser;
    }
}
