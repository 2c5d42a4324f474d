package org.deskcrm.ui.user;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A small form dialog whose OK saves in the background: the dialog stays open until the save succeeds
 * and shows each refusal under its field.
 */
final class FormDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final Map<String, Label> errorLabels = new HashMap<>();
    private final Label general = new Label();
    private int row;

    FormDialog(Window owner, String title, String id) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId(id);
        grid.setHgap(10);
        grid.setVgap(6);
        general.setId("formError");
        general.setStyle("-fx-text-fill: #c0392b;");
        general.setWrapText(true);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    }

    FormDialog field(String field, String label, Node control) {
        Label error = new Label();
        error.setStyle("-fx-text-fill: #c0392b;");
        error.setId("error-" + field);
        error.setManaged(false);
        error.setVisible(false);
        errorLabels.put(field, error);
        grid.addRow(row++, new Label(label), control);
        grid.add(error, 1, row++);
        return this;
    }

    /** Shows the dialog; OK calls {@code save(onDone, onErrors)} and closes only once {@code onDone} runs. */
    void show(BiConsumer<Runnable, Consumer<Map<String, String>>> save) {
        grid.add(general, 0, row++, 2, 1);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("formOk");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ok.setDisable(true);
            save.accept(() -> {
                dialog.setResult(ButtonType.OK);
                dialog.close();
            }, errors -> {
                ok.setDisable(false);
                showErrors(errors);
            });
        });
        dialog.show();
    }

    private void showErrors(Map<String, String> errors) {
        errorLabels.values().forEach(l -> {
            l.setText("");
            l.setVisible(false);
            l.setManaged(false);
        });
        StringBuilder other = new StringBuilder();
        errors.forEach((field, text) -> {
            Label l = errorLabels.get(field);
            if (l == null) {
                other.append(other.length() == 0 ? "" : "\n").append(text);
            } else {
                l.setText(text);
                l.setVisible(true);
                l.setManaged(true);
            }
        });
        general.setText(other.toString());
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }
}
