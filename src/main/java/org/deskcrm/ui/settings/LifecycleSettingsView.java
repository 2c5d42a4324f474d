package org.deskcrm.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

/** The lifecycle thresholds page. */
public final class LifecycleSettingsView extends VBox {
    public LifecycleSettingsView(LifecycleSettingsViewModel vm, I18n i18n) {
        super(10);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("settings.lifecycle.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(i18n.get("settings.lifecycle.hint"));
        hint.setWrapText(true);
        TextField fresh = new TextField();
        fresh.setId("lifecycle-fresh");
        fresh.setPrefColumnCount(6);
        fresh.textProperty().bindBidirectional(vm.freshDaysProperty());
        TextField churn = new TextField();
        churn.setId("lifecycle-churn");
        churn.setPrefColumnCount(6);
        churn.textProperty().bindBidirectional(vm.churnDaysProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(i18n.get("settings.lifecycle.fresh")), fresh);
        g.addRow(1, new Label(i18n.get("settings.lifecycle.churn")), churn);
        Button save = new Button(i18n.get("settings.save"));
        save.setId("lifecycle-save");
        save.getStyleClass().add("primary-button");
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.setId("lifecycle-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        JobBar job = new JobBar("lifecycle-recompute", i18n.get("settings.lifecycle.recompute"), vm::recomputeAll,
                vm::cancel, vm.runningProperty(), vm.progressProperty(), vm.jobMessageProperty(), i18n);
        getChildren().addAll(title, hint, g, save, message, job);
    }
}
