package org.deskcrm.ui.deal;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.ui.common.I18n;

import java.util.Map;

/** A new deal of the card's client: title, pipeline (it starts in the first open stage), amount and owner. */
final class NewDealDialog extends Dialog<Void> {
    NewDealDialog(Window owner, ClientDealsViewModel vm, I18n i18n) {
        initOwner(owner);
        setTitle(i18n.get("client.deals.new"));
        TextField title = new TextField();
        title.setId("deal-new-title");
        ComboBox<Pipeline> pipeline = new ComboBox<>(vm.pipelines());
        pipeline.setId("deal-new-pipeline");
        pipeline.setConverter(new StringConverter<>() {
            @Override
            public String toString(Pipeline p) {
                return p == null ? "" : p.name();
            }

            @Override
            public Pipeline fromString(String s) {
                return null;
            }
        });
        if (!vm.pipelines().isEmpty()) {
            pipeline.setValue(vm.pipelines().get(0));
        }
        TextField amount = new TextField();
        amount.setId("deal-new-amount");
        ComboBox<Map.Entry<Long, String>> ownerBox = new ComboBox<>();
        ownerBox.setId("deal-new-owner");
        ownerBox.getItems().setAll(vm.owners().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        ownerBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Map.Entry<Long, String> e) {
                return e == null ? "" : e.getValue();
            }

            @Override
            public Map.Entry<Long, String> fromString(String s) {
                return null;
            }
        });
        ownerBox.getItems().stream().filter(e -> e.getKey().equals(vm.currentUser())).findFirst()
                .or(() -> ownerBox.getItems().stream().findFirst()).ifPresent(ownerBox::setValue);
        Label error = new Label();
        error.setId("deal-new-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(i18n.get("deal.field.title")), title);
        grid.addRow(1, new Label(i18n.get("deal.field.pipeline")), pipeline);
        grid.addRow(2, new Label(i18n.get("deal.field.amount")), amount);
        grid.addRow(3, new Label(i18n.get("deal.field.owner")), ownerBox);
        grid.add(error, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(i18n.get("action.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, new ButtonType(i18n.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(save).setId("deal-new-save");
        setResultConverter(b -> null);
        getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.create(title.getText(), pipeline.getValue(), amount.getText(),
                    ownerBox.getValue() == null ? null : ownerBox.getValue().getKey(), id -> {
                        setResult(null);
                        close();
                    }, error::setText);
        });
    }
}
