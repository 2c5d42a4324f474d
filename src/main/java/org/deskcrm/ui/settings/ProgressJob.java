package org.deskcrm.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.deskcrm.service.common.Progress;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A long admin job (rescore all deals, recompute all statuses) run in the background with its own
 * progress (0–1) and a cancel; the result or error becomes a localized message. Progress arrives on
 * a worker thread and is handed to {@code fx} (Platform::runLater in the window, direct in tests).
 */
final class ProgressJob {
    private final TaskExecutor executor;
    private final Executor fx;
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TaskExecutor.Job job;

    ProgressJob(TaskExecutor executor, Executor fx, I18n i18n) {
        this.executor = executor;
        this.fx = fx;
        this.i18n = i18n;
    }

    /**
     * Starts {@code work} unless a run is going; {@code done} turns its count into the final message.
     */
    void start(ToLongFunction<Progress> work, Function<Long, String> done) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        message.set(i18n.get("settings.job.running"));
        job = executor.submit(p -> work.applyAsLong(new Progress() {
            @Override
            public void update(String stepKey, long d, long total) {
                p.update(stepKey, d, total);
                double f = total > 0 ? Math.min(1.0, (double) d / total) : -1;
                fx.execute(() -> progress.set(f));
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        }), n -> {
            running.set(false);
            progress.set(1);
            message.set(done.apply(n));
        }, e -> {
            running.set(false);
            message.set(i18n.message(e));
        });
    }

    /** Stops the run between two batches (what was committed stays; running it again finishes the rest). */
    void cancel() {
        if (job != null && running.get()) {
            job.cancel();
            running.set(false);
            message.set(i18n.get("settings.job.cancelled"));
        }
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
