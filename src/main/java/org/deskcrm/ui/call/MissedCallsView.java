package org.deskcrm.ui.call;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.deskcrm.model.call.MissedCall;
import org.deskcrm.model.call.MissedCallState;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.task.TimeFormat;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Open and escalated missed calls; "Call back" logs the callback that closes one. */
public final class MissedCallsView extends BorderPane {
    public MissedCallsView(MissedCallsViewModel vm, I18n i18n, TimeFormat time, Workspace workspace,
                           Supplier<Long> user, Consumer<MissedCall> callBack) {
        TableView<MissedCall> table = new TableView<>(vm.rows());
        table.setId("missedCallsTable");
        table.getColumns().add(CallLogView.column(i18n.get("call.col.time"), m -> time.dateTime(m.startedAt()), 130));
        table.getColumns().add(CallLogView.column(i18n.get("call.col.number"), MissedCall::phoneRaw, 140));
        table.getColumns().add(CallLogView.column(i18n.get("call.col.client"),
                m -> m.clientName() == null ? i18n.get("call.unknownClient") : m.clientName(), 200));
        table.getColumns().add(CallLogView.column(i18n.get("call.col.manager"), MissedCall::managerName, 150));
        table.getColumns().add(CallLogView.column(i18n.get("call.col.due"), m -> time.dateTime(m.dueAt()), 130));
        table.getColumns().add(CallLogView.column(i18n.get("call.col.state"), vm::stateText, 140));
        table.getColumns().add(CallLogView.column(i18n.get("call.col.deadline"), vm::deadlineText, 130));
        table.setPlaceholder(new Label(i18n.get("call.missed.empty")));
        table.setRowFactory(t -> {
            TableRow<MissedCall> row = new TableRow<>() {
                @Override
                protected void updateItem(MissedCall item, boolean empty) {
                    super.updateItem(item, empty);
                    setStyle(!empty && item != null && item.state() == MissedCallState.ESCALATED
                            ? "-fx-background-color: #fde7e9;" : "");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().clientId() != null) {
                    workspace.openClient(row.getItem().clientId());
                }
            });
            return row;
        });
        Button back = new Button(i18n.get("call.missed.callBack"));
        back.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        back.setOnAction(e -> callBack.accept(table.getSelectionModel().getSelectedItem()));
        CheckBox mine = new CheckBox(i18n.get("call.missed.mine"));
        mine.selectedProperty().bindBidirectional(vm.mineOnlyProperty());
        CheckBox week = new CheckBox(i18n.get("call.missed.week"));
        week.selectedProperty().bindBidirectional(vm.lastWeekProperty());
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setOnAction(e -> vm.refresh(user.get()));
        mine.selectedProperty().addListener((o, a, b) -> vm.refresh(user.get()));
        week.selectedProperty().addListener((o, a, b) -> vm.refresh(user.get()));
        setTop(new ToolBar(back, refresh, mine, week));
        setCenter(table);
        Label msg = new Label();
        msg.textProperty().bind(vm.messageProperty());
        msg.setPadding(new Insets(4, 8, 4, 8));
        setBottom(msg);
    }
}
