package org.deskcrm.ui.call;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.MenuItem;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.task.TimeFormat;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The call log table with its filters and "Show more"; double-click opens the client's card, or for a call
 * from an unknown number offers to make a client of it; the context menu also links the number to a client,
 * puts it on a list, and calls a missed caller back.
 */
public final class CallLogView extends BorderPane {
    public CallLogView(CallLogViewModel vm, I18n i18n, TimeFormat time, Workspace workspace, Runnable newCall,
                       Runnable importCalls, Supplier<Long> user, Consumer<CallRow> callBack) {
        ComboBox<CallDirection> direction = enumBox(CallDirection.values(), d -> i18n.get("call.direction."
                + d.code()), i18n.get("call.filter.anyDirection"));
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        ComboBox<CallStatus> status = enumBox(CallStatus.values(), s -> i18n.get("call.status." + s.code()),
                i18n.get("call.filter.anyStatus"));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        CheckBox unmatched = new CheckBox(i18n.get("call.filter.unmatched"));
        unmatched.selectedProperty().bindBidirectional(vm.unmatchedOnlyProperty());
        direction.valueProperty().addListener((o, a, b) -> vm.refresh());
        status.valueProperty().addListener((o, a, b) -> vm.refresh());
        unmatched.selectedProperty().addListener((o, a, b) -> vm.refresh());
        DatePicker from = new DatePicker();
        from.setId("callLogFrom");
        from.setPromptText(i18n.get("call.filter.from"));
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(vm.fromDayProperty());
        DatePicker to = new DatePicker();
        to.setId("callLogTo");
        to.setPromptText(i18n.get("call.filter.to"));
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(vm.toDayProperty());
        from.valueProperty().addListener((o, a, b) -> vm.refresh());
        to.valueProperty().addListener((o, a, b) -> vm.refresh());
        Button add = new Button(i18n.get("call.action.new"));
        add.setOnAction(e -> newCall.run());
        Button imp = new Button(i18n.get("call.action.import"));
        imp.setOnAction(e -> importCalls.run());
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        // actions on one bar, filters on a second one: a narrow window hides nothing in an overflow menu
        setTop(new javafx.scene.layout.VBox(new ToolBar(add, imp, refresh, org.deskcrm.ui.export.ExportButton.create(
                i18n, () -> new org.deskcrm.service.export.ExportTarget.Calls(vm.filter()))),
                new ToolBar(direction, status, unmatched, from, to)));

        TableView<CallRow> table = new TableView<>(vm.rows());
        table.setId("callLogTable");
        table.getColumns().add(column(i18n.get("call.col.time"), r -> time.dateTime(r.startedAt()), 150));
        table.getColumns().add(column(i18n.get("call.col.direction"),
                r -> i18n.get("call.direction." + r.direction().code()), 115));
        table.getColumns().add(column(i18n.get("call.col.status"), r -> i18n.get("call.status." + r.status().code()),
                100));
        table.getColumns().add(column(i18n.get("call.col.number"), CallRow::phoneRaw, 140));
        table.getColumns().add(column(i18n.get("call.col.client"), r -> r.clientName() == null
                ? i18n.get("call.unknownClient") : r.clientName(), 200));
        table.getColumns().add(column(i18n.get("call.col.manager"), CallRow::userName, 150));
        table.getColumns().add(column(i18n.get("call.col.duration"), r -> TimeFormat.duration(r.durationSec()), 95));
        table.getColumns().add(column(i18n.get("call.col.note"), CallRow::resultNote, 250));
        table.setPlaceholder(new Label(i18n.get("call.log.empty")));
        table.setRowFactory(t -> {
            TableRow<CallRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                CallRow r = row.getItem();
                if (e.getClickCount() >= 2 && e.getClickCount() % 2 == 0 && r != null) { // each double-click, however quick
                    if (r.clientId() != null) {
                        workspace.openClient(r.clientId());
                    } else {
                        vm.createClient(r, user.get(), workspace::openClient);
                    }
                }
            });
            row.itemProperty().addListener((o, a, r) -> row.setContextMenu(r == null ? null
                    : menu(r, vm, i18n, workspace, user, callBack)));
            return row;
        });
        setCenter(table);
        Label status2 = new Label();
        status2.setId("callLogMessage");
        status2.textProperty().bind(vm.messageProperty());
        Button more = new Button(i18n.get("call.log.more"));
        more.setId("callLogMore");
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(vm.busyProperty());
        more.setOnAction(e -> vm.showMore());
        HBox bottom = new HBox(8, status2, more);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        setBottom(bottom);
    }

    /** The row's context menu: the card, or what to do with an unknown number; "Call back" for a missed call. */
    private static ContextMenu menu(CallRow r, CallLogViewModel vm, I18n i18n, Workspace workspace,
                                    Supplier<Long> user, Consumer<CallRow> callBack) {
        ContextMenu menu = new ContextMenu();
        if (r.clientId() != null) {
            menu.getItems().add(item("callOpenClient", i18n.get("call.number.openClient"),
                    () -> workspace.openClient(r.clientId())));
        } else if (CallLogViewModel.unknown(r)) {
            menu.getItems().addAll(
                    item("callNewClient", i18n.get("call.number.newClient"),
                            () -> vm.createClient(r, user.get(), workspace::openClient)),
                    item("callAttach", i18n.get("call.unknown.attach"), () -> vm.attach(r, user.get())),
                    item("callPutOnList", i18n.get("call.unknown.putOnList"), () -> vm.putOnList(r, user.get())));
        }
        if (r.phoneNorm() != null && !r.phoneNorm().isBlank()) {
            menu.getItems().add(item("callBack", i18n.get("call.missed.callBack"), () -> callBack.accept(r)));
        }
        return menu;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static <T> TableColumn<T, Number> numberColumn(String title, Function<T, Number> value, double width) {
        TableColumn<T, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static <E> ComboBox<E> enumBox(E[] values, Function<E, String> label, String any) {
        ComboBox<E> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? any : label.apply(e);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.setPromptText(any);
        return box;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
