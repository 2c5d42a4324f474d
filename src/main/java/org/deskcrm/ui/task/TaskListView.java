package org.deskcrm.ui.task;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Workspace;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Today / tomorrow / overdue / all / requests, with "Done" asking for the result and minutes. */
public final class TaskListView extends BorderPane {
    public TaskListView(TaskListViewModel vm, I18n i18n, TimeFormat time, Workspace workspace, DialogService dialogs,
                        Runnable newTask, Runnable openTemplates) {
        ToggleGroup group = new ToggleGroup();
        ToolBar bar = new ToolBar();
        for (TaskView v : TaskView.values()) {
            ToggleButton b = new ToggleButton(i18n.get("task.view." + v.name().toLowerCase(Locale.ROOT)));
            b.setId("taskView" + v.name());
            b.setToggleGroup(group);
            b.setUserData(v);
            b.setSelected(v == vm.viewProperty().get());
            bar.getItems().add(b);
        }
        vm.viewProperty().addListener((o, a, v) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == v).findFirst().ifPresent(t -> t.setSelected(true)));
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            if (vm.viewProperty().get() != b.getUserData()) {
                vm.viewProperty().set((TaskView) b.getUserData());
                vm.refresh();
            }
        });
        CheckBox all = new CheckBox(i18n.get("task.everybody"));
        all.selectedProperty().bindBidirectional(vm.everybodyProperty());
        all.selectedProperty().addListener((o, a, b) -> vm.refresh());

        TableView<TaskRow> table = new TableView<>(vm.rows());
        table.setId("taskTable");
        table.getColumns().add(col(i18n.get("task.col.due"), r -> time.dateTime(r.task().dueAt()), 130));
        table.getColumns().add(col(i18n.get("task.col.title"), r -> r.task().title(), 260));
        table.getColumns().add(col(i18n.get("task.col.kind"), r -> i18n.get("task.kind." + r.task().kind().code()), 90));
        table.getColumns().add(col(i18n.get("task.col.client"), TaskRow::clientName, 180));
        table.getColumns().add(col(i18n.get("task.col.assignee"), TaskRow::assigneeName, 140));
        table.getColumns().add(col(i18n.get("task.col.status"),
                r -> i18n.get("task.status." + r.task().status().code()), 90));
        table.getColumns().add(col(i18n.get("task.col.result"), r -> r.task().result(), 220));
        table.setPlaceholder(new Label(i18n.get("task.list.empty")));
        table.setRowFactory(t -> {
            TableRow<TaskRow> row = new TableRow<>() {
                @Override
                protected void updateItem(TaskRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setStyle(!empty && item != null && vm.isOverdue(item) ? "-fx-text-background-color: #b00020;" : "");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().task().clientId() != null) {
                    workspace.openClient(row.getItem().task().clientId());
                }
            });
            return row;
        });

        Button add = new Button(i18n.get("task.action.new"));
        add.setOnAction(e -> newTask.run());
        Button done = new Button(i18n.get("task.action.done"));
        done.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        done.setOnAction(e -> complete(vm, i18n, dialogs, table.getSelectionModel().getSelectedItem()));
        Button take = new Button(i18n.get("task.action.take"));
        take.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        take.visibleProperty().bind(vm.viewProperty().isEqualTo(TaskView.REQUESTS));
        take.setOnAction(e -> vm.take(table.getSelectionModel().getSelectedItem()));
        Button cancel = new Button(i18n.get("task.action.cancel"));
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> {
            TaskRow r = table.getSelectionModel().getSelectedItem();
            if (dialogs.confirm(i18n.get("task.action.cancel"), i18n.format("task.confirmCancel", r.task().title()))) {
                vm.cancel(r);
            }
        });
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Button templates = new Button(i18n.get("task.template.open"));
        templates.setId("taskTemplates");
        templates.setOnAction(e -> openTemplates.run());
        bar.getItems().addAll(all, add, done, take, cancel, refresh, templates,
                org.deskcrm.ui.export.ExportButton.create(i18n, vm::exportTarget));
        setTop(bar);
        setCenter(table);
        Label msg = new Label();
        msg.textProperty().bind(vm.messageProperty());
        msg.setPadding(new Insets(4, 8, 4, 8));
        setBottom(msg);
    }

    private static void complete(TaskListViewModel vm, I18n i18n, DialogService dialogs, TaskRow r) {
        Optional<String> result = dialogs.prompt(i18n.get("task.action.done"),
                i18n.format(r.task().kind() == TaskKind.REQUEST ? "task.askResolution" : "task.askResult",
                        r.task().title()), "");
        if (result.isEmpty()) {
            return;
        }
        Optional<String> minutes = dialogs.prompt(i18n.get("task.action.done"), i18n.get("task.askMinutes"), "");
        if (minutes.isEmpty()) {
            return;
        }
        String m = minutes.get().strip();
        Integer min = m.matches("\\d{1,5}") ? Integer.valueOf(m) : null;
        if (min == null && !m.isEmpty()) {
            dialogs.error(i18n.get("task.action.done"), i18n.get("task.validation.minutes"));
            return;
        }
        vm.complete(r, result.get(), min);
    }

    static TableColumn<TaskRow, String> col(String title, Function<TaskRow, String> f, double width) {
        TableColumn<TaskRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
