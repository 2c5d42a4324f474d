package org.deskcrm.ui.settings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.ui.common.I18n;

/** The pipelines page: pick a pipeline, edit its ordered stages, and the lost reasons. */
public final class PipelineSettingsView extends VBox {
    private final PipelineSettingsViewModel vm;
    private final I18n i18n;

    public PipelineSettingsView(PipelineSettingsViewModel vm, I18n i18n) {
        super(8);
        this.vm = vm;
        this.i18n = i18n;
        setPadding(new Insets(12));
        TableView<PipelineSettingsViewModel.Row> table = table();
        Label error = new Label();
        error.setId("pipeline-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label info = new Label();
        info.setId("pipeline-info");
        info.textProperty().bind(vm.infoProperty());
        getChildren().addAll(Tables.title(i18n.get("settings.pipeline.title")), pipelineBar(), stageButtons(table),
                table, form(), error, info, Tables.title(i18n.get("settings.reason.title")), reasons());
    }

    private HBox pipelineBar() {
        ComboBox<Pipeline> choice = new ComboBox<>(vm.pipelines());
        choice.setId("pipeline-choice");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Pipeline p) {
                return p == null ? "" : p.name();
            }

            @Override
            public Pipeline fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().bindBidirectional(vm.pipelineProperty());
        Button rename = new Button(i18n.get("settings.pipeline.rename"));
        rename.setId("pipeline-rename");
        rename.setOnAction(e -> vm.renamePipeline());
        Button create = new Button(i18n.get("settings.pipeline.new"));
        create.setId("pipeline-new");
        create.setOnAction(e -> vm.newPipeline());
        HBox box = new HBox(8, new Label(i18n.get("settings.pipeline.label")), choice, rename, create);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private TableView<PipelineSettingsViewModel.Row> table() {
        TableView<PipelineSettingsViewModel.Row> t = new TableView<>(vm.stages());
        t.setId("pipeline-stages");
        t.setPrefHeight(240);
        t.getColumns().add(Tables.column(i18n.get("settings.stage.name"), PipelineSettingsViewModel.Row::name, 220));
        t.getColumns().add(Tables.column(i18n.get("settings.stage.kind"), PipelineSettingsViewModel.Row::kind, 100));
        t.getColumns().add(Tables.column(i18n.get("settings.stage.probability"),
                PipelineSettingsViewModel.Row::probability, 110));
        t.getColumns().add(Tables.column(i18n.get("settings.stage.maxDays"),
                PipelineSettingsViewModel.Row::maxDays, 110));
        t.setRowFactory(tv -> {
            TableRow<PipelineSettingsViewModel.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.editStage(row.getItem());
                }
            });
            return row;
        });
        return t;
    }

    private HBox stageButtons(TableView<PipelineSettingsViewModel.Row> table) {
        var selected = table.getSelectionModel().selectedItemProperty();
        var none = selected.isNull().or(vm.busyProperty());
        Button add = new Button(i18n.get("settings.stage.add"));
        add.setId("stage-add");
        add.disableProperty().bind(vm.busyProperty());
        add.setOnAction(e -> vm.newStage(selected.get()));
        Button edit = new Button(i18n.get("settings.edit"));
        edit.setId("stage-edit");
        edit.disableProperty().bind(none);
        edit.setOnAction(e -> vm.editStage(selected.get()));
        Button up = new Button(i18n.get("settings.stage.up"));
        up.setId("stage-up");
        up.disableProperty().bind(none);
        up.setOnAction(e -> vm.move(selected.get(), -1));
        Button down = new Button(i18n.get("settings.stage.down"));
        down.setId("stage-down");
        down.disableProperty().bind(none);
        down.setOnAction(e -> vm.move(selected.get(), 1));
        Button delete = new Button(i18n.get("settings.delete"));
        delete.setId("stage-delete");
        delete.disableProperty().bind(none);
        delete.setOnAction(e -> vm.deleteStage(selected.get()));
        HBox box = new HBox(6, add, edit, up, down, delete);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox form() {
        TextField name = new TextField();
        name.setId("stage-name");
        name.textProperty().bindBidirectional(vm.stageNameProperty());
        ComboBox<StageKind> kind = new ComboBox<>(vm.kinds());
        kind.setId("stage-kind");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(StageKind k) {
                return vm.kindText(k);
            }

            @Override
            public StageKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.stageKindProperty());
        TextField probability = new TextField();
        probability.setId("stage-probability");
        probability.setPrefColumnCount(5);
        probability.textProperty().bindBidirectional(vm.probabilityProperty());
        TextField days = new TextField();
        days.setId("stage-max-days");
        days.setPrefColumnCount(5);
        days.textProperty().bindBidirectional(vm.maxDaysProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.addRow(0, new Label(i18n.get("settings.stage.name")), name, new Label(i18n.get("settings.stage.kind")), kind);
        g.addRow(1, new Label(i18n.get("settings.stage.probability")), probability,
                new Label(i18n.get("settings.stage.maxDays")), days);
        Button save = new Button(i18n.get("settings.save"));
        save.setId("stage-save");
        save.getStyleClass().add("primary-button");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.saveStage());
        Button cancel = new Button(i18n.get("settings.cancel"));
        cancel.setId("stage-cancel");
        cancel.setOnAction(e -> vm.cancel());
        VBox form = new VBox(6, g, new HBox(6, save, cancel));
        form.visibleProperty().bind(vm.editingProperty());
        form.managedProperty().bind(vm.editingProperty());
        return form;
    }

    private VBox reasons() {
        ListView<String> list = new ListView<>(vm.lostReasons());
        list.setId("lost-reasons");
        list.setPrefHeight(140);
        Button add = new Button(i18n.get("settings.reason.add"));
        add.setId("reason-add");
        add.setOnAction(e -> vm.addLostReason());
        return new VBox(6, list, add);
    }
}
