package org.deskcrm.ui.deal;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

import java.util.function.Function;

/** The client card's sales section: the list of sales/invoices, an add/edit form, mark paid and delete. */
public final class ClientSalesPane extends VBox {
    private final ClientSalesViewModel vm;
    private final I18n i18n;

    public ClientSalesPane(ClientSalesViewModel vm, I18n i18n) {
        super(6);
        this.vm = vm;
        this.i18n = i18n;
        setId("client-sales");
        Label title = new Label(i18n.get("sale.section"));
        title.getStyleClass().add("section-title");
        title.setMaxWidth(Double.MAX_VALUE);
        TableView<ClientSalesViewModel.Row> table = table();
        getChildren().addAll(title, toolbar(table), table, form());
    }

    private TableView<ClientSalesViewModel.Row> table() {
        TableView<ClientSalesViewModel.Row> t = new TableView<>(vm.rows());
        t.setId("sales-table");
        t.setPrefHeight(170);
        t.setPlaceholder(new Label(i18n.get("sale.empty")));
        t.getColumns().add(column("sale.col.number", ClientSalesViewModel.Row::number, 110));
        t.getColumns().add(column("sale.col.date", ClientSalesViewModel.Row::date, 100));
        t.getColumns().add(column("sale.col.amount", ClientSalesViewModel.Row::amount, 100));
        t.getColumns().add(column("sale.col.paid", ClientSalesViewModel.Row::paid, 100));
        t.getColumns().add(column("sale.col.due", ClientSalesViewModel.Row::due, 100));
        t.getColumns().add(column("sale.col.state", ClientSalesViewModel.Row::stateText, 110));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setRowFactory(tv -> {
            TableRow<ClientSalesViewModel.Row> row = new TableRow<>() {
                @Override
                protected void updateItem(ClientSalesViewModel.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("sale-overdue");
                    if (!empty && item != null && item.state() == ClientSalesViewModel.State.OVERDUE) {
                        getStyleClass().add("sale-overdue");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.edit(row.getItem());
                }
            });
            return row;
        });
        return t;
    }

    private HBox toolbar(TableView<ClientSalesViewModel.Row> table) {
        var selected = table.getSelectionModel().selectedItemProperty();
        BooleanBinding none = selected.isNull().or(vm.busyProperty());
        Button add = new Button(i18n.get("sale.action.add"));
        add.setId("sale-add");
        add.setOnAction(e -> vm.newSale());
        Button edit = new Button(i18n.get("sale.action.edit"));
        edit.setId("sale-edit");
        edit.disableProperty().bind(none);
        edit.setOnAction(e -> vm.edit(selected.get()));
        Button paid = new Button(i18n.get("sale.action.markPaid"));
        paid.setId("sale-mark-paid");
        paid.disableProperty().bind(none);
        paid.setOnAction(e -> vm.markPaid(selected.get()));
        Button delete = new Button(i18n.get("sale.action.delete"));
        delete.setId("sale-delete");
        delete.disableProperty().bind(none);
        delete.setOnAction(e -> vm.delete(selected.get()));
        Label summary = new Label();
        summary.setId("sale-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(vm.summaryProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox box = new HBox(6, add, edit, paid, delete, spring, summary);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox form() {
        TextField number = field("sale-number", vm.numberProperty());
        DatePicker date = new DatePicker();
        date.setId("sale-date");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField amount = field("sale-amount", vm.amountProperty());
        DatePicker due = new DatePicker();
        due.setId("sale-due");
        due.valueProperty().bindBidirectional(vm.dueProperty());
        TextField paid = field("sale-paid", vm.paidProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.addRow(0, label("sale.col.number"), number, label("sale.col.date"), date);
        g.addRow(1, label("sale.col.amount"), amount, label("sale.col.due"), due);
        g.addRow(2, label("sale.col.paid"), paid);
        Button save = new Button(i18n.get("sale.action.save"));
        save.setId("sale-save");
        save.getStyleClass().add("primary-button");
        save.disableProperty().bind(vm.busyProperty());
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.save());
        Button cancel = new Button(i18n.get("sale.action.cancel"));
        cancel.setId("sale-cancel");
        cancel.setOnAction(e -> vm.cancel());
        Label error = new Label();
        error.setId("sale-error");
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

    private TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private Label label(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("field-label");
        return l;
    }

    private TableColumn<ClientSalesViewModel.Row, String> column(String key,
                                                                Function<ClientSalesViewModel.Row, String> value,
                                                                double width) {
        TableColumn<ClientSalesViewModel.Row, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
