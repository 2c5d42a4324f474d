package org.deskcrm.ui.export;

import javafx.scene.Node;
import org.deskcrm.service.export.ExportResult;
import org.deskcrm.service.export.ExportService;
import org.deskcrm.service.export.ExportTarget;
import org.deskcrm.service.export.ExportTexts;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.shell.LongJobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Runs the window's exports: on an {@link ExportRequest} from any list it asks for the file (offered in the
 * person's {@link ExportFolder}), then exports in the background as the signed-in user with the progress bar
 * and Cancel in the status bar, and confirms with the file's full path, Open and Show in folder (or reports the
 * refusal, or the error) when done. Opening runs off the FX thread through the {@link FileOpener}.
 */
public final class ExportHandler {
    private final ExportService exports;
    private final LongJobs jobs;
    private final I18n i18n;
    private final Workspace workspace;
    private final DialogService dialogs;
    private final SaveFileChooser chooser;
    private final Supplier<Long> currentUser;
    private final Supplier<LocalDate> today;
    private final TaskExecutor executor;
    private final ExportFolder folder;
    private final FileOpener opener;
    private Node root;

    /**
     * @param executor runs the opening of a file off the FX thread
     * @param folder   the folder the save dialog opens in, remembered after each export
     * @param opener   opens the file or its folder (the desktop's; tests inject their own)
     */
    public ExportHandler(ExportService exports, LongJobs jobs, TaskExecutor executor, I18n i18n, Workspace workspace,
                         DialogService dialogs, SaveFileChooser chooser, ExportFolder folder, FileOpener opener,
                         Supplier<Long> currentUser, Supplier<LocalDate> today) {
        this.executor = executor;
        this.folder = folder;
        this.opener = opener;
        this.exports = exports;
        this.jobs = jobs;
        this.i18n = i18n;
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.chooser = chooser;
        this.currentUser = currentUser;
        this.today = today;
    }

    /** Handles the export requests of every list below {@code root} (the window's root). */
    public void install(Node root) {
        this.root = root;
        root.addEventHandler(ExportRequest.EXPORT, e -> {
            e.consume();
            export(e.target());
        });
    }

    /** Asks for the file and starts the export; nothing happens when the user cancels the dialog. */
    public void export(ExportTarget target) {
        Long user = currentUser.get();
        Optional<Path> chosen = chooser.chooseSaveFile(i18n.get("export.chooser.title"), folder.folder(),
                initialName(target));
        if (chosen.isEmpty() || user == null) {
            return;
        }
        Path file = chosen.get().toAbsolutePath();
        folder.remember(file);
        Locale locale = i18n.locale();
        jobs.run(i18n.format("export.job", file.getFileName().toString()),
                p -> exports.export(target, file, user, locale, p),
                this::done, this::failed);
    }

    private void done(ExportResult r) {
        Path file = r.file().toAbsolutePath();
        String message = i18n.format("export.done", r.rows(), file.toString(),
                String.format(i18n.locale(), "%.1f", r.seconds()));
        workspace.status(message);
        javafx.stage.Window owner = root == null || root.getScene() == null ? null : root.getScene().getWindow();
        ExportDoneDialog.show(owner, i18n, message, file, f -> inBackground(() -> opener.open(f)),
                f -> inBackground(() -> opener.showInFolder(f)));
    }

    /** Asks the desktop off the FX thread; a desktop that cannot open files gets a clear message, not a crash. */
    private void inBackground(Runnable work) {
        executor.submit(p -> {
            work.run();
            return Boolean.TRUE;
        }, ok -> { }, e -> dialogs.error(i18n.get("export.open.title"), i18n.message(e)));
    }

    private void failed(Throwable e) {
        if (e instanceof CancellationException) {
            return; // the status bar already says it was cancelled
        }
        dialogs.error(i18n.get("export.failed.title"), i18n.message(e));
    }

    /** E.g. "Clients 2026-03-10.xlsx", from the list's title. */
    String initialName(ExportTarget target) {
        String title = target instanceof ExportTarget.Table t ? t.title()
                : target instanceof ExportTarget.Report r ? i18n.get("report.title." + r.table().report())
                : new ExportTexts(i18n.locale()).get("export.title." + target.entity());
        return title.replaceAll("[\\\\/:*?\"<>|]", " ").strip() + " " + today.get() + ".xlsx";
    }
}
