package org.deskcrm.ui.deal;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.deskcrm.ui.common.I18n;

/** Pipeline, owner, score band and period pickers bound to the model (which reports changes), and Refresh. */
final class DealFilterBar extends HBox {
    DealFilterBar(DealFilterModel model, I18n i18n, Runnable refreshAction) {
        super(8);
        setPadding(new Insets(6, 8, 6, 8));
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<Choice<org.deskcrm.model.deal.Pipeline>> pipeline = new ComboBox<>(model.pipelines());
        pipeline.setId("deal-filter-pipeline");
        pipeline.valueProperty().bindBidirectional(model.pipelineProperty());
        ComboBox<Choice<Long>> owner = new ComboBox<>(model.owners());
        owner.setId("deal-filter-owner");
        org.deskcrm.ui.common.PeopleFilters.mark(owner);
        owner.valueProperty().bindBidirectional(model.ownerProperty());
        ComboBox<Choice<org.deskcrm.model.deal.ScoreBand>> band = new ComboBox<>(model.bands());
        band.setId("deal-filter-band");
        band.valueProperty().bindBidirectional(model.bandProperty());
        DatePicker from = new DatePicker();
        from.setId("deal-filter-from");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("deal-filter-to");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setOnAction(e -> refreshAction.run());
        getChildren().addAll(new Label(i18n.get("deal.filter.pipeline")), pipeline, owner, band,
                new Label(i18n.get("deal.filter.from")), from, new Label(i18n.get("deal.filter.to")), to, refresh);
    }
}
