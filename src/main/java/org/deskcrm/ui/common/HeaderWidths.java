package org.deskcrm.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Column titles shown whole: once a table has been laid out for the first time, every resizable column of a
 * table whose columns keep their own widths is widened to its title when the title would be cut ("Dur…",
 * "Напра…"). Later the user's own resizing is left alone; a title that is still cut shows whole as a tooltip
 * ({@link CutTextTooltips}).
 */
public final class HeaderWidths {
    private static final String DONE = "deskcrm.headerWidthsFitted";

    private HeaderWidths() {
    }

    /** Fits the column titles of every table under {@code root} after its first layout. */
    public static void fitIn(Node root) {
        if (root == null) {
            return;
        }
        for (Node n : root.lookupAll(".table-view")) {
            if (n instanceof TableView<?> table && !table.getProperties().containsKey(DONE)) {
                table.getProperties().put(DONE, Boolean.TRUE);
                whenLaidOut(table);
            }
        }
    }

    private static void whenLaidOut(TableView<?> table) {
        table.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number width) {
                if (width.doubleValue() > 0) {
                    table.widthProperty().removeListener(this);
                    Platform.runLater(() -> fit(table));
                }
            }
        });
    }

    /** Widens each column whose title the header cuts, by what the title lacks. */
    static void fit(TableView<?> table) {
        if (table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
            return; // the table shares its width among the columns itself
        }
        for (Node n : table.lookupAll(".column-header")) {
            if (!(n instanceof TableColumnHeader header) || header.getTableColumn() == null) {
                continue;
            }
            TableColumnBase<?, ?> column = header.getTableColumn();
            if (!column.isResizable() || !column.getColumns().isEmpty()) {
                continue;
            }
            for (Node child : header.getChildrenUnmodifiable()) {
                if (child instanceof Label label && CutTextTooltips.isCut(label)) {
                    double lacking = label.prefWidth(-1) - label.getWidth();
                    if (lacking > 0) {
                        column.setPrefWidth(Math.min(column.getMaxWidth(), column.getWidth() + Math.ceil(lacking) + 2));
                    }
                }
            }
        }
    }
}
