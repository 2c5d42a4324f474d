package org.deskcrm.ui.client;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** Shows a field's validation error at the field: a red border, a tooltip and a short line under it. */
final class FieldDecor {
    static final String ERROR_CLASS = "field-error";

    private FieldDecor() {
    }

    static Node withError(Control field, ObservableStringValue error) {
        Label text = new Label();
        text.getStyleClass().add("field-error-text");
        text.setWrapText(true);
        text.textProperty().bind(error);
        text.managedProperty().bind(text.textProperty().isNotEmpty());
        text.visibleProperty().bind(text.managedProperty());
        mark(field, error);
        VBox box = new VBox(1, field, text);
        box.setFillWidth(true);
        return box;
    }

    /** Only the border and the tooltip (for compact rows). */
    static void mark(Control field, ObservableStringValue error) {
        Runnable update = () -> {
            String msg = error.get();
            field.getStyleClass().remove(ERROR_CLASS);
            if (msg == null || msg.isEmpty()) {
                field.setTooltip(null);
            } else {
                field.getStyleClass().add(ERROR_CLASS);
                field.setTooltip(new Tooltip(msg));
            }
        };
        error.addListener((o, a, b) -> update.run());
        update.run();
    }
}
