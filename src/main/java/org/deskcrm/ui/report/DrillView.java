package org.deskcrm.ui.report;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
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

    DrillView(Drill drill, I18n i18n, ReportCells cells) {
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
        setBottom(total);
    }
}
