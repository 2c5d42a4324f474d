package org.deskcrm.ui.task;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.service.task.TaskService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.function.Function;

/**
 * The client card's open tasks (due, title, assignee) with "New task" (linked to this client) and any
 * buttons of other features ("Log call"); the list reloads after each of them saved something.
 */
public final class ClientTasksPane extends VBox {
    /** The open tasks of one client and the client's name, loaded in the background. */
    public static final class Model {
        private final long clientId;
        private final TaskService tasks;
        private final TaskExecutor executor;
        private final I18n i18n;
        private final Function<Long, String> clientName;
        private final ObservableList<TaskRow> rows = FXCollections.observableArrayList();
        private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
        private String name = "";

        private record Loaded(String name, List<TaskRow> rows) {
        }

        public Model(long clientId, TaskService tasks, TaskExecutor executor, I18n i18n,
                     Function<Long, String> clientName) {
            this.clientId = clientId;
            this.tasks = tasks;
            this.executor = executor;
            this.i18n = i18n;
            this.clientName = clientName;
        }

        public ObservableList<TaskRow> rows() {
            return rows;
        }

        public ReadOnlyStringProperty summaryProperty() {
            return summary.getReadOnlyProperty();
        }

        public long clientId() {
            return clientId;
        }

        /** The client's name as loaded (empty before the first load). */
        public String clientName() {
            return name;
        }

        public void load() {
            executor.submit(p -> new Loaded(clientName.apply(clientId), tasks.openOfClient(clientId)), l -> {
                name = l.name() == null ? "" : l.name();
                rows.setAll(l.rows());
                summary.set(i18n.format("client.tasks.count", l.rows().size()));
            }, e -> summary.set(i18n.message(e)));
        }
    }

    public ClientTasksPane(Model vm, I18n i18n, TimeFormat time, Runnable newTask, List<Node> extraButtons) {
        super(6);
        setId("client-tasks");
        Label title = new Label(i18n.get("client.tasks.section"));
        title.getStyleClass().add("section-title");
        title.setMaxWidth(Double.MAX_VALUE);
        TableView<TaskRow> table = new TableView<>(vm.rows());
        table.setId("client-tasks-table");
        table.setPrefHeight(150);
        table.setPlaceholder(new Label(i18n.get("client.tasks.empty")));
        table.getColumns().add(TaskListView.col(i18n.get("task.col.due"), r -> time.dateTime(r.task().dueAt()), 130));
        table.getColumns().add(TaskListView.col(i18n.get("task.col.title"), r -> r.task().title(), 220));
        table.getColumns().add(TaskListView.col(i18n.get("task.col.assignee"), TaskRow::assigneeName, 140));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button add = new Button(i18n.get("client.tasks.new"));
        add.setId("client-task-new");
        add.setOnAction(e -> newTask.run());
        Label summary = new Label();
        summary.setId("client-tasks-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(vm.summaryProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, add);
        bar.getChildren().addAll(extraButtons);
        bar.getChildren().addAll(spring, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, bar, table);
    }
}
