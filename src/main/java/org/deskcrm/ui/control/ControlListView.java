package org.deskcrm.ui.control;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.deskcrm.model.control.ControlItem;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.task.TimeFormat;

import java.util.List;
import java.util.function.Function;

/** The records behind one indicator; double-click opens the client's card. */
public final class ControlListView extends BorderPane {
    private final TableView<ControlItem> table = new TableView<>();

    public ControlListView(ControlDashboardViewModel vm, I18n i18n, TimeFormat time, Workspace workspace) {
        table.setId("controlList");
        table.getColumns().add(col(i18n.get("control.col.record"), ControlItem::title, 260));
        table.getColumns().add(col(i18n.get("control.col.reason"), vm::reason, 380));
        table.getColumns().add(col(i18n.get("control.col.manager"), ControlItem::managerName, 160));
        table.getColumns().add(col(i18n.get("control.col.since"), i -> time.dateTime(i.since()), 150));
        table.setPlaceholder(new Label(i18n.get("control.list.empty")));
        table.setRowFactory(t -> {
            TableRow<ControlItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().clientId() != null) {
                    workspace.openClient(row.getItem().clientId());
                }
            });
            return row;
        });
        setCenter(table);
        javafx.scene.control.Button export = org.deskcrm.ui.export.ExportButton.create(i18n,
                () -> exportTarget(vm, i18n, time));
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(export);
        bar.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        setTop(bar);
    }

    /** The list as shown: record, reason, manager, and the moment as a real date-time cell. */
    private org.deskcrm.service.export.ExportTarget exportTarget(ControlDashboardViewModel vm, I18n i18n, TimeFormat time) {
        List<ControlItem> items = List.copyOf(table.getItems());
        String indicator = items.isEmpty() ? i18n.get("export.title.control") : vm.title(items.get(0).indicator());
        List<org.deskcrm.service.export.ExportColumn<List<Object>>> cols = List.of(
                org.deskcrm.service.export.ExportColumn.text(i18n.get("control.col.record"), r -> r.get(0)),
                org.deskcrm.service.export.ExportColumn.text(i18n.get("control.col.reason"), r -> r.get(1)),
                org.deskcrm.service.export.ExportColumn.text(i18n.get("control.col.manager"), r -> r.get(2)),
                org.deskcrm.service.export.ExportColumn.of(i18n.get("control.col.since"),
                        org.deskcrm.service.export.ColumnKind.DATETIME, r -> r.get(3)));
        List<List<Object>> rows = items.stream().map(i -> java.util.Arrays.<Object>asList(i.title(), vm.reason(i),
                i.managerName(), i.since() == null ? null
                        : java.time.LocalDateTime.ofInstant(i.since(), time.zone()))).toList();
        return new org.deskcrm.service.export.ExportTarget.Table("control", indicator,
                List.<String[]>of(new String[] {i18n.get("export.filter.indicator"), indicator}), cols, rows);
    }

    /**
     * Lets a suspected duplicate be merged with the client it resembles (the merge belongs to another
     * feature): the row's context menu, enabled for a row that names another client.
     */
    public void setOnMerge(String label, java.util.function.Consumer<ControlItem> action) {
        javafx.scene.control.MenuItem merge = new javafx.scene.control.MenuItem(label);
        merge.setId("control-list-merge");
        merge.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            ControlItem item = table.getSelectionModel().getSelectedItem();
            return item == null || item.clientId() == null || item.otherClientId() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        merge.setOnAction(e -> {
            ControlItem item = table.getSelectionModel().getSelectedItem();
            if (item != null && item.clientId() != null && item.otherClientId() != null) {
                action.accept(item);
            }
        });
        table.setContextMenu(new javafx.scene.control.ContextMenu(merge));
    }

    public void show(List<ControlItem> items) {
        table.getItems().setAll(items);
    }

    private static TableColumn<ControlItem, String> col(String title, Function<ControlItem, String> f, double w) {
        TableColumn<ControlItem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text); // a cut text shows whole as a tooltip (CutTextTooltips)
            }
        });
        return c;
    }
}
