package org.deskcrm.ui.deal;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

import java.util.function.Function;

/** The client card's needs section: needs with probability and why, an add/edit form, delete, recompute. */
public final class ClientNeedsPane extends VBox {
    private final ClientNeedsViewModel vm;
    private final I18n i18n;

    public ClientNeedsPane(ClientNeedsViewModel vm, I18n i18n) {
        super(6);
        this.vm = vm;
        this.i18n = i18n;
        setId("client-needs");
        Label title = new Label(i18n.get("need.section"));
        title.getStyleClass().add("section-title");
        title.setMaxWidth(Double.MAX_VALUE);
        TableView<ClientNeedsViewModel.Row> table = table();
        getChildren().addAll(title, toolbar(table), table, form());
    }

    private TableView<ClientNeedsViewModel.Row> table() {
        TableView<ClientNeedsViewModel.Row> t = new TableView<>(vm.rows());
        t.setId("needs-table");
        t.setPrefHeight(150);
        t.setPlaceholder(new Label(i18n.get("need.empty")));
        t.getColumns().add(column("need.col.product", ClientNeedsViewModel.Row::product, 140));
        t.getColumns().add(column("need.col.quantity", ClientNeedsViewModel.Row::quantity, 70));
        t.getColumns().add(column("need.col.period", ClientNeedsViewModel.Row::period, 150));
        t.getColumns().add(column("need.col.probability", ClientNeedsViewModel.Row::probability, 80));
        t.getColumns().add(column("need.col.status", ClientNeedsViewModel.Row::status, 80));
        TableColumn<ClientNeedsViewModel.Row, String> why = column("need.col.why",
                ClientNeedsViewModel.Row::explanation, 260);
        why.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        t.getColumns().add(why);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setRowFactory(tv -> {
            TableRow<ClientNeedsViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.edit(row.getItem());
                }
            });
            return row;
        });
        return t;
    }

    private HBox toolbar(TableView<ClientNeedsViewModel.Row> table) {
        var selected = table.getSelectionModel().selectedItemProperty();
        BooleanBinding none = selected.isNull().or(vm.busyProperty());
        Button add = new Button(i18n.get("need.action.add"));
        add.setId("need-add");
        add.setOnAction(e -> vm.newNeed());
        Button edit = new Button(i18n.get("need.action.edit"));
        edit.setId("need-edit");
        edit.disableProperty().bind(none);
        edit.setOnAction(e -> vm.edit(selected.get()));
        Button delete = new Button(i18n.get("need.action.delete"));
        delete.setId("need-delete");
        delete.disableProperty().bind(none);
        delete.setOnAction(e -> vm.delete(selected.get()));
        Button refresh = new Button(i18n.get("need.action.refresh"));
        refresh.setId("need-refresh");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> vm.refresh());
        HBox box = new HBox(6, add, edit, delete, refresh);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox form() {
        ComboBox<Choice<Long>> product = new ComboBox<>(vm.products());
        product.setId("need-product");
        product.valueProperty().bindBidirectional(vm.productProperty());
        product.setMaxWidth(Double.MAX_VALUE);
        TextField quantity = new TextField();
        quantity.setId("need-quantity");
        quantity.textProperty().bindBidirectional(vm.quantityProperty());
        DatePicker from = new DatePicker();
        from.setId("need-from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("need-to");
        to.valueProperty().bindBidirectional(vm.toProperty());
        ComboBox<Choice<String>> status = new ComboBox<>(vm.statuses());
        status.setId("need-status");
        status.valueProperty().bindBidirectional(vm.statusProperty());
        TextField note = new TextField();
        note.setId("need-note");
        note.textProperty().bindBidirectional(vm.noteProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.addRow(0, label("need.col.product"), product, label("need.col.quantity"), quantity);
        g.addRow(1, label("need.field.from"), from, label("need.field.to"), to);
        g.addRow(2, label("need.col.status"), status, label("need.field.note"), note);
        GridPane.setHgrow(product, Priority.ALWAYS);
        Button save = new Button(i18n.get("need.action.save"));
        save.setId("need-save");
        save.getStyleClass().add("primary-button");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Button cancel = new Button(i18n.get("need.action.cancel"));
        cancel.setId("need-cancel");
        cancel.setOnAction(e -> vm.cancel());
        Label error = new Label();
        error.setId("need-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        HBox buttons = new HBox(6, save, cancel, error);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(4, g, buttons);
        form.getStyleClass().add("inline-form");
        form.visibleProperty().bind(vm.editingProperty());
        form.managedProperty().bind(vm.editingProperty());
        return form;
    }

    private Label label(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("field-label");
        return l;
    }

    private TableColumn<ClientNeedsViewModel.Row, String> column(String key,
                                                                Function<ClientNeedsViewModel.Row, String> value,
                                                                double width) {
        TableColumn<ClientNeedsViewModel.Row, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
