package org.deskcrm.ui.call;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.service.call.CallField;
import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.service.call.CallImportPreview;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.task.TimeFormat;

import java.io.File;

/** Import of a PBX call-detail file: choose, map (generic CSV), preview, import, see the result. */
public final class CallImportDialog extends Dialog<Void> {
    public CallImportDialog(Window owner, CallImportViewModel vm, I18n i18n, TimeFormat time, Long userId,
                            Runnable onImported) {
        initOwner(owner);
        setTitle(i18n.get("call.import.title"));
        setResizable(true);

        Button choose = new Button(i18n.get("call.import.choose"));
        Label file = new Label();
        file.textProperty().bind(vm.fileNameProperty());
        ComboBox<CallImportFormat> format = CallLogView.enumBox(CallImportFormat.values(),
                f -> i18n.get("call.import.format." + CallLogView.lower(f)), "");
        format.getItems().remove(null);
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.valueProperty().addListener((o, a, b) -> vm.preview());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(i18n.get("call.import.choose"));
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"),
                    new FileChooser.ExtensionFilter("*", "*.*"));
            File f = fc.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.load(f.toPath());
            }
        });
        HBox top = new HBox(8, choose, file, new Label(i18n.get("call.import.format")), format, busy);

        GridPane map = new GridPane();
        map.setHgap(8);
        map.setVgap(4);
        int r = 0;
        for (CallField f : CallField.values()) {
            ComboBox<String> col = new ComboBox<>(vm.headers());
            col.setEditable(true);
            col.valueProperty().bindBidirectional(vm.column(f));
            col.valueProperty().addListener((o, a, b) -> vm.preview());
            map.add(new Label(i18n.get("call.import.field." + CallLogView.lower(f))), r % 2 * 2, r / 2);
            map.add(col, r % 2 * 2 + 1, r / 2);
            r++;
        }
        ComboBox<CallDirection> dir = CallLogView.enumBox(new CallDirection[]{CallDirection.IN, CallDirection.OUT},
                d -> i18n.get("call.direction." + d.code()), i18n.get("call.import.noDefault"));
        dir.valueProperty().bindBidirectional(vm.defaultDirectionProperty());
        dir.valueProperty().addListener((o, a, b) -> vm.preview());
        map.add(new Label(i18n.get("call.import.defaultDirection")), r % 2 * 2, r / 2);
        map.add(dir, r % 2 * 2 + 1, r / 2);
        TitledPane mapping = new TitledPane(i18n.get("call.import.mapping"), map);
        mapping.visibleProperty().bind(vm.formatProperty().isEqualTo(CallImportFormat.CSV));
        mapping.managedProperty().bind(mapping.visibleProperty());

        TableView<CallImportPreview.Row> preview = new TableView<>(vm.rows());
        preview.getColumns().add(CallLogView.column(i18n.get("call.col.line"), x -> String.valueOf(x.line()), 50));
        preview.getColumns().add(CallLogView.column(i18n.get("call.col.time"),
                x -> time.dateTime(x.call().startedAt()), 130));
        preview.getColumns().add(CallLogView.column(i18n.get("call.col.direction"),
                x -> i18n.get("call.direction." + x.call().direction().code()), 90));
        preview.getColumns().add(CallLogView.column(i18n.get("call.col.status"),
                x -> i18n.get("call.status." + x.call().status().code()), 100));
        preview.getColumns().add(CallLogView.column(i18n.get("call.col.number"), x -> x.call().phoneRaw(), 140));
        preview.getColumns().add(CallLogView.column(i18n.get("call.col.duration"),
                x -> TimeFormat.duration(x.call().durationSec()), 70));
        preview.setPrefHeight(260);
        ListView<String> issues = new ListView<>(vm.issues());
        issues.setPrefHeight(110);
        issues.setPlaceholder(new Label(i18n.get("call.import.noIssues")));
        Label result = new Label();
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());

        VBox box = new VBox(8, top, mapping, preview, new Label(i18n.get("call.import.issues")), issues, result);
        box.setPadding(new Insets(8));
        box.setPrefWidth(820);
        getDialogPane().setContent(box);
        ButtonType doImport = new ButtonType(i18n.get("call.import.run"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(doImport, ButtonType.CLOSE);
        setResultConverter(b -> null);
        Button importButton = (Button) getDialogPane().lookupButton(doImport);
        importButton.disableProperty().bind(vm.canImportProperty().not().or(vm.busyProperty()));
        importButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.runImport(userId, onImported);
        });
    }
}
