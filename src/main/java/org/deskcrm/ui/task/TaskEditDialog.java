package org.deskcrm.ui.task;

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
import javafx.util.StringConverter;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.ui.common.I18n;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** A new task: title, kind, due date and time, a reminder some minutes before, a description. */
public final class TaskEditDialog extends Dialog<Void> {
    public TaskEditDialog(Window owner, TaskListViewModel vm, I18n i18n, TimeFormat time, Long assigneeId,
                          Long clientId, Long dealId) {
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
        Instant now = vm.service().now();
        DatePicker date = new DatePicker(time.date(now));
        TextField at = new TextField("18:00");
        TextField remind = new TextField("15");
        TextArea description = new TextArea();
        description.setPrefRowCount(3);
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00020;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(i18n.get("task.field.title")), title);
        grid.addRow(1, new Label(i18n.get("task.field.kind")), kind);
        grid.addRow(2, new Label(i18n.get("task.field.dueAt")), date, at);
        grid.addRow(3, new Label(i18n.get("task.field.remindBefore")), remind);
        grid.addRow(4, new Label(i18n.get("task.field.description")), description);
        grid.add(error, 0, 5, 3, 1);
        getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, new ButtonType(i18n.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
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
            Task draft = new Task(null, title.getText(), description.getText(), kind.getValue(), TaskStatus.OPEN, due,
                    remindAt, assigneeId, null, clientId, dealId, null, null, null, 0);
            vm.create(draft, () -> {
                setResult(null);
                close();
            }, error::setText);
        });
    }
}
