package org.deskcrm.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A centred block with a glyph, a title, a sentence and optional buttons: what an empty tab shows. */
public final class EmptyState {
    private EmptyState() {
    }

    public static VBox of(String icon, String title, String text, Node... actions) {
        Label heading = new Label(title);
        heading.getStyleClass().add("empty-title");
        heading.setWrapText(true);
        Label body = new Label(text);
        body.getStyleClass().add("empty-text");
        body.setWrapText(true);
        VBox box = new VBox(Icons.of(icon, 48, "empty-icon"), heading, body);
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        box.setFillWidth(false);
        body.setMaxWidth(520);
        heading.setMaxWidth(520);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a wrapped title keeps all its lines
        body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (actions.length > 0) {
            HBox buttons = new HBox(actions);
            buttons.getStyleClass().add("empty-actions");
            buttons.setAlignment(Pos.CENTER);
            box.getChildren().add(buttons);
        }
        return box;
    }
}
