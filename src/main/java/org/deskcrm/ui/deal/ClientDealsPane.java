package org.deskcrm.ui.deal;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

import java.util.function.Function;
import java.util.function.LongConsumer;

/** The client card's deals section: the client's deals (double-click opens one) and "New deal". */
public final class ClientDealsPane extends VBox {
    public ClientDealsPane(ClientDealsViewModel vm, I18n i18n, LongConsumer openDeal) {
        super(6);
        setId("client-deals");
        Label title = new Label(i18n.get("client.deals.section"));
        title.getStyleClass().add("section-title");
        title.setMaxWidth(Double.MAX_VALUE);
        TableView<ClientDealsViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("client-deals-table");
        table.setPrefHeight(150);
        table.setPlaceholder(new Label(i18n.get("client.deals.empty")));
        table.getColumns().add(column(i18n.get("deal.col.title"), ClientDealsViewModel.Row::title, 200));
        table.getColumns().add(column(i18n.get("deal.col.stage"), ClientDealsViewModel.Row::stage, 120));
        table.getColumns().add(column(i18n.get("deal.col.amount"), ClientDealsViewModel.Row::amount, 100));
        table.getColumns().add(column(i18n.get("deal.col.owner"), ClientDealsViewModel.Row::owner, 140));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<ClientDealsViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    openDeal.accept(row.getItem().id());
                }
            });
            return row;
        });
        Button add = new Button(i18n.get("client.deals.new"));
        add.setId("client-deal-new");
        add.setOnAction(e -> new NewDealDialog(getScene() == null ? null : getScene().getWindow(), vm, i18n).show());
        Label summary = new Label();
        summary.setId("client-deals-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(vm.summaryProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, add, spring, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, bar, table);
    }

    private static TableColumn<ClientDealsViewModel.Row, String> column(String title,
                                                                       Function<ClientDealsViewModel.Row, String> f,
                                                                       double width) {
        TableColumn<ClientDealsViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
