package org.deskcrm.ui.report;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.geometry.Pos;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.report.FilterChoices;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Refreshable;
import org.deskcrm.ui.common.Workspace;
import org.jfree.chart.fx.ChartViewer;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A report tab: a filter bar (period, pipeline, manager, team, lead source, score band) that wraps to
 * a second row on narrow windows, the table with a totals row, a bar chart
 * where there is a main figure, and the summary. Double-clicking a figure opens the records behind
 * it in a tab of their own.
 */
public final class ReportView extends BorderPane {
    private final ReportViewModel vm;
    private final I18n i18n;
    private final Workspace workspace;
    private final ReportCells cells;
    private final TableView<Row> table = new TableView<>();
    private final SplitPane split = new SplitPane();
    private final Label summary = new Label();
    private final javafx.collections.ListChangeListener<String> themeWatch = c -> restyleChart();
    private org.jfree.chart.JFreeChart chart;
    private FunnelChart funnel;
    private final ComboBox<Long> pipeline;
    private final ComboBox<Long> manager;
    private final ComboBox<Long> team;
    private final ComboBox<Long> source;
    private final HBox tools = new HBox(6);

    /** Width of the date pickers: a short date and the calendar button. */
    static final double DATE_WIDTH = 124;

    public ReportView(ReportViewModel vm, I18n i18n, Workspace workspace) {
        this.vm = vm;
        this.i18n = i18n;
        this.workspace = workspace;
        this.cells = new ReportCells(i18n.locale(), vm.currency());
        this.pipeline = named("reportPipeline", FilterChoices::pipelines, 180);
        this.manager = named("reportManager", FilterChoices::managers, 180);
        this.team = named("reportTeam", FilterChoices::teams, 150);
        this.source = named("reportSource", FilterChoices::sources, 170);
        getStyleClass().add("report-view");
        Label error = new Label();
        error.setId("reportError");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.getStyleClass().add("error");
        error.setPadding(new Insets(0, 8, 4, 8));
        setTop(new VBox(filterBar(), error));
        table.setId("reportTable");
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.busyProperty())
                .then(i18n.get("report.computing")).otherwise(i18n.get("report.empty")));
        table.setPlaceholder(placeholder);
        split.getItems().add(table);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("reportBusy");
        busy.setMaxSize(56, 56);
        busy.setMouseTransparent(true);
        busy.visibleProperty().bind(vm.busyProperty());
        setCenter(new StackPane(split, busy));
        summary.setId("reportSummary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(4, 8, 4, 8));
        setBottom(summary);
        vm.tableProperty().addListener((o, old, t) -> show(t));
        vm.measureProperty().addListener((o, old, m) -> show(vm.tableProperty().get()));
        // the divider consumes its mouse events: a filter sees the release, and the position once it settled
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> javafx.application.Platform.runLater(() -> {
            if (split.getItems().size() > 1) {
                vm.rememberDivider(split.getDividers().get(0).getPosition());
            }
        }));
        vm.choicesProperty().addListener((o, old, c) -> fill(c));
        Refreshable.attach(this, vm::refresh);
        sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.getStylesheets().removeListener(themeWatch);
            }
            if (now != null) {
                now.getStylesheets().addListener(themeWatch);
            }
            restyleChart();
        });
    }

    private FlowPane filterBar() {
        DatePicker from = datePicker("reportFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("reportTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        pipeline.valueProperty().bindBidirectional(vm.pipelineIdProperty());
        manager.valueProperty().bindBidirectional(vm.managerIdProperty());
        team.valueProperty().bindBidirectional(vm.teamIdProperty());
        source.valueProperty().bindBidirectional(vm.sourceIdProperty());
        ComboBox<ScoreBand> band = choice("reportBand", b -> i18n.get("report.band." + b.code()), 110);
        band.getItems().addAll(ScoreBand.values());
        band.valueProperty().bindBidirectional(vm.bandProperty());
        Button refresh = button("reportRefresh", "report.refresh");
        refresh.setDefaultButton(true);
        refresh.setOnAction(e -> vm.refresh());
        Button export = button("reportExport", "report.export");
        export.disableProperty().bind(vm.busyProperty().or(vm.tableProperty().isNull()));
        export.setOnAction(e -> export());
        ComboBox<org.deskcrm.model.report.PeriodPreset> preset = new ComboBox<>();
        preset.setId("reportPreset");
        preset.getItems().setAll(org.deskcrm.model.report.PeriodPreset.values());
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(org.deskcrm.model.report.PeriodPreset p) {
                return p == null ? "" : i18n.get("report.period." + p.code());
            }

            @Override
            public org.deskcrm.model.report.PeriodPreset fromString(String s) {
                return null;
            }
        });
        preset.setMinWidth(Region.USE_PREF_SIZE);
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        HBox period = group("report.filter.period", preset, from, new Label("–"), to);
        FlowPane bar = new FlowPane(14, 6, period);
        if (!vm.grains().isEmpty()) {
            ComboBox<org.deskcrm.model.report.Grain> grain = choice("reportGrain", g -> i18n.get("report.grain." + g.code()), 130);
            grain.getItems().setAll(vm.grains());
            grain.valueProperty().bindBidirectional(vm.grainProperty());
            bar.getChildren().add(group("report.filter.grain", grain));
        }
        if (!vm.attributes().isEmpty()) {
            ComboBox<org.deskcrm.model.report.DealAttribute> by = choice("reportAttribute",
                    a -> i18n.get("report.attribute." + a.code()), 170);
            by.getItems().setAll(vm.attributes());
            by.valueProperty().bindBidirectional(vm.attributeProperty());
            bar.getChildren().add(group("report.filter.attribute", by));
        }
        if (vm.hasMeasure()) {
            bar.getChildren().add(group("report.filter.measure", FunnelChart.measureChoice(i18n, vm.measureProperty())));
        }
        bar.getChildren().addAll(group("report.filter.pipeline", pipeline),
                org.deskcrm.ui.common.PeopleFilters.mark(group("report.filter.manager", manager)),
                org.deskcrm.ui.common.PeopleFilters.mark(group("report.filter.team", team)),
                group("report.filter.source", source), group("report.filter.band", band), tools);
        tools.getChildren().addAll(refresh, export);
        bar.setId("reportFilterBar");
        bar.getStyleClass().add("report-filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setRowValignment(javafx.geometry.VPos.CENTER);
        return bar;
    }

    /** Adds a control after Refresh and Export (e.g. the plan vs fact report's goals editor button). */
    /** Adds a line under the filter bar (the stale-totals notice). */
    public void addNotice(javafx.scene.Node notice) {
        ((VBox) getTop()).getChildren().add(notice);
    }

    public void addTool(javafx.scene.Node tool) {
        tools.getChildren().add(tool);
    }

    /** A label and its controls, kept together on one row of the filter bar. */
    private HBox group(String labelKey, javafx.scene.Node... controls) {
        Label label = new Label(i18n.get(labelKey));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label);
        box.getChildren().addAll(controls);
        for (javafx.scene.Node n : box.getChildren()) {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button button(String id, String textKey) {
        Button b = new Button(i18n.get(textKey));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static DatePicker datePicker(String id) {
        DatePicker d = new DatePicker();
        d.setId(id);
        d.setPrefWidth(DATE_WIDTH);
        d.setMinWidth(DATE_WIDTH);
        return d;
    }

    /** A filter choice: "all" (null) first, the values by their display name. */
    private <T> ComboBox<T> choice(String id, Function<T, String> name, double width) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.setPrefWidth(width);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setPromptText(i18n.get("report.filter.all"));
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T k) {
                return k == null ? i18n.get("report.filter.all") : name.apply(k);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(converter);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        return box;
    }

    private ComboBox<Long> named(String id, Function<FilterChoices, Map<Long, String>> names, double width) {
        return choice(id, k -> {
            FilterChoices c = vm.choicesProperty().get();
            String n = c == null ? null : names.apply(c).get(k);
            return n == null ? k.toString() : n;
        }, width);
    }

    /** Fills the choices once they have loaded, keeping what is chosen. */
    private void fill(FilterChoices c) {
        if (c == null) {
            return;
        }
        refill(pipeline, c.pipelines());
        refill(manager, c.managers());
        refill(team, c.teams());
        refill(source, c.sources());
    }

    private static void refill(ComboBox<Long> box, Map<Long, String> names) {
        Long chosen = box.getValue();
        java.util.List<Long> items = new java.util.ArrayList<>();
        items.add(null);
        items.addAll(names.keySet());
        box.getItems().setAll(items);
        box.setValue(chosen);
    }

    /** Asks the window to export the shown table (the export right, the file dialog, the event feed). */
    private void export() {
        ReportTable shown = vm.tableProperty().get();
        if (shown != null) {
            fireEvent(new org.deskcrm.ui.export.ExportRequest(new org.deskcrm.service.export.ExportTarget.Report(shown)));
        }
    }

    private void show(ReportTable t) {
        table.getColumns().clear();
        if (t == null) {
            table.getItems().clear();
            return;
        }
        for (int i = 0; i < t.columns().size(); i++) {
            table.getColumns().add(column(t, t.columns().get(i), i));
        }
        table.setItems(FXCollections.observableArrayList(t.rows()));
        table.getItems().add(t.totals());
        summary.setText(t.summary().entrySet().stream()
                .map(e -> label(e.getKey()) + ": " + (e.getValue() == null ? "" : text(e.getKey(), e.getValue())))
                .collect(Collectors.joining("    ")));
        if (split.getItems().size() > 1) {
            split.getItems().remove(1);
        }
        chart = null;
        funnel = null;
        if (vm.hasMeasure()) {
            showFunnel(t);
            return;
        }
        Column first = t.columns().get(0);
        ReportChart.of(t, i18n.get("report.none"), k -> i18n.get("report.col." + k), v -> value(first, v), palette())
                .ifPresent(chart -> {
                    this.chart = chart;
                    ((org.jfree.chart.axis.NumberAxis) chart.getCategoryPlot().getRangeAxis())
                            .setNumberFormatOverride(cells.numberFormat(ReportChart.figureType(t)));
                    ChartViewer viewer = new ChartViewer(chart);
                    viewer.setId("reportChart");
                    split.getItems().add(new VBox(viewer));
                    VBox.setVgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
                    split.setDividerPositions(vm.divider().orElse(0.6));
                });
    }

    /**
     * The funnel: the chart drawn by the chosen measure beside the table, which keeps every column (it is
     * never narrower than its columns' minimum widths; the chart takes what is left).
     */
    private void showFunnel(ReportTable t) {
        FunnelChart.keepColumns(table, t, vm.measureProperty().get());
        funnel = new FunnelChart(t, vm.measureProperty().get(), (key, v) -> cells.text(v, t.column(key).type()),
                (stage, figures) -> i18n.format("report.funnel.step", stage, figures),
                share -> i18n.format("report.funnel.conversion", share), palette());
        split.getItems().add(funnel);
        split.setDividerPositions(vm.divider().orElse(0.62));
    }

    /** The funnel chart shown, if the report is the funnel. */
    FunnelChart funnel() {
        return funnel;
    }

    /** The chart's colours for the theme of the window the view is in (light until it is in one). */
    private ChartPalette palette() {
        return ChartPalette.of(getScene() == null ? java.util.List.of() : getScene().getStylesheets());
    }

    /** Repaints the chart in the current theme's colours (the view moved to a window, or the theme changed). */
    private void restyleChart() {
        if (chart != null) {
            ReportChart.style(chart, palette());
        }
        if (funnel != null) {
            funnel.restyle(palette());
        }
    }

    private String label(String summaryKey) {
        String key = "report.sum." + summaryKey;
        return i18n.has(key) ? i18n.get(key) : summaryKey;
    }

    /** A summary figure in the locale's number format, as the table shows its cells. */
    private String text(String key, Object v) {
        org.deskcrm.model.report.ColumnType type = org.deskcrm.model.report.ColumnType.ofSummary(key, v);
        return type == org.deskcrm.model.report.ColumnType.TEXT || type == org.deskcrm.model.report.ColumnType.DATE
                ? v.toString() : cells.text(v, type);
    }

    private TableColumn<Row, Object> column(ReportTable t, Column c, int index) {
        String header = i18n.get("report.col." + c.key());
        TableColumn<Row, Object> col = new TableColumn<>(header);
        col.setId("col-" + c.key());
        col.setMinWidth(headerWidth(header));
        col.setPrefWidth(Math.max(c.type() == org.deskcrm.model.report.ColumnType.TEXT ? 160 : 90, col.getMinWidth()));
        col.setSortable(false);
        col.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().values().get(index)));
        col.setCellFactory(tc -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                boolean totals = row != null && row == t.totals();
                if (empty || row == null) {
                    setText(null);
                } else if (totals && index == 0 && item == null) {
                    setText(i18n.get("report.total"));
                } else if (item == null && index == 0 && "none".equals(row.key())) {
                    setText(i18n.get("report.none"));
                } else {
                    setText(c.type() == org.deskcrm.model.report.ColumnType.TEXT ? value(c, item) : cells.text(item, c.type()));
                }
                setStyle(c.type() == org.deskcrm.model.report.ColumnType.TEXT ? "" : "-fx-alignment: CENTER-RIGHT;"
                        + (totals || measure(c) ? "-fx-font-weight: bold;" : ""));
            }
        });
        if (c.drill() != DrillKind.NONE) {
            col.setCellFactory(withDrill(col.getCellFactory(), t, c));
        }
        return col;
    }

    /** Whether the column holds the measure the funnel is drawn by (its cells are emphasised). */
    private boolean measure(Column c) {
        return vm.hasMeasure() && vm.measureProperty().get() != null && c.key().equals(vm.measureProperty().get().column());
    }

    /** A code shown in the user's language ({@code report.value.COLUMN.CODE}, e.g. a lifecycle status), else as it is. */
    private String value(Column c, Object item) {
        String key = "report.value." + c.key() + "." + item;
        return i18n.has(key) ? i18n.get(key) : cells.text(item, c.type());
    }

    /** Wide enough for the whole header in bold, with the header's padding and the sort arrow's room. */
    private static double headerWidth(String header) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(header);
        javafx.scene.text.Font base = javafx.scene.text.Font.getDefault();
        text.setFont(javafx.scene.text.Font.font(base.getFamily(), javafx.scene.text.FontWeight.BOLD, base.getSize() + 1));
        return Math.ceil(text.getLayoutBounds().getWidth()) + 28;
    }

    private javafx.util.Callback<TableColumn<Row, Object>, TableCell<Row, Object>> withDrill(
            javafx.util.Callback<TableColumn<Row, Object>, TableCell<Row, Object>> base, ReportTable t, Column c) {
        return tc -> {
            TableCell<Row, Object> cell = base.call(tc);
            cell.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !cell.isEmpty() && cell.getItem() != null) {
                    Row row = cell.getTableRow().getItem();
                    if (row == t.totals() && !c.summable()) {
                        return;
                    }
                    openDrill(t, c, row.key());
                }
            });
            return cell;
        };
    }

    /** Opens the records behind a figure in a tab ({@code drill:report:column:row}). */
    void openDrill(ReportTable t, Column c, String rowKey) {
        String row = rowLabel(t, rowKey);
        vm.drillGrid(c.key(), rowKey, d -> workspace.openTab("drill:" + t.report() + ":" + c.key() + ":" + rowKey,
                i18n.format("report.drill.title", i18n.get("report.title." + t.report()), i18n.get("report.col." + c.key())),
                () -> new DrillView(d, row, i18n, cells)));
    }

    /** The row as the table shows it (its text and date cells), never its internal key; "Total" for the totals. */
    String rowLabel(ReportTable t, String rowKey) {
        if (rowKey == null || ReportTable.TOTALS.equals(rowKey)) {
            return i18n.get("report.total");
        }
        Row row = t.rows().stream().filter(r -> r.key().equals(rowKey)).findFirst().orElse(null);
        if (row == null) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            Object v = row.values().get(i);
            if (c.type() == org.deskcrm.model.report.ColumnType.TEXT || c.type() == org.deskcrm.model.report.ColumnType.DATE) {
                parts.add(v == null ? (i == 0 ? i18n.get("report.none") : "") : value(c, v));
            }
        }
        return parts.stream().filter(x -> !x.isEmpty()).collect(Collectors.joining(" · "));
    }
}
