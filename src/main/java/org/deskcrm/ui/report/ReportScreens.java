package org.deskcrm.ui.report;

import org.deskcrm.ui.common.FxDebouncer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.deskcrm.service.report.Report;
import org.deskcrm.service.report.ReportCatalog;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.util.List;

/**
 * The report screens for the shell: the list of reports (for the navigation sidebar) and opening
 * one as a workspace tab ({@code report:NAME}). Built from the report services and the ui.common
 * contracts only.
 */
public final class ReportScreens {
    private final ReportCatalog catalog;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Workspace workspace;
    private org.deskcrm.service.goal.GoalService goals;
    private ReportPeriods periods = ReportPeriods.NONE;
    private PipelineMemory pipelines;

    /** How long the filter must stay unchanged before the report recomputes. */
    static final int DEBOUNCE_MILLIS = 400;

    public ReportScreens(ReportCatalog catalog, TaskExecutor executor, I18n i18n, Workspace workspace) {
        this.catalog = catalog;
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
    }

    private org.deskcrm.service.report.ReportFileWriter exporter;

    /** Exports through this writer (the export service: right checked, audited) instead of writing plainly. */
    public ReportScreens exportingThrough(org.deskcrm.service.report.ReportFileWriter writer) {
        this.exporter = writer;
        return this;
    }

    private org.deskcrm.service.report.ReportTotals totals;

    /** Says above each report when the stored totals are stale, and offers an administrator the rebuild. */
    public ReportScreens withTotals(org.deskcrm.service.report.ReportTotals reportTotals) {
        this.totals = reportTotals;
        return this;
    }

    /** Offers the goals editor from the plan vs fact report. */
    public ReportScreens withGoals(org.deskcrm.service.goal.GoalService service) {
        this.goals = service;
        return this;
    }

    /** Opens each report on the period preset its reader last chose for it. */
    public ReportScreens withPeriods(ReportPeriods memory) {
        this.periods = memory;
        return this;
    }

    private ReportLayouts layouts = ReportLayouts.NONE;
    private java.util.function.Supplier<java.util.Currency> currency = () -> null;

    /** Writes money in the business currency as it is when a report opens. */
    public ReportScreens withCurrency(java.util.function.Supplier<java.util.Currency> currency) {
        this.currency = currency;
        return this;
    }

    /** Opens each report with the divider and the measure its reader last chose for it. */
    public ReportScreens withLayouts(ReportLayouts memory) {
        this.layouts = memory;
        return this;
    }

    /** Opens each report on the pipeline its user last chose there. */
    public ReportScreens rememberingPipelines(PipelineMemory memory) {
        this.pipelines = memory;
        return this;
    }

    /** Report names in menu order. */
    public List<String> names() {
        return catalog.all().stream().map(Report::name).toList();
    }

    public String title(String name) {
        return i18n.get("report.title." + name);
    }

    /**
     * A new view of the report. Its filter choices load in the background, then it computes at once for
     * the current month and again whenever the filter changes.
     */
    public ReportView view(String name) {
        return view(name, null);
    }

    /** A new view of the report computing for {@code filter} first (null: the report's default period). */
    public ReportView view(String name, org.deskcrm.model.report.ReportFilter filter) {
        Report report = catalog.get(name);
        ReportViewModel vm = new ReportViewModel(report, executor, i18n, catalog.support().exporter(i18n.locale()),
                catalog.support()::choices, new FxDebouncer(javafx.util.Duration.millis(DEBOUNCE_MILLIS)))
                .withPeriods(periods).withLayouts(layouts).withCurrency(currency.get());
        if (exporter != null) {
            vm.exportingThrough(exporter);
        }
        vm.rememberingPipelines(pipelines);
        vm.withDrillGrids(catalog.support()::grid);
        ReportView view = new ReportView(vm, i18n, workspace);
        if (goals != null && org.deskcrm.service.report.PlanFactReport.NAME.equals(name)) {
            view.addTool(goalsButton(vm));
        }
        if (filter != null) {
            vm.fromProperty().set(filter.from());
            vm.toProperty().set(filter.to());
            vm.pipelineIdProperty().set(filter.pipelineId());
            vm.managerIdProperty().set(filter.managerId());
            vm.teamIdProperty().set(filter.teamId());
            vm.sourceIdProperty().set(filter.sourceId());
            vm.bandProperty().set(filter.band());
        }
        if (totals != null) {
            TotalsNoticeViewModel notice = new TotalsNoticeViewModel(totals, executor, i18n, vm::refresh);
            view.addNotice(new TotalsNotice(notice, i18n));
            notice.check();
        }
        vm.open();
        return view;
    }

    /** "Goals…": opens the goals editor for the period the report shows; a change recomputes the report. */
    private javafx.scene.control.Button goalsButton(ReportViewModel vm) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(i18n.get("goal.open"));
        b.setId("reportGoals");
        b.setOnAction(e -> workspace.openTab("goals", i18n.get("goal.title"), () -> {
            GoalsViewModel gvm = new GoalsViewModel(goals, executor, i18n, catalog.support()::choices,
                    vm.fromProperty().get() == null ? java.time.LocalDate.now() : vm.fromProperty().get(), vm::refresh);
            GoalsView v = new GoalsView(gvm, i18n);
            gvm.open();
            return v;
        }));
        return b;
    }

    /**
     * The report catalogue for the sidebar section: one line per report with its title; double-click
     * or Enter opens the report tab.
     */
    public Node catalog() {
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(names()));
        list.setId("reportCatalog");
        list.getStyleClass().add("report-catalog");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : title(name));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = new Label(i18n.get("report.catalog.hint"));
        hint.getStyleClass().add("hint");
        VBox box = new VBox(8, hint, list);
        box.setPadding(new Insets(12));
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    /**
     * Opens the report computed for {@code filter} (a dashboard tile's click): a tab of that report that
     * is already open is replaced, so the report shows exactly the figure that was clicked.
     */
    public void open(String name, org.deskcrm.model.report.ReportFilter filter) {
        workspace.closeTab("report:" + name);
        workspace.openTab("report:" + name, title(name), () -> view(name, filter));
    }

    /** Opens the report in a tab, or selects its tab when already open. */
    public void open(String name) {
        workspace.openTab("report:" + name, title(name), () -> view(name));
    }
}
