package org.deskcrm.ui.task;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.model.task.Recurrence;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskTemplate;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Refreshable;

import java.util.Locale;
import java.util.function.Function;

/**
 * Recurring task templates: the list on the left, the selected template on the right (title, kind,
 * repeat, first period, assignee, active, the stages with their day offsets), Save, and "Generate
 * tasks now" up to a date.
 */
public final class TemplateEditorView extends BorderPane {
    private final TemplateEditorViewModel vm;
    private final I18n i18n;
    private final VBox stageRows = new VBox(6);

    public TemplateEditorView(TemplateEditorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("templateEditor");
        SplitPane split = new SplitPane(list(), new ScrollPane(form()));
        ((ScrollPane) split.getItems().get(1)).setFitToWidth(true);
        split.setDividerPositions(0.28);
        setCenter(split);
        Refreshable.attach(this, () -> vm.load(null));
    }

    private VBox list() {
        ListView<TaskTemplate> templates = new ListView<>(vm.templates());
        templates.setId("templateList");
        templates.setPlaceholder(new Label(i18n.get("task.template.empty")));
        templates.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TaskTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.title() + " · " + recurrenceName(t.recurrence())
                        + (t.active() ? "" : " · " + i18n.get("task.template.inactive")));
            }
        });
        templates.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.select(t));
        Button add = new Button(i18n.get("task.template.new"));
        add.setId("templateNew");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> {
            templates.getSelectionModel().clearSelection();
            vm.newTemplate();
        });
        VBox.setVgrow(templates, Priority.ALWAYS);
        VBox box = new VBox(6, templates, add);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox form() {
        TextField title = new TextField();
        title.setId("templateTitle");
        title.textProperty().bindBidirectional(vm.titleProperty());
        ComboBox<TaskKind> kind = combo("templateKind", TaskKind.values(), k -> i18n.get("task.kind." + k.code()));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ComboBox<Recurrence> repeat = combo("templateRecurrence", Recurrence.values(), this::recurrenceName);
        repeat.valueProperty().bindBidirectional(vm.recurrenceProperty());
        DatePicker anchor = new DatePicker();
        anchor.setId("templateAnchor");
        anchor.valueProperty().bindBidirectional(vm.anchorProperty());
        ComboBox<Named> assignee = new ComboBox<>(vm.assignees());
        assignee.setId("templateAssignee");
        assignee.valueProperty().bindBidirectional(vm.assigneeProperty());
        CheckBox active = new CheckBox(i18n.get("task.template.active"));
        active.setId("templateActive");
        active.selectedProperty().bindBidirectional(vm.activeProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(200, 360, 600));
        grid.addRow(0, new Label(i18n.get("task.field.title")), title);
        grid.addRow(1, new Label(i18n.get("task.field.kind")), kind);
        grid.addRow(2, new Label(i18n.get("task.field.recurrence")), repeat);
        grid.addRow(3, new Label(i18n.get("task.field.anchorDate")), anchor);
        grid.addRow(4, new Label(i18n.get("task.template.assignee")), assignee);
        grid.add(active, 1, 5);

        Label stagesTitle = new Label(i18n.get("task.field.stages"));
        stagesTitle.getStyleClass().add("section-title");
        Label hint = new Label(i18n.get("task.template.stagesHint"));
        hint.setWrapText(true);
        vm.stages().addListener((ListChangeListener<StageRow>) c -> rebuildStages());
        rebuildStages();
        Button addStage = new Button(i18n.get("task.template.addStage"));
        addStage.setId("stageAdd");
        addStage.setOnAction(e -> vm.addStage());

        Button save = new Button(i18n.get("action.save"));
        save.setId("templateSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());

        DatePicker until = new DatePicker();
        until.setId("generateUntil");
        until.valueProperty().bindBidirectional(vm.generateUntilProperty());
        Button generate = new Button(i18n.get("task.template.generate"));
        generate.setId("templateGenerate");
        generate.setTooltip(new Tooltip(i18n.get("task.template.generate.tip")));
        generate.disableProperty().bind(vm.editingExistingProperty().not().or(vm.busyProperty()));
        generate.setOnAction(e -> vm.generate());
        HBox generateBar = new HBox(8, new Label(i18n.get("task.template.until")), until, generate);
        generateBar.setAlignment(Pos.CENTER_LEFT);

        Label info = new Label();
        info.setId("templateInfo");
        info.textProperty().bind(vm.infoProperty());
        Label message = new Label();
        message.setId("templateMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        VBox form = new VBox(10, grid, new Separator(), stagesTitle, hint, stageRows, addStage, new Separator(),
                save, new Separator(), generateBar, info, message);
        form.setPadding(new Insets(12));
        return form;
    }

    private void rebuildStages() {
        stageRows.getChildren().clear();
        for (int i = 0; i < vm.stages().size(); i++) {
            stageRows.getChildren().add(stageRow(vm.stages().get(i), i));
        }
    }

    private HBox stageRow(StageRow row, int index) {
        Label number = new Label((index + 1) + ".");
        number.setMinWidth(24);
        TextField title = new TextField();
        title.setId("stageTitle" + index);
        title.setPromptText(i18n.get("task.template.col.title"));
        title.textProperty().bindBidirectional(row.titleProperty());
        HBox.setHgrow(title, Priority.ALWAYS);
        TextField offset = new TextField();
        offset.setId("stageOffset" + index);
        offset.setPrefColumnCount(4);
        offset.setTooltip(new Tooltip(i18n.get("task.template.col.offsetDays")));
        offset.textProperty().bindBidirectional(row.offsetProperty());
        Label days = new Label(i18n.get("task.template.days"));
        ComboBox<TaskKind> kind = new ComboBox<>();
        kind.setId("stageKind" + index);
        kind.getItems().add(null);
        kind.getItems().addAll(TaskKind.values());
        kind.setConverter(converter(k -> k == null ? i18n.get("task.template.kindOfTemplate")
                : i18n.get("task.kind." + k.code())));
        kind.valueProperty().bindBidirectional(row.kindProperty());
        Button up = small("↑", "task.template.up", e -> vm.move(row, -1));
        up.setDisable(index == 0);
        Button down = small("↓", "task.template.down", e -> vm.move(row, 1));
        down.setDisable(index == vm.stages().size() - 1);
        Button remove = small("✕", "task.template.removeStage", e -> vm.removeStage(row));
        remove.setId("stageRemove" + index);
        HBox box = new HBox(6, number, title, offset, days, kind, up, down, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button small(String text, String tipKey, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(i18n.get(tipKey)));
        b.setOnAction(action);
        b.setFocusTraversable(false);
        return b;
    }

    private String recurrenceName(Recurrence r) {
        return i18n.get("task.recurrence." + r.name().toLowerCase(Locale.ROOT));
    }

    private <T> ComboBox<T> combo(String id, T[] values, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().addAll(values);
        box.setConverter(converter(v -> v == null ? "" : name.apply(v)));
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
