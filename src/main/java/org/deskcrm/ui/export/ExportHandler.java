package org.deskcrm.ui.export;

import javafx.scene.Node;
import org.deskcrm.service.export.ExportResult;
import org.deskcrm.service.export.ExportService;
import org.deskcrm.service.export.ExportTarget;
import org.deskcrm.service.export.ExportTexts;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.shell.LongJobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Runs the window's exports: on an {@link ExportRequest} from any list it asks for the file, then
 * exports in the background as the signed-in user with the progress bar and Cancel in the status bar,
 * and reports the rows and seconds (or the refusal, or the error) when done.
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

    public ExportHandler(ExportService exports, LongJobs jobs, I18n i18n, Workspace workspace, DialogService dialogs,
                         SaveFileChooser chooser, Supplier<Long> currentUser, Supplier<LocalDate> today) {
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
        root.addEventHandler(ExportRequest.EXPORT, e -> {
            e.consume();
            export(e.target());
        });
    }

    /** Asks for the file and starts the export; nothing happens when the user cancels the dialog. */
    public void export(ExportTarget target) {
        Long user = currentUser.get();
        Optional<Path> chosen = chooser.chooseSaveFile(i18n.get("export.chooser.title"), initialName(target));
        if (chosen.isEmpty() || user == null) {
            return;
        }
        Path file = chosen.get();
        Locale locale = i18n.locale();
        jobs.run(i18n.format("export.job", file.getFileName().toString()),
                p -> exports.export(target, file, user, locale, p),
                this::done, this::failed);
    }

    private void done(ExportResult r) {
        workspace.status(i18n.format("export.done", r.rows(), r.file().getFileName().toString(),
                String.format(i18n.locale(), "%.1f", r.seconds())));
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
