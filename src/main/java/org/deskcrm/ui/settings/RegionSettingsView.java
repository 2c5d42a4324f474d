package org.deskcrm.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.ui.common.I18n;

/** The "Phones and time" page: the business region, and the business time zone with its hint. */
public final class RegionSettingsView extends VBox {
    public RegionSettingsView(RegionSettingsViewModel vm, I18n i18n) {
        super(10);
        setPadding(new Insets(12));
        Label title = new Label(i18n.get("settings.region.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(i18n.get("settings.region.hint"));
        hint.setWrapText(true);
        ComboBox<String> region = new ComboBox<>();
        region.setId("settings-region");
        region.getItems().setAll(vm.choices());
        region.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return vm.label(code);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        region.valueProperty().bindBidirectional(vm.regionProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(i18n.get("settings.region.region")), region);
        if (vm.offersCurrency()) {
            ComboBox<String> currency = new ComboBox<>();
            currency.setId("settings-currency");
            currency.getItems().setAll(vm.currencyChoices());
            currency.setConverter(new StringConverter<>() {
                @Override
                public String toString(String code) {
                    return vm.currencyLabel(code);
                }

                @Override
                public String fromString(String s) {
                    return null;
                }
            });
            currency.valueProperty().bindBidirectional(vm.currencyProperty());
            g.addRow(1, new Label(i18n.get("settings.region.currency")), currency);
        }
        Button save = new Button(i18n.get("settings.save"));
        save.setId("settings-region-save");
        save.getStyleClass().add("primary-button");
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.setId("settings-region-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label zone = new Label();
        zone.setId("settings-zone-hint");
        zone.setWrapText(true);
        zone.textProperty().bind(vm.zoneHintProperty());
        getChildren().addAll(title, hint, g, save, message, zone);
    }
}
