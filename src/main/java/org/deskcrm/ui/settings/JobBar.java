package org.deskcrm.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.deskcrm.ui.common.I18n;

/** A start button, a progress bar, a cancel button and the job's message, in one row. */
final class JobBar extends HBox {
    JobBar(String idPrefix, String startText, Runnable start, Runnable cancel, ReadOnlyBooleanProperty running,
           ReadOnlyDoubleProperty progress, ReadOnlyStringProperty message, I18n i18n) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        Button go = new Button(startText);
        go.setId(idPrefix + "-start");
        go.disableProperty().bind(running);
        go.setOnAction(e -> start.run());
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "-progress");
        bar.setPrefWidth(180);
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(running);
        Button stop = new Button(i18n.get("settings.job.cancel"));
        stop.setId(idPrefix + "-cancel");
        stop.visibleProperty().bind(running);
        stop.setOnAction(e -> cancel.run());
        Label text = new Label();
        text.setId(idPrefix + "-message");
        text.textProperty().bind(message);
        getChildren().addAll(go, bar, stop, text);
    }
}
