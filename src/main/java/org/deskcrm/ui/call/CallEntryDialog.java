package org.deskcrm.ui.call;

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
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.ui.common.I18n;

import java.util.function.Consumer;

/** A call typed by hand. Save stays open (showing the errors) until the call is saved. */
public final class CallEntryDialog extends Dialog<Call> {
    public CallEntryDialog(Window owner, CallEntryViewModel vm, I18n i18n, Long userId, Consumer<Call> onSaved) {
        initOwner(owner);
        setTitle(i18n.get("call.entry.title"));
        ComboBox<CallDirection> direction = CallLogView.enumBox(new CallDirection[]{CallDirection.IN,
                CallDirection.OUT}, d -> i18n.get("call.direction." + d.code()), "");
        direction.getItems().remove(null);
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        ComboBox<CallStatus> status = CallLogView.enumBox(CallStatus.values(),
                s -> i18n.get("call.status." + s.code()), "");
        status.getItems().remove(null);
        status.valueProperty().bindBidirectional(vm.statusProperty());
        DatePicker date = new DatePicker();
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField time = new TextField();
        time.setId("callTime");
        time.textProperty().bindBidirectional(vm.timeProperty());
        TextField duration = new TextField();
        duration.setId("callDuration");
        duration.textProperty().bindBidirectional(vm.durationProperty());
        TextField phone = new TextField();
        phone.setId("callPhone");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        TextArea note = new TextArea();
        note.setPrefRowCount(3);
        note.textProperty().bindBidirectional(vm.noteProperty());
        Label error = new Label();
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int r = 0;
        grid.addRow(r++, new Label(i18n.get("call.field.direction")), direction);
        grid.addRow(r++, new Label(i18n.get("call.field.status")), status);
        grid.addRow(r++, new Label(i18n.get("call.field.startedAt")), date, time);
        grid.addRow(r++, new Label(i18n.get("call.field.durationSec")), duration);
        grid.addRow(r++, new Label(i18n.get("call.field.phone")), phone);
        grid.addRow(r++, new Label(i18n.get("call.field.resultNote")), note);
        grid.add(error, 0, r, 3, 1);
        getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, new ButtonType(i18n.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(userId, c -> {
                setResult(c);
                close();
                onSaved.accept(c);
            });
        });
        setResultConverter(b -> null);
    }
}
