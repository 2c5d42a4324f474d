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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Workspace;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report tab: a filter bar (period, pipeline, manager), the table with a totals row, a bar chart
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

    public ReportView(ReportViewModel vm, I18n i18n, Workspace workspace, Map<Long, String> pipelines,
                      Map<Long, String> managers) {
        this.vm = vm;
        this.i18n = i18n;
        this.workspace = workspace;
        this.cells = new ReportCells(i18n.locale());
        getStyleClass().add("report-view");
        setTop(filterBar(pipelines, managers));
        table.setId("reportTable");
        table.setPlaceholder(new Label(i18n.get("report.empty")));
        split.getItems().add(table);
        setCenter(split);
        summary.setId("reportSummary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(4, 8, 4, 8));
        setBottom(summary);
        Label error = new Label();
        error.setId("reportError");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.getStyleClass().add("error");
        ((HBox) getTop()).getChildren().add(error);
        vm.tableProperty().addListener((o, old, t) -> show(t));
    }

    private HBox filterBar(Map<Long, String> pipelines, Map<Long, String> managers) {
        DatePicker from = new DatePicker();
        from.setId("reportFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("reportTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        ComboBox<Long> pipeline = choice("reportPipeline", pipelines);
        pipeline.valueProperty().bindBidirectional(vm.pipelineIdProperty());
        ComboBox<Long> manager = choice("reportManager", managers);
        manager.valueProperty().bindBidirectional(vm.managerIdProperty());
        Button refresh = new Button(i18n.get("report.refresh"));
        refresh.setId("reportRefresh");
        refresh.setDefaultButton(true);
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.busyProperty());
        Button export = new Button(i18n.get("report.export"));
        export.setId("reportExport");
        export.disableProperty().bind(vm.busyProperty().or(vm.tableProperty().isNull()));
        export.setOnAction(e -> export());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox bar = new HBox(6, new Label(i18n.get("report.filter.period")), from, to,
                new Label(i18n.get("report.filter.pipeline")), pipeline,
                new Label(i18n.get("report.filter.manager")), manager, refresh, export, busy);
        bar.setPadding(new Insets(6));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private ComboBox<Long> choice(String id, Map<Long, String> names) {
        ComboBox<Long> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(names.keySet());
        javafx.util.StringConverter<Long> converter = new javafx.util.StringConverter<>() {
            @Override
            public String toString(Long k) {
                return k == null ? i18n.get("report.filter.all") : names.getOrDefault(k, k.toString());
            }

            @Override
            public Long fromString(String s) {
                return null;
            }
        };
        box.setConverter(converter);
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        return box;
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(vm.name() + ".xlsx");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Excel", "*.xlsx"),
                new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.export(file.toPath(), () -> workspace.status(i18n.format("report.exported", file.getName())));
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
                .map(e -> label(e.getKey()) + ": " + (e.getValue() == null ? "" : text(e.getValue())))
                .collect(Collectors.joining("    ")));
        if (split.getItems().size() > 1) {
            split.getItems().remove(1);
        }
        ReportChart.of(t, i18n.get("report.title." + t.report()), i18n.get("report.none"), k -> i18n.get("report.col." + k))
                .ifPresent(chart -> {
                    ChartViewer viewer = new ChartViewer(chart);
                    viewer.setId("reportChart");
                    split.getItems().add(new VBox(viewer));
                    VBox.setVgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
                    split.setDividerPositions(0.6);
                });
    }

    private String label(String summaryKey) {
        String key = "report.sum." + summaryKey;
        return i18n.has(key) ? i18n.get(key) : summaryKey;
    }

    private String text(Object v) {
        if (v instanceof java.math.BigDecimal b && b.scale() == 4) {
            return cells.text(b, org.deskcrm.model.report.ColumnType.RATIO);
        }
        return v.toString();
    }

    private TableColumn<Row, Object> column(ReportTable t, Column c, int index) {
        TableColumn<Row, Object> col = new TableColumn<>(i18n.get("report.col." + c.key()));
        col.setId("col-" + c.key());
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
                    setText(cells.text(item, c.type()));
                }
                setStyle(c.type() == org.deskcrm.model.report.ColumnType.TEXT ? "" : "-fx-alignment: CENTER-RIGHT;"
                        + (totals ? "-fx-font-weight: bold;" : ""));
            }
        });
        if (c.drill() != DrillKind.NONE) {
            col.setCellFactory(withDrill(col.getCellFactory(), t, c));
        }
        return col;
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
        vm.drill(c.key(), rowKey, d -> workspace.openTab("drill:" + t.report() + ":" + c.key() + ":" + rowKey,
                i18n.format("report.drill.title", i18n.get("report.title." + t.report()), i18n.get("report.col." + c.key())),
                () -> new DrillView(d, i18n, cells)));
    }
}
