package org.deskcrm.ui.deal;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.ui.common.I18n;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.LongConsumer;

/** The deal list: a table of the filtered deals; a double-click opens the deal. */
public final class DealListView extends BorderPane {
    public DealListView(DealListViewModel vm, I18n i18n, LongConsumer openDeal) {
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(6, new DealFilterBar(vm.filter(), i18n, vm::refresh),
                org.deskcrm.ui.export.ExportButton.create(i18n,
                        () -> new org.deskcrm.service.export.ExportTarget.Deals(vm.filter().filter())));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(top);
        TableView<DealRow> table = new TableView<>(vm.rows());
        table.setId("deal-table");
        table.setPlaceholder(new Label(i18n.get("deal.list.empty")));
        table.getColumns().add(text(i18n.get("deal.col.title"), DealRow::title, 240));
        table.getColumns().add(text(i18n.get("deal.col.client"),
                r -> r.clientName() == null ? i18n.get("deal.noClient") : r.clientName(), 200));
        table.getColumns().add(text(i18n.get("deal.col.owner"), DealRow::ownerName, 150));
        table.getColumns().add(text(i18n.get("deal.col.stage"), r -> vm.filter().stageName(r.stageId()), 150));
        TableColumn<DealRow, BigDecimal> amount = new TableColumn<>(i18n.get("deal.col.amount"));
        amount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().amount()));
        amount.setStyle("-fx-alignment: CENTER-RIGHT;");
        amount.setPrefWidth(120);
        table.getColumns().add(amount);
        TableColumn<DealRow, Integer> score = new TableColumn<>(i18n.get("deal.col.score"));
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        table.getColumns().add(score);
        table.getColumns().add(text(i18n.get("deal.col.band"), r -> i18n.get("deal.band." + r.band().code()), 80));
        TableColumn<DealRow, LocalDate> close = new TableColumn<>(i18n.get("deal.col.expectedClose"));
        close.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().expectedClose()));
        close.setPrefWidth(110);
        table.getColumns().add(close);
        table.setRowFactory(t -> {
            TableRow<DealRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openDeal.accept(row.getItem().id());
                }
            });
            return row;
        });
        setCenter(table);
    }

    private static TableColumn<DealRow, String> text(String header, java.util.function.Function<DealRow, String> value,
                                                     double width) {
        TableColumn<DealRow, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
