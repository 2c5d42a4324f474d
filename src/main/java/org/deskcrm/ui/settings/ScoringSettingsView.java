package org.deskcrm.ui.settings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.ui.common.I18n;

import java.util.function.Function;

/** The lead-scoring page: rules table with a form, band thresholds, and "Rescore all". */
public final class ScoringSettingsView extends VBox {
    private final ScoringSettingsViewModel vm;
    private final I18n i18n;

    public ScoringSettingsView(ScoringSettingsViewModel vm, I18n i18n) {
        super(8);
        this.vm = vm;
        this.i18n = i18n;
        setPadding(new Insets(12));
        TableView<ScoringSettingsViewModel.Row> table = table();
        Label message = new Label();
        message.setId("scoring-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        getChildren().addAll(Tables.title(i18n.get("settings.scoring.title")),
                new Label(i18n.get("settings.scoring.hint")), buttons(table), table, form(), message,
                Tables.title(i18n.get("settings.scoring.bands")), bands(),
                new JobBar("scoring-rescore", i18n.get("settings.scoring.rescore"), vm::rescoreAll,
                        vm::cancelRescore, vm.runningProperty(), vm.progressProperty(), vm.jobMessageProperty(), i18n));
    }

    private TableView<ScoringSettingsViewModel.Row> table() {
        TableView<ScoringSettingsViewModel.Row> t = new TableView<>(vm.rows());
        t.setId("scoring-rules");
        t.setPrefHeight(260);
        t.getColumns().add(Tables.column(i18n.get("settings.scoring.name"), ScoringSettingsViewModel.Row::name, 220));
        t.getColumns().add(Tables.column(i18n.get("settings.scoring.attribute"),
                ScoringSettingsViewModel.Row::attribute, 140));
        t.getColumns().add(Tables.column(i18n.get("settings.scoring.operator"),
                ScoringSettingsViewModel.Row::operator, 110));
        t.getColumns().add(Tables.column(i18n.get("settings.scoring.operand"),
                ScoringSettingsViewModel.Row::operand, 140));
        t.getColumns().add(Tables.column(i18n.get("settings.scoring.weight"), ScoringSettingsViewModel.Row::weight, 70));
        t.getColumns().add(Tables.column(i18n.get("settings.scoring.active"), ScoringSettingsViewModel.Row::active, 70));
        t.setRowFactory(tv -> {
            TableRow<ScoringSettingsViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.edit(row.getItem());
                }
            });
            return row;
        });
        return t;
    }

    private HBox buttons(TableView<ScoringSettingsViewModel.Row> table) {
        var selected = table.getSelectionModel().selectedItemProperty();
        Button add = new Button(i18n.get("settings.scoring.add"));
        add.setId("scoring-add");
        add.setOnAction(e -> vm.newRule());
        Button edit = new Button(i18n.get("settings.edit"));
        edit.setId("scoring-edit");
        edit.disableProperty().bind(selected.isNull());
        edit.setOnAction(e -> vm.edit(selected.get()));
        Button delete = new Button(i18n.get("settings.delete"));
        delete.setId("scoring-delete");
        delete.disableProperty().bind(selected.isNull());
        delete.setOnAction(e -> vm.delete(selected.get()));
        HBox box = new HBox(6, add, edit, delete);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox form() {
        TextField name = new TextField();
        name.setId("scoring-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<org.deskcrm.model.deal.ScoringAttribute> attribute = new ComboBox<>(vm.attributes());
        attribute.setId("scoring-attribute");
        attribute.setConverter(converter(vm::attributeText));
        attribute.valueProperty().bindBidirectional(vm.attributeProperty());
        ComboBox<org.deskcrm.model.deal.ScoringOperator> operator = new ComboBox<>(vm.operators());
        operator.setId("scoring-operator");
        operator.setConverter(converter(vm::operatorText));
        operator.valueProperty().bindBidirectional(vm.operatorProperty());
        TextField operand = new TextField();
        operand.setId("scoring-operand");
        operand.setPromptText(i18n.get("settings.scoring.operandHint"));
        operand.textProperty().bindBidirectional(vm.operandProperty());
        TextField weight = new TextField();
        weight.setId("scoring-weight");
        weight.setPrefColumnCount(5);
        weight.textProperty().bindBidirectional(vm.weightProperty());
        CheckBox active = new CheckBox(i18n.get("settings.scoring.active"));
        active.setId("scoring-active");
        active.selectedProperty().bindBidirectional(vm.activeProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.addRow(0, new Label(i18n.get("settings.scoring.name")), name, new Label(i18n.get("settings.scoring.weight")),
                weight, active);
        g.addRow(1, new Label(i18n.get("settings.scoring.attribute")), attribute,
                new Label(i18n.get("settings.scoring.operator")), operator);
        g.addRow(2, new Label(i18n.get("settings.scoring.operand")), operand);
        GridPane.setColumnSpan(operand, 3);
        Button save = new Button(i18n.get("settings.save"));
        save.setId("scoring-save");
        save.getStyleClass().add("primary-button");
        save.setOnAction(e -> vm.save());
        Button cancel = new Button(i18n.get("settings.cancel"));
        cancel.setId("scoring-cancel");
        cancel.setOnAction(e -> vm.cancel());
        VBox form = new VBox(6, g, new HBox(6, save, cancel));
        form.visibleProperty().bind(vm.editingProperty());
        form.managedProperty().bind(vm.editingProperty());
        return form;
    }

    private HBox bands() {
        TextField hot = new TextField();
        hot.setId("scoring-hot");
        hot.setPrefColumnCount(4);
        hot.textProperty().bindBidirectional(vm.hotMinProperty());
        TextField warm = new TextField();
        warm.setId("scoring-warm");
        warm.setPrefColumnCount(4);
        warm.textProperty().bindBidirectional(vm.warmMinProperty());
        Button save = new Button(i18n.get("settings.scoring.saveBands"));
        save.setId("scoring-save-bands");
        save.setOnAction(e -> vm.saveBands());
        HBox box = new HBox(8, new Label(i18n.get("settings.scoring.hot")), hot,
                new Label(i18n.get("settings.scoring.warm")), warm, save);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
