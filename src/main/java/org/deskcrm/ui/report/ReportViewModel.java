package org.deskcrm.ui.report;

import org.deskcrm.ui.common.Debouncer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.FilterChoices;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.service.report.Report;
import org.deskcrm.service.report.ReportExport;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One report tab: the filter being edited, the last computed table, busy and error state. {@link #open()}
 * loads the filter choices and computes the report for the period preset last chosen for it (else the
 * current month); every filter change then
 * recomputes it (debounced). Lookups, computing, drilling and exporting run in the background through
 * the {@link TaskExecutor}; a newer computation supersedes an older one still running.
 */
public final class ReportViewModel {
    private final Report report;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ReportExport export;
    private org.deskcrm.service.report.ReportFileWriter writer;
    private final Supplier<FilterChoices> lookups;
    private final Debouncer debounce;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> pipelineId = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> managerId = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> teamId = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> sourceId = new SimpleObjectProperty<>();
    private final ObjectProperty<ScoreBand> band = new SimpleObjectProperty<>();
    private final ObjectProperty<Grain> grain = new SimpleObjectProperty<>();
    private final ObjectProperty<org.deskcrm.model.report.DealAttribute> attribute = new SimpleObjectProperty<>();
    private final ObjectProperty<org.deskcrm.model.report.PeriodPreset> preset = new SimpleObjectProperty<>();
    private ReportPeriods periods = ReportPeriods.NONE;
    private LocalDate today;
    private boolean applyingPreset;
    private final ReadOnlyObjectWrapper<FilterChoices> choices = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReportTable> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private boolean applyingDefaults;
    private PipelineMemory pipelines;
    private long generation;
    private TaskExecutor.Job running;
    private java.util.function.Function<Drill, org.deskcrm.model.report.DrillGrid> grids =
            d -> org.deskcrm.model.report.DrillGrid.of(d, java.util.Map.of());

    /**
     * @param lookups reads the filter choices (runs queries: called off the FX thread)
     * @param debounce delays recomputing while the user is still changing the filter
     */
    public ReportViewModel(Report report, TaskExecutor executor, I18n i18n, ReportExport export,
                           Supplier<FilterChoices> lookups, Debouncer debounce) {
        this.report = report;
        this.executor = executor;
        this.i18n = i18n;
        this.export = export;
        this.writer = export::write;
        this.lookups = lookups;
        this.debounce = debounce;
        grain.set(report.grains().isEmpty() ? null : report.grains().get(0));
        attribute.set(report.attributes().isEmpty() ? null : report.attributes().get(0));
        for (ObservableValue<?> p : List.of(from, to, pipelineId, managerId, teamId, sourceId, band, grain, attribute)) {
            p.addListener((o, old, now) -> filterChanged());
        }
        pipelineId.addListener((o, old, now) -> {
            if (pipelines != null && !applyingDefaults) {
                pipelines.put(report.name(), now);
            }
        });
        preset.addListener((o, old, now) -> presetChosen(now));
        from.addListener((o, old, now) -> datesTyped());
        to.addListener((o, old, now) -> datesTyped());
    }

    /** Opens on the pipeline the user last chose for this report, and remembers each choice. */
    public ReportViewModel rememberingPipelines(PipelineMemory memory) {
        this.pipelines = memory;
        return this;
    }

    private final ObjectProperty<org.deskcrm.model.report.FunnelMeasure> measure =
            new SimpleObjectProperty<>(org.deskcrm.model.report.FunnelMeasure.DEALS);
    private ReportLayouts layouts = ReportLayouts.NONE;
    private java.util.Currency currency;

    /** Writes money in the business currency (without it: no currency sign). */
    public ReportViewModel withCurrency(java.util.Currency currency) {
        this.currency = currency;
        return this;
    }

    /** The business currency money is written in; {@code null} when none is known. */
    public java.util.Currency currency() {
        return currency;
    }

    /** Opens on the measure and the divider the person last chose for this report, and remembers each change. */
    public ReportViewModel withLayouts(ReportLayouts memory) {
        this.layouts = memory;
        memory.measure(report.name()).ifPresent(measure::set);
        measure.addListener((o, old, now) -> {
            if (now != null) {
                layouts.rememberMeasure(report.name(), now);
            }
        });
        return this;
    }

    /** Whether the report is drawn by a measure the reader chooses (the funnel: deals or amount). */
    public boolean hasMeasure() {
        return org.deskcrm.service.report.FunnelCohortReport.NAME.equals(report.name());
    }

    /** The measure the funnel's chart draws and its table emphasises. */
    public ObjectProperty<org.deskcrm.model.report.FunnelMeasure> measureProperty() {
        return measure;
    }

    /** Where the divider between table and chart last stood (0–1), if it was moved. */
    public java.util.OptionalDouble divider() {
        return layouts.divider(report.name());
    }

    public void rememberDivider(double position) {
        layouts.rememberDivider(report.name(), position);
    }

    /** Remembers the period preset chosen for this report (per person) and starts from it next time. */
    public ReportViewModel withPeriods(ReportPeriods memory) {
        this.periods = memory;
        return this;
    }

    /**
     * The period preset (this month, last quarter...); {@code CUSTOM} when the dates were typed. Choosing
     * one sets both dates (in the business time zone's today) and is remembered for this report.
     */
    public ObjectProperty<org.deskcrm.model.report.PeriodPreset> presetProperty() {
        return preset;
    }

    private void presetChosen(org.deskcrm.model.report.PeriodPreset p) {
        if (p == null || applyingPreset || today == null) {
            return;
        }
        periods.remember(report.name(), p);
        p.range(today).ifPresent(r -> {
            applyingPreset = true;
            try {
                from.set(r.from());
                to.set(r.to());
            } finally {
                applyingPreset = false;
            }
        });
    }

    /** Dates typed by hand: the preset shows which one they are, or custom. */
    private void datesTyped() {
        if (applyingPreset || today == null || from.get() == null || to.get() == null) {
            return;
        }
        applyingPreset = true;
        try {
            preset.set(org.deskcrm.model.report.PeriodPreset.matching(from.get(), to.get(), today));
        } finally {
            applyingPreset = false;
        }
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

    public ObjectProperty<Long> teamIdProperty() {
        return teamId;
    }

    public ObjectProperty<Long> sourceIdProperty() {
        return sourceId;
    }

    public ObjectProperty<ScoreBand> bandProperty() {
        return band;
    }

    /** How the report splits its rows by time (day, week...), when it offers a choice. */
    public ObjectProperty<Grain> grainProperty() {
        return grain;
    }

    /** The grains the report offers, its default first; empty when its rows are not split by time. */
    public List<Grain> grains() {
        return report.grains();
    }

    /** What the report groups deals by (sales analysis), when it offers a choice. */
    public ObjectProperty<org.deskcrm.model.report.DealAttribute> attributeProperty() {
        return attribute;
    }

    /** The attributes the report can group deals by, its default first; empty when it offers none. */
    public List<org.deskcrm.model.report.DealAttribute> attributes() {
        return report.attributes();
    }

    /** The filter choices, null until loaded. */
    public ReadOnlyObjectProperty<FilterChoices> choicesProperty() {
        return choices.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReportTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Loads the filter choices in the background, then sets the period to the current month (unless one
     * is set already) and computes the report.
     */
    public void open() {
        busy.set(true);
        executor.submit(p -> lookups.get(), c -> {
            applyingDefaults = true;
            try {
                today = c.today();
                if (from.get() == null && to.get() == null) {
                    org.deskcrm.model.report.PeriodPreset p = periods.last(report.name())
                            .filter(x -> x != org.deskcrm.model.report.PeriodPreset.CUSTOM)
                            .orElse(org.deskcrm.model.report.PeriodPreset.THIS_MONTH);
                    org.deskcrm.model.report.PeriodPreset.Range r = p.range(today).orElseThrow();
                    from.set(r.from());
                    to.set(r.to());
                } else {
                    datesTyped();
                }
                applyingPreset = true;
                try {
                    preset.set(org.deskcrm.model.report.PeriodPreset.matching(from.get(), to.get(), today));
                } finally {
                    applyingPreset = false;
                }
                if (pipelineId.get() == null && pipelines != null) {
                    pipelines.get(report.name()).filter(c.pipelines()::containsKey).ifPresent(pipelineId::set);
                }
            } finally {
                applyingDefaults = false;
            }
            choices.set(c);
            refresh();
        }, this::failed);
    }

    /** Computes the report for the current filter, superseding a computation still running. */
    public void refresh() {
        long mine = ++generation;
        if (running != null) {
            running.cancel();
        }
        ReportFilter f;
        try {
            f = filter();
        } catch (RuntimeException e) {
            computeFailed(mine, e);
            return;
        }
        busy.set(true);
        running = executor.submit(p -> report.run(f), t -> {
            if (mine == generation) {
                busy.set(false);
                error.set(null);
                table.set(t);
            }
        }, e -> computeFailed(mine, e));
    }

    /** Lists the records behind a cell of the shown table (or a summary figure when rowKey is null). */
    public void drill(String column, String rowKey, Consumer<Drill> onResult) {
        ReportTable t = table.get();
        if (t == null) {
            return;
        }
        executor.submit(p -> report.drill(t.filter(), column, rowKey), onResult, this::failed);
    }

    /** Reads the records' human columns for drill-down grids (the report support's records, in the window). */
    public ReportViewModel withDrillGrids(java.util.function.Function<Drill, org.deskcrm.model.report.DrillGrid> reader) {
        this.grids = reader;
        return this;
    }

    /** Lists the records behind a cell with their human columns (client, manager, stage, dates), in the background. */
    public void drillGrid(String column, String rowKey, Consumer<org.deskcrm.model.report.DrillGrid> onResult) {
        ReportTable t = table.get();
        if (t == null) {
            return;
        }
        executor.submit(p -> grids.apply(report.drill(t.filter(), column, rowKey)), onResult, this::failed);
    }

    /** Exports through the given writer (the export service: right checked, written to the event feed). */
    public ReportViewModel exportingThrough(org.deskcrm.service.report.ReportFileWriter exporter) {
        this.writer = exporter;
        return this;
    }

    /** Writes the shown table to a .csv or .xlsx file. */
    public void export(Path file, Runnable onDone) {
        ReportTable t = table.get();
        if (t == null) {
            return;
        }
        busy.set(true);
        executor.submit(p -> {
            writer.write(t, file);
            return file;
        }, f -> {
            busy.set(false);
            onDone.run();
        }, this::failed);
    }

    private void filterChanged() {
        if (choices.get() != null && !applyingDefaults) {
            debounce.schedule(this::refresh);
        }
    }

    private ReportFilter filter() {
        return new ReportFilter(from.get(), to.get(), pipelineId.get(), managerId.get(), teamId.get(),
                sourceId.get(), band.get(), grain.get(), attribute.get());
    }

    /** The table no longer matches the filter: it goes, the reason shows. */
    private void computeFailed(long mine, Throwable e) {
        if (mine == generation) {
            table.set(null);
            failed(e);
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(i18n.message(e));
    }
}
