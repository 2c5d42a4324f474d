package org.deskcrm.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.service.client.LifecycleRules;
import org.deskcrm.service.deal.DealSettings;
import org.deskcrm.service.deal.SaleService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.concurrent.Executor;

/** Settings page: the lifecycle thresholds in days, and recomputing every client's status in the background. */
public final class LifecycleSettingsViewModel {
    private final DealSettings settings;
    private final SaleService sales;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final StringProperty freshDays = new SimpleStringProperty("");
    private final StringProperty churnDays = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ProgressJob job;

    public LifecycleSettingsViewModel(DealSettings settings, SaleService sales, TaskExecutor executor, Executor fx,
                                      I18n i18n) {
        this.settings = settings;
        this.sales = sales;
        this.executor = executor;
        this.i18n = i18n;
        this.job = new ProgressJob(executor, fx, i18n);
    }

    public void load() {
        executor.submit(p -> settings.lifecycle(), this::show, e -> message.set(i18n.message(e)));
    }

    private void show(LifecycleRules r) {
        freshDays.set(Integer.toString(r.freshDays()));
        churnDays.set(Integer.toString(r.churnDays()));
    }

    public void save() {
        int fresh;
        int churn;
        try {
            fresh = Integer.parseInt(freshDays.get().strip());
            churn = Integer.parseInt(churnDays.get().strip());
        } catch (NumberFormatException e) {
            message.set(i18n.get("settings.error.wholeNumber"));
            return;
        }
        executor.submit(p -> {
            settings.saveLifecycle(fresh, churn);
            return settings.lifecycle();
        }, r -> {
            show(r);
            message.set(i18n.get("settings.lifecycle.saved"));
        }, e -> message.set(i18n.message(e)));
    }

    /** Recomputes every client's status with the saved thresholds, in the background. */
    public void recomputeAll() {
        message.set("");
        job.start(sales::recomputeAll, n -> i18n.format("settings.lifecycle.recomputed", n));
    }

    public void cancel() {
        job.cancel();
    }

    public StringProperty freshDaysProperty() {
        return freshDays;
    }

    public StringProperty churnDaysProperty() {
        return churnDays;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyStringProperty jobMessageProperty() {
        return job.messageProperty();
    }
}
