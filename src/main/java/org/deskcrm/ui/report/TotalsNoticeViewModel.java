package org.deskcrm.ui.report;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.deskcrm.service.report.ReportTotals;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

/**
 * The notice above a report when the stored totals are stale (ADR 0012, 0018): the report then counts the
 * records, and an administrator can rebuild the totals here, in the background with its progress; the
 * outcome says how many rows differed from the records. {@link #check()} asks in the background.
 */
public final class TotalsNoticeViewModel {
    private final ReportTotals totals;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Runnable afterRebuild;
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mayRebuild = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");

    /** @param afterRebuild runs on the FX thread when a rebuild ends (the report recomputes from the totals) */
    public TotalsNoticeViewModel(ReportTotals totals, TaskExecutor executor, I18n i18n, Runnable afterRebuild) {
        this.totals = totals;
        this.executor = executor;
        this.i18n = i18n;
        this.afterRebuild = afterRebuild;
    }

    /** Finds out in the background whether the totals are stale and whether this user may rebuild them. */
    public void check() {
        executor.submit(p -> new boolean[]{totals.stale(), totals.mayRebuild()}, r -> {
            stale.set(r[0]);
            mayRebuild.set(r[1]);
        }, e -> outcome.set(i18n.message(e)));
    }

    /** Rebuilds the totals in the background; the notice goes when they are current again. */
    public void rebuild() {
        if (running.get()) {
            return;
        }
        running.set(true);
        outcome.set("");
        executor.submit(p -> totals.rebuild((step, done, total) -> {
            p.update(step, done, total);
            javafx.application.Platform.runLater(() -> progress(step));
        }), r -> {
            running.set(false);
            progress.set("");
            outcome.set(i18n.format("totals.rebuilt", r.repaired()));
            afterRebuild.run();
            check();
        }, e -> {
            running.set(false);
            progress.set("");
            outcome.set(i18n.message(e));
        });
    }

    /** Shown while a rebuild runs: the step it is at. */
    void progress(String stepKey) {
        progress.set(i18n.get(stepKey));
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mayRebuildProperty() {
        return mayRebuild.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
