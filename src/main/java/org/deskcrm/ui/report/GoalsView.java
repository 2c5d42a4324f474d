package org.deskcrm.ui.report;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.ui.common.I18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;

/**
 * The goals editor tab: period kind and a day of the period, the period's goals, and an inline form to
 * add or change one. Read-only (with a note) for managers.
 */
public final class GoalsView extends BorderPane {
    private final GoalsViewModel vm;
    private final I18n i18n;
    private final TableView<GoalEntry> table = new TableView<>();

    public GoalsView(GoalsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("goals-view");
        setTop(toolbar());
        setCenter(table());
        setBottom(form());
    }

    private FlowPane toolbar() {
        ComboBox<PeriodKind> kind = combo("goalKind", k -> i18n.get("goal.kind." + k.code()));
        kind.getItems().setAll(PeriodKind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        DatePicker day = new DatePicker();
        day.setId("goalDay");
        day.setPrefWidth(ReportView.DATE_WIDTH);
        day.valueProperty().bindBidirectional(vm.dayProperty());
        Button add = new Button(i18n.get("goal.add"));
        add.setId("goalAdd");
        add.setOnAction(e -> vm.startAdd());
        Button edit = new Button(i18n.get("goal.edit"));
        edit.setId("goalEdit");
        edit.setOnAction(e -> vm.startEdit(table.getSelectionModel().getSelectedItem()));
        Button delete = new Button(i18n.get("goal.delete"));
        delete.setId("goalDelete");
        delete.setOnAction(e -> vm.askDelete(table.getSelectionModel().getSelectedItem()));
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        add.disableProperty().bind(vm.editableProperty().not());
        edit.disableProperty().bind(vm.editableProperty().not().or(noSelection));
        delete.disableProperty().bind(vm.editableProperty().not().or(noSelection));
        FlowPane bar = new FlowPane(10, 6, new Label(i18n.get("goal.periodKind")), kind,
                new Label(i18n.get("goal.periodStart")), day, new HBox(6, add, edit, delete));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private TableView<GoalEntry> table() {
        table.setId("goalTable");
        table.setItems(vm.goals());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(i18n.locale());
        NumberFormat numbers = NumberFormat.getNumberInstance(i18n.locale());
        numbers.setMinimumFractionDigits(0);
        numbers.setMaximumFractionDigits(2);
        table.getColumns().add(column("goal.col.owner", 220, vm::ownerName));
        table.getColumns().add(column("goal.col.metric", 150, g -> i18n.get("report.value.metric." + g.metric().code())));
        table.getColumns().add(column("goal.col.period", 200, g -> dates.format(g.periodStart()) + " – "
                + dates.format(g.periodEnd())));
        TableColumn<GoalEntry, BigDecimal> target = new TableColumn<>(i18n.get("goal.col.target"));
        target.setPrefWidth(140);
        target.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().target()));
        target.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(BigDecimal v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : numbers.format(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        table.getColumns().add(target);
        table.setPlaceholder(new Label(i18n.get("report.empty")));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<GoalEntry> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && vm.editableProperty().get()) {
                    vm.startEdit(row.getItem());
                }
            });
            return row;
        });
        return table;
    }

    private TableColumn<GoalEntry, String> column(String key, double width, Function<GoalEntry, String> text) {
        TableColumn<GoalEntry, String> c = new TableColumn<>(i18n.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(text.apply(v.getValue())));
        return c;
    }

    private VBox form() {
        ComboBox<String> owner = combo("goalOwner", vm::ownerName);
        owner.setItems(vm.owners());
        owner.valueProperty().bindBidirectional(vm.formOwnerProperty());
        owner.setPrefWidth(220);
        ComboBox<GoalMetric> metric = combo("goalMetric", m -> i18n.get("report.value.metric." + m.code()));
        metric.getItems().setAll(GoalMetric.values());
        metric.valueProperty().bindBidirectional(vm.formMetricProperty());
        TextField target = new TextField();
        target.setId("goalTarget");
        target.setPrefColumnCount(12);
        target.textProperty().bindBidirectional(vm.formTargetProperty());
        Button save = new Button(i18n.get("goal.save"));
        save.setId("goalSave");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Button cancel = new Button(i18n.get("goal.cancel"));
        cancel.setId("goalCancel");
        cancel.setOnAction(e -> vm.cancel());
        FlowPane fields = new FlowPane(10, 6, new Label(i18n.get("goal.owner")), owner,
                new Label(i18n.get("report.col.metric")), metric, new Label(i18n.get("goal.target")), target,
                new HBox(6, save, cancel));
        fields.setAlignment(Pos.CENTER_LEFT);
        fields.setId("goalForm");
        fields.visibleProperty().bind(vm.formOpenProperty());
        fields.managedProperty().bind(fields.visibleProperty());
        Label error = new Label();
        error.setId("goalError");
        error.setWrapText(true);
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label readOnly = new Label(i18n.get("goal.readOnly"));
        readOnly.setId("goalReadOnly");
        readOnly.getStyleClass().add("hint");
        readOnly.visibleProperty().bind(vm.editableProperty().not().and(vm.busyProperty().not()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        Label question = new Label();
        question.textProperty().bind(vm.deleteQuestionProperty());
        Button yes = new Button(i18n.get("goal.delete"));
        yes.setId("goalConfirmDelete");
        yes.setOnAction(e -> vm.confirmDelete());
        Button no = new Button(i18n.get("goal.cancel"));
        no.setId("goalCancelDelete");
        no.setOnAction(e -> vm.cancelDelete());
        HBox confirm = new HBox(8, question, yes, no);
        confirm.setId("goalDeleteQuestion");
        confirm.setAlignment(Pos.CENTER_LEFT);
        confirm.visibleProperty().bind(vm.pendingDeleteProperty().isNotNull());
        confirm.managedProperty().bind(confirm.visibleProperty());
        VBox box = new VBox(6, fields, confirm, error, readOnly);
        box.setPadding(new Insets(6, 8, 8, 8));
        return box;
    }

    private static <T> ComboBox<T> combo(String id, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        StringConverter<T> c = new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : text.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(c);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
            }
        });
        return box;
    }
}
