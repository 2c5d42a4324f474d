package org.deskcrm.ui.imports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.imports.ErrorReport;
import org.deskcrm.service.imports.ImportService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.imports.ImportWizardViewModel.Step;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The import run: the import in the background with its progress and cancel, its result, and the report of
 * the invalid cells of a run that was refused.
 */
final class ImportRun {
    private final ImportWizardViewModel wizard;
    private final ImportService service;
    private final TaskExecutor executor;
    private final Executor ui;
    private final I18n i18n;
    private final Supplier<Long> userId;
    private final Runnable afterImport;
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final IntegerProperty created = new SimpleIntegerProperty(-1);
    /** The invalid cells of the last run refused (empty: none to report). */
    private List<CellIssue> rejected = List.of();
    private TaskExecutor.Job job;
    /** Cancel was pressed: the run stops at its next check and rolls back, unless it already committed. */
    private volatile boolean cancelRequested;

    ImportRun(ImportWizardViewModel wizard, ImportService service, TaskExecutor executor, Executor ui, I18n i18n,
              Supplier<Long> userId, Runnable afterImport) {
        this.wizard = wizard;
        this.service = service;
        this.executor = executor;
        this.ui = ui;
        this.i18n = i18n;
        this.userId = userId;
        this.afterImport = afterImport;
    }

    /** Runs the import in the background; {@link #cancel()} rolls it back. */
    void run() {
        ImportSettings s = wizard.settings();
        ImportTarget t = wizard.targetProperty().get();
        byte[] data = wizard.bytes();
        String name = wizard.fileNameProperty().get();
        Long user = userId.get();
        wizard.show(Step.RUN);
        running.set(true);
        wizard.setError("");
        wizard.setResult("");
        rejected = List.of();
        progress.set(-1);
        cancelRequested = false;
        job = executor.submit(p -> service.run(data, name, t, s, false, user, forward(p)), r -> {
            running.set(false);
            showResult(r);
        }, e -> {
            running.set(false);
            wizard.failed(e);
        });
    }

    /**
     * Asks the run to stop: it rolls back at its next check and the wizard says "cancelled" when it has; a run that
     * had already committed shows its result instead. (Cancelling the job itself would drop its outcome, and a run
     * committed in that moment would have been reported as cancelled while its rows were in.)
     */
    void cancel() {
        if (job != null && running.get() && !cancelRequested) {
            cancelRequested = true;
            progressText.set(i18n.get("imports.wizard.cancelling"));
        }
    }

    /** The run's progress, also shown by the wizard on the FX thread. */
    private Progress forward(Progress inner) {
        return new Progress() {
            @Override
            public void update(String stepKey, long doneCount, long total) {
                inner.update(stepKey, doneCount, total);
                ui.execute(() -> {
                    progress.set(total > 0 ? (double) doneCount / total : -1);
                    if (!cancelRequested) { // "cancelling" stays until the run has stopped
                        progressText.set(i18n.get(stepKey));
                    }
                });
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested || inner.isCancelled();
            }
        };
    }

    private void showResult(ImportResult r) {
        progress.set(1);
        created.set(r.created());
        done.set(true);
        wizard.setResult(i18n.format("imports.wizard.result", r.rows(), r.created(), r.merged(), r.skipped(),
                r.millis()));
        afterImport.run();
    }

    /** The run was refused for these invalid cells: they are what the error report lists. */
    void refused(List<CellIssue> issues) {
        rejected = issues;
    }

    boolean hasErrorReport() {
        return !rejected.isEmpty();
    }

    /** Writes the list of invalid cells of the last rejected run (.csv or .xlsx by the name). */
    void writeErrorReport(Path file) {
        List<CellIssue> list = rejected;
        List<String> heads = List.of(i18n.get("imports.report.row"), i18n.get("imports.report.column"),
                i18n.get("imports.report.reason"));
        wizard.submitKeepingError(p -> {
            ErrorReport.write(file, list, heads, wizard::reason);
            return file;
        }, f -> wizard.setResult(i18n.format("imports.wizard.reportWritten", f.toString())));
    }

    ReadOnlyStringProperty progressText() {
        return progressText.getReadOnlyProperty();
    }

    DoubleProperty progress() {
        return progress;
    }

    ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    BooleanProperty done() {
        return done;
    }

    IntegerProperty created() {
        return created;
    }
}
