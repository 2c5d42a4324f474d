package org.deskcrm.ui.settings;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Small helpers for the settings pages' tables and forms. */
final class Tables {
    private Tables() {
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
