package org.deskcrm.ui.deal;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.ui.common.I18n;

import java.math.BigDecimal;
import java.util.function.Function;

/** The deal card: the editable fields, the other fields, product lines, stage history (newest first). */
public final class DealCardView extends BorderPane {
    public DealCardView(DealCardViewModel vm, I18n i18n) {
        setPadding(new Insets(10));
        Label title = new Label();
        title.setId("deal-card-title");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        title.textProperty().bind(vm.titleProperty());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        vm.fields().addListener((ListChangeListener<DealCardViewModel.Field>) c -> {
            grid.getChildren().clear();
            int row = 0;
            for (DealCardViewModel.Field f : vm.fields()) {
                Label value = new Label(f.value());
                value.setId("deal-field-" + row);
                grid.addRow(row++, new Label(f.label()), value);
            }
        });
        setTop(new VBox(8, title, form(vm, i18n), grid));
        vm.useConflictResolver(new org.deskcrm.ui.trust.ConflictDialog(i18n, this));

        TableView<DealLine> lines = new TableView<>(vm.lines());
        lines.setId("deal-lines");
        lines.setPlaceholder(new Label(i18n.get("deal.lines.empty")));
        lines.getColumns().add(text(i18n.get("deal.lines.product"), DealLine::productName));
        lines.getColumns().add(number(i18n.get("deal.lines.quantity"), DealLine::quantity));
        lines.getColumns().add(number(i18n.get("deal.lines.price"), DealLine::price));
        lines.getColumns().add(number(i18n.get("deal.lines.discount"), DealLine::discountPct));
        lines.getColumns().add(number(i18n.get("deal.lines.amount"), DealLine::amount));
        lines.setPrefHeight(160);

        TableView<DealCardViewModel.HistoryRow> history = new TableView<>(vm.history());
        history.setId("deal-history");
        history.getColumns().add(text(i18n.get("deal.history.when"), DealCardViewModel.HistoryRow::when));
        history.getColumns().add(text(i18n.get("deal.history.from"), DealCardViewModel.HistoryRow::from));
        history.getColumns().add(text(i18n.get("deal.history.to"), DealCardViewModel.HistoryRow::to));
        history.getColumns().add(text(i18n.get("deal.history.who"), DealCardViewModel.HistoryRow::who));
        setCenter(new VBox(6, new Label(i18n.get("deal.lines.title")), lines,
                new Label(i18n.get("deal.history.title")), history));
    }

    private static GridPane form(DealCardViewModel vm, I18n i18n) {
        TextField name = new TextField();
        name.setId("deal-edit-title");
        name.setPrefColumnCount(30);
        name.textProperty().bindBidirectional(vm.editTitleProperty());
        TextField amount = new TextField();
        amount.setId("deal-edit-amount");
        amount.textProperty().bindBidirectional(vm.editAmountProperty());
        amount.disableProperty().bind(vm.amountEditableProperty().not());
        DatePicker close = new DatePicker();
        close.setId("deal-edit-close");
        close.valueProperty().bindBidirectional(vm.editCloseProperty());
        ComboBox<Choice<Long>> owner = new ComboBox<>(vm.owners());
        owner.setId("deal-edit-owner");
        owner.valueProperty().bindBidirectional(vm.editOwnerProperty());
        Button save = new Button(i18n.get("deal.card.save"));
        save.setId("deal-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.setId("deal-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.addRow(0, new Label(i18n.get("deal.field.title")), name, new Label(i18n.get("deal.field.amount")), amount);
        form.addRow(1, new Label(i18n.get("deal.field.expectedClose")), close, new Label(i18n.get("deal.field.owner")), owner);
        form.addRow(2, save, message);
        GridPane.setColumnSpan(message, 3);
        return form;
    }

    private static <T> TableColumn<T, String> text(String header, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(170);
        return c;
    }

    private static <T> TableColumn<T, BigDecimal> number(String header, Function<T, BigDecimal> value) {
        TableColumn<T, BigDecimal> c = new TableColumn<>(header);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
