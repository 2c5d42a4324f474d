package org.deskcrm.ui.control;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.ui.common.I18n;

import java.util.function.Consumer;

/** Tiles with the indicator counts; a red tile has something to look at; a click opens its list. */
public final class ControlDashboardView extends BorderPane {
    public ControlDashboardView(ControlDashboardViewModel vm, I18n i18n, Consumer<ControlIndicator> open) {
        FlowPane tiles = new FlowPane(12, 12);
        tiles.setPadding(new Insets(12));
        vm.tiles().addListener((ListChangeListener<ControlDashboardViewModel.Tile>) c -> {
            tiles.getChildren().clear();
            for (ControlDashboardViewModel.Tile t : vm.tiles()) {
                Label count = new Label(String.valueOf(t.count()));
                count.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;"
                        + (t.count() > 0 ? " -fx-text-fill: #b00020;" : " -fx-text-fill: #2e7d32;"));
                Label title = new Label(t.title());
                title.setWrapText(true);
                Button tile = new Button(null, new VBox(4, count, title));
                tile.setId("tile-" + t.indicator().code());
                tile.setPrefSize(200, 110);
                tile.setOnAction(e -> open.accept(t.indicator()));
                tiles.getChildren().add(tile);
            }
        });
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Label msg = new Label();
        msg.textProperty().bind(vm.messageProperty());
        Label hint = new Label(vm.hint());
        hint.setId("controlHint");
        hint.setWrapText(true);
        Label summary = new Label();
        summary.setId("controlSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        VBox top = new VBox(4, hint, summary, refresh);
        top.setPadding(new Insets(12, 12, 0, 12));
        setTop(top);
        setCenter(tiles);
        setBottom(msg);
    }
}
