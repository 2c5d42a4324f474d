package org.deskcrm.ui.task;

import javafx.animation.PauseTransition;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.ui.common.I18n;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A new task: title, kind, client (searched as you type), assignee (the people the signed-in user may assign
 * to), due date and time, a reminder some minutes before, a description.
 */
public final class TaskEditDialog extends Dialog<Void> {
    public TaskEditDialog(Window owner, TaskListViewModel vm, I18n i18n, TimeFormat time, Long assigneeId,
                          Long clientId, Long dealId) {
        this(owner, vm, i18n, time, assigneeId, clientId == null ? null : new Named(clientId, ""), dealId, null);
    }

    /**
     * @param client       the client the task starts linked to (null: none)
     * @param clientSearch finds clients by what is typed (null: the client cannot be changed)
     */
    public TaskEditDialog(Window owner, TaskListViewModel vm, I18n i18n, TimeFormat time, Long assigneeId,
                          Named client, Long dealId, Function<String, List<Named>> clientSearch) {
        initOwner(owner);
        setTitle(i18n.get("task.edit.title"));
        TextField title = new TextField();
        title.setId("taskTitle");
        ComboBox<TaskKind> kind = new ComboBox<>();
        kind.getItems().addAll(TaskKind.values());
        kind.setValue(TaskKind.CALL);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskKind k) {
                return k == null ? "" : i18n.get("task.kind." + k.code());
            }

            @Override
            public TaskKind fromString(String s) {
                return null;
            }
        });
        ComboBox<Named> clientBox = clientPicker(vm, i18n, client, clientSearch);
        ComboBox<Named> assignee = new ComboBox<>();
        assignee.setId("taskAssignee");
        assignee.setMaxWidth(Double.MAX_VALUE);
        if (assigneeId != null) {
            assignee.getItems().add(new Named(assigneeId, "…"));
            assignee.setValue(assignee.getItems().get(0));
        }
        vm.loadAssignees(people -> {
            Long chosen = assignee.getValue() == null ? assigneeId : assignee.getValue().id();
            assignee.getItems().setAll(people);
            people.stream().filter(p -> Objects.equals(p.id(), chosen)).findFirst()
                    .or(() -> people.stream().findFirst()).ifPresent(assignee::setValue);
        });
        Instant now = vm.service().now();
        DatePicker date = new DatePicker(time.date(now));
        TextField at = new TextField("18:00");
        TextField remind = new TextField("15");
        TextArea description = new TextArea();
        description.setPrefRowCount(3);
        Label error = new Label();
        error.setId("taskError");
        error.setStyle("-fx-text-fill: #b00020;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(i18n.get("task.field.title")), title);
        grid.addRow(1, new Label(i18n.get("task.field.kind")), kind);
        grid.addRow(2, new Label(i18n.get("task.field.client")), clientBox);
        grid.addRow(3, new Label(i18n.get("task.field.assignee")), assignee);
        grid.addRow(4, new Label(i18n.get("task.field.dueAt")), date, at);
        grid.addRow(5, new Label(i18n.get("task.field.remindBefore")), remind);
        grid.addRow(6, new Label(i18n.get("task.field.description")), description);
        grid.add(error, 0, 7, 3, 1);
        getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, new ButtonType(i18n.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(save).setId("taskSave");
        setResultConverter(b -> null);
        getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            Instant due;
            try {
                due = date.getValue() == null ? null : time.instant(date.getValue(), LocalTime.parse(at.getText().strip()));
            } catch (DateTimeParseException ex) {
                error.setText(i18n.get("task.validation.time"));
                return;
            }
            String r = remind.getText().strip();
            Instant remindAt = due == null || !r.matches("\\d{1,5}") ? null : due.minusSeconds(60L * Integer.parseInt(r));
            Named c = chosenClient(clientBox);
            Long who = assignee.getValue() == null ? assigneeId : assignee.getValue().id();
            Task draft = new Task(null, title.getText(), description.getText(), kind.getValue(), TaskStatus.OPEN, due,
                    remindAt, who, null, c == null ? null : c.id(), dealId, null, null, null, 0);
            vm.create(draft, () -> {
                setResult(null);
                close();
            }, error::setText);
        });
    }

    /** The client chosen: the picked entry, none when the field was emptied. */
    private static Named chosenClient(ComboBox<Named> box) {
        String typed = box.getEditor().getText();
        boolean named = box.getValue() != null && !box.getValue().name().isEmpty();
        if (box.isEditable() && (typed == null || typed.isBlank()) && named) {
            return null;
        }
        return box.getValue();
    }

    /** An editable combo box that lists the clients matching what is typed (a short pause after the last key). */
    private static ComboBox<Named> clientPicker(TaskListViewModel vm, I18n i18n, Named client,
                                                Function<String, List<Named>> search) {
        ComboBox<Named> box = new ComboBox<>();
        box.setId("taskClient");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText(i18n.get("task.client.prompt"));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Named n) {
                return n == null ? "" : n.name();
            }

            @Override
            public Named fromString(String s) {
                return box.getItems().stream().filter(n -> n.name().equals(s)).findFirst().orElse(box.getValue());
            }
        });
        if (client != null) {
            box.getItems().add(client);
            box.setValue(client);
        }
        if (search == null) {
            box.setDisable(client == null || client.name().isEmpty());
            return box;
        }
        box.setEditable(true);
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        box.getEditor().textProperty().addListener((o, a, text) -> {
            Named current = box.getValue();
            if (text == null || text.isBlank() || (current != null && text.equals(current.name()))) {
                return;
            }
            pause.setOnFinished(e -> vm.searchClients(search, text.strip(), found -> {
                if (!text.equals(box.getEditor().getText())) {
                    return; // typed on meanwhile
                }
                box.getItems().setAll(found);
                if (!found.isEmpty() && box.getScene() != null) {
                    box.show();
                }
            }));
            pause.playFromStart();
        });
        return box;
    }
}
