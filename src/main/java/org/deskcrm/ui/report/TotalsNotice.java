package org.deskcrm.ui.report;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import org.deskcrm.ui.common.I18n;

/**
 * The line above a report that says its stored totals are stale and the figures are counted from the records
 * (slower), with "Rebuild totals" for an administrator (others are asked to call one), the rebuild's step while
 * it runs, and its outcome.
 */
public final class TotalsNotice extends HBox {
    public TotalsNotice(TotalsNoticeViewModel vm, I18n i18n) {
        super(8);
        setId("totalsNotice");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add("totals-notice");
        Label stale = new Label();
        stale.setId("totalsStale");
        stale.setWrapText(true);
        stale.textProperty().bind(javafx.beans.binding.Bindings.when(vm.mayRebuildProperty())
                .then(i18n.get("totals.stale")).otherwise(i18n.get("totals.stale.askAdmin")));
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        Button rebuild = new Button(i18n.get("totals.rebuild"));
        rebuild.setId("totalsRebuild");
        rebuild.visibleProperty().bind(vm.staleProperty().and(vm.mayRebuildProperty()));
        rebuild.managedProperty().bind(rebuild.visibleProperty());
        rebuild.disableProperty().bind(vm.runningProperty());
        rebuild.setOnAction(e -> vm.rebuild());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label step = new Label();
        step.setId("totalsProgress");
        step.textProperty().bind(vm.progressProperty());
        step.visibleProperty().bind(vm.runningProperty());
        step.managedProperty().bind(step.visibleProperty());
        Label outcome = new Label();
        outcome.setId("totalsOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.visibleProperty().bind(vm.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        getChildren().addAll(stale, rebuild, spinner, step, outcome);
        visibleProperty().bind(vm.staleProperty().or(vm.runningProperty()).or(vm.outcomeProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }
}
