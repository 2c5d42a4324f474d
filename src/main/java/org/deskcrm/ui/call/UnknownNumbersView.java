package org.deskcrm.ui.call;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.deskcrm.model.call.UnknownNumber;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.task.TimeFormat;

import java.util.function.Supplier;

/** The unknown-numbers list with its two ways out: attach to a card, put on a list. */
public final class UnknownNumbersView extends BorderPane {
    public UnknownNumbersView(UnknownNumbersViewModel vm, I18n i18n, TimeFormat time, Supplier<Long> user) {
        TableView<UnknownNumber> table = new TableView<>(vm.rows());
        table.setId("unknownNumbersTable");
        table.getColumns().add(CallLogView.column(i18n.get("call.col.number"), UnknownNumber::phoneRaw, 160));
        table.getColumns().add(CallLogView.numberColumn(i18n.get("call.col.calls"), UnknownNumber::calls, 80));
        table.getColumns().add(CallLogView.numberColumn(i18n.get("call.col.missed"), UnknownNumber::missed, 80));
        table.getColumns().add(CallLogView.column(i18n.get("call.col.lastCall"), u -> time.dateTime(u.lastCallAt()),
                140));
        table.setPlaceholder(new Label(i18n.get("call.unknown.empty")));
        Button attach = new Button(i18n.get("call.unknown.attach"));
        attach.setOnAction(e -> vm.attach(table.getSelectionModel().getSelectedItem(), user.get()));
        Button list = new Button(i18n.get("call.unknown.putOnList"));
        list.setOnAction(e -> vm.putOnList(table.getSelectionModel().getSelectedItem(), user.get()));
        attach.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        list.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        setTop(new ToolBar(attach, list, refresh));
        setCenter(table);
        Label msg = new Label();
        msg.textProperty().bind(vm.messageProperty());
        msg.setPadding(new Insets(4, 8, 4, 8));
        setBottom(msg);
    }
}
