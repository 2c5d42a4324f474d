package org.deskcrm.ui.report;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.service.report.Report;
import org.deskcrm.service.report.ReportExport;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * One report tab: the filter being edited, the last computed table, busy and error state; computing,
 * drilling and exporting run in the background through the {@link TaskExecutor}.
 */
public final class ReportViewModel {
    private final Report report;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ReportExport export;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> pipelineId = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> managerId = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ReportTable> table = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

    public ReportViewModel(Report report, TaskExecutor executor, I18n i18n, ReportExport export, LocalDate today) {
        this.report = report;
        this.executor = executor;
        this.i18n = i18n;
        this.export = export;
        from.set(today.withDayOfMonth(1));
        to.set(today.withDayOfMonth(today.lengthOfMonth()));
    }

    public String name() {
        return report.name();
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Long> pipelineIdProperty() {
        return pipelineId;
    }

    public ObjectProperty<Long> managerIdProperty() {
        return managerId;
    }

    public ReadOnlyObjectProperty<ReportTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Computes the report for the current filter. */
    public void refresh() {
        run(() -> {
            ReportFilter f = filter();
            busy.set(true);
            executor.submit(p -> report.run(f), t -> {
                busy.set(false);
                error.set(null);
                table.set(t);
            }, this::failed);
        });
    }

    /** Lists the records behind a cell of the shown table (or a summary figure when rowKey is null). */
    public void drill(String column, String rowKey, Consumer<Drill> onResult) {
        ReportTable t = table.get();
        if (t == null) {
            return;
        }
        executor.submit(p -> report.drill(t.filter(), column, rowKey), onResult, this::failed);
    }

    /** Writes the shown table to a .csv or .xlsx file. */
    public void export(Path file, Runnable onDone) {
        ReportTable t = table.get();
        if (t == null) {
            return;
        }
        busy.set(true);
        executor.submit(p -> {
            export.write(t, file);
            return file;
        }, f -> {
            busy.set(false);
            onDone.run();
        }, this::failed);
    }

    private ReportFilter filter() {
        return new ReportFilter(from.get(), to.get(), pipelineId.get(), managerId.get(), null, null, null);
    }

    private void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(i18n.message(e));
    }
}
