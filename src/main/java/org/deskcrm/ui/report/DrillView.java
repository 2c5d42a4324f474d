package org.deskcrm.ui.report;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import java.util.List;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.ui.common.I18n;

/** The records behind one report figure: what, id, label, amount; their count and sum below. */
final class DrillView extends BorderPane {
    /** Width of the record type, id and amount columns with the scroll bar's room; the record takes the rest. */
    private static final double OTHER_COLUMNS = 140 + 80 + 140 + 24;

    /** The record type in the user's language ({@code report.entity.*}), else as stored. */
    static String entityName(I18n i18n, String entity) {
        String key = "report.entity." + entity;
        return i18n.has(key) ? i18n.get(key) : entity;
    }

    private final Drill drill;
    private final String rowLabel;
    private final I18n i18n;

    DrillView(Drill drill, String rowLabel, I18n i18n, ReportCells cells) {
        this.drill = drill;
        this.rowLabel = rowLabel;
        this.i18n = i18n;
        getStyleClass().add("report-drill");
        TableView<DrillItem> table = new TableView<>(FXCollections.observableArrayList(drill.items()));
        table.setId("drillTable");
        TableColumn<DrillItem, String> entity = new TableColumn<>(i18n.get("report.drill.entity"));
        entity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(entityName(i18n, c.getValue().entity())));
        TableColumn<DrillItem, Long> id = new TableColumn<>(i18n.get("report.drill.id"));
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        TableColumn<DrillItem, String> label = new TableColumn<>(i18n.get("report.drill.label"));
        label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        label.prefWidthProperty().bind(table.widthProperty().subtract(OTHER_COLUMNS));
        label.setMinWidth(240);
        entity.setPrefWidth(140);
        id.setPrefWidth(80);
        id.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<DrillItem, String> amount = new TableColumn<>(i18n.get("report.col.amount"));
        amount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(cells.text(c.getValue().amount(), ColumnType.MONEY)));
        amount.setStyle("-fx-alignment: CENTER-RIGHT;");
        amount.setPrefWidth(140);
        table.getColumns().add(entity);
        table.getColumns().add(id);
        table.getColumns().add(label);
        table.getColumns().add(amount);
        setCenter(table);
        Label total = new Label(i18n.format("report.drill.total", drill.count(), cells.text(drill.sum(), ColumnType.MONEY)));
        total.setId("drillTotal");
        total.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(8, total, spring,
                org.deskcrm.ui.export.ExportButton.create(i18n, () -> exportTarget()));
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new javafx.geometry.Insets(0, 8, 4, 0));
        setBottom(bottom);
    }

    /** What the export button writes: these records, under the report, figure and row they are behind. */
    org.deskcrm.service.export.ExportTarget exportTarget() {
        return exportTarget(drill, rowLabel, i18n);
    }

    /**
     * The records behind the figure, with the report and the figure written above them as the user sees them
     * (the column's header and the row's shown cells, never its internal key) and the amounts summed.
     */
    static org.deskcrm.service.export.ExportTarget exportTarget(Drill drill, String rowLabel, I18n i18n) {
        List<org.deskcrm.service.export.ExportColumn<List<Object>>> cols = List.of(
                org.deskcrm.service.export.ExportColumn.text(i18n.get("report.drill.entity"), r -> r.get(0)),
                org.deskcrm.service.export.ExportColumn.of(i18n.get("report.drill.id"),
                        org.deskcrm.service.export.ColumnKind.INTEGER, r -> r.get(1)),
                org.deskcrm.service.export.ExportColumn.text(i18n.get("report.drill.label"), r -> r.get(2)),
                org.deskcrm.service.export.ExportColumn.summed(i18n.get("report.col.amount"),
                        org.deskcrm.service.export.ColumnKind.MONEY, r -> r.get(3)));
        List<List<Object>> rows = drill.items().stream().map(i -> java.util.Arrays.<Object>asList(
                entityName(i18n, i.entity()), i.id(), i.label(), i.amount())).toList();
        String report = i18n.get("report.title." + drill.report());
        String figure = i18n.has("report.col." + drill.column()) ? i18n.get("report.col." + drill.column()) : drill.column();
        List<String[]> filters = new java.util.ArrayList<>();
        filters.add(new String[] {i18n.get("export.filter.report"), report});
        filters.add(new String[] {i18n.get("export.filter.figure"),
                rowLabel == null || rowLabel.isEmpty() ? figure : figure + " / " + rowLabel});
        return new org.deskcrm.service.export.ExportTarget.Table("drill", report, filters, cols, rows);
    }
}
