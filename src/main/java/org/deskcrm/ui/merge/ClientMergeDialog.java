package org.deskcrm.ui.merge;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.deskcrm.model.merge.MergeField;
import org.deskcrm.model.merge.MergeResult;
import org.deskcrm.ui.common.I18n;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Two clients side by side: which card survives, and for each field which value is kept; below each card
 * the records it brings. "Merge" runs in the background; the dialog closes when it is done.
 */
public final class ClientMergeDialog extends Dialog<Void> {
    private static final String[] FIELD_KEYS = {"client.field.kind", "client.field.name", "client.field.legalName",
            "client.field.inn", "client.field.kpp", "client.field.address", "client.field.region",
            "client.field.industry", "client.field.website", "client.field.sourceId", "client.field.ownerId"};

    public ClientMergeDialog(Window owner, ClientMergeViewModel vm, I18n i18n, Consumer<MergeResult> onMerged) {
        initOwner(owner);
        setTitle(i18n.get("merge.title"));
        setResizable(true);
        GridPane grid = new GridPane();
        grid.setId("merge-grid");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        ToggleGroup survivor = new ToggleGroup();
        RadioButton keepLeft = radio("merge-survivor-left", survivor);
        RadioButton keepRight = radio("merge-survivor-right", survivor);
        keepLeft.setSelected(true);
        keepLeft.selectedProperty().addListener((o, a, b) -> vm.leftSurvivesProperty().set(b));
        Label hint = new Label(i18n.get("merge.survivor"));
        grid.addRow(0, hint, keepLeft, keepRight);
        for (MergeField f : MergeField.values()) {
            ToggleGroup g = new ToggleGroup();
            String id = "merge-" + f.name().toLowerCase(Locale.ROOT);
            RadioButton l = radio(id + "-left", g);
            RadioButton r = radio(id + "-right", g);
            var keep = vm.keepLeftProperty(f);
            l.setSelected(keep.get());
            r.setSelected(!keep.get());
            keep.addListener((o, a, b) -> (b ? l : r).setSelected(true));
            l.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    keep.set(true);
                }
            });
            r.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    keep.set(false);
                }
            });
            grid.addRow(1 + f.ordinal(), new Label(i18n.get(FIELD_KEYS[f.ordinal()])), l, r);
        }
        Label leftRecords = wrapped("merge-records-left");
        Label rightRecords = wrapped("merge-records-right");
        grid.addRow(1 + MergeField.values().length, new Label(i18n.get("merge.records")), leftRecords, rightRecords);
        Label notes = new Label(i18n.get("merge.rule"));
        notes.setWrapText(true);
        notes.getStyleClass().add("hint");
        Label error = new Label();
        error.setId("merge-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        VBox content = new VBox(8, grid, notes, error);
        content.setPrefWidth(760);
        getDialogPane().setContent(content);

        Runnable fill = () -> {
            var a = vm.leftProperty().get();
            var b = vm.rightProperty().get();
            keepLeft.setText(a == null ? "" : a.row().name());
            keepRight.setText(b == null ? "" : b.row().name());
            for (MergeField f : MergeField.values()) {
                String id = "#merge-" + f.name().toLowerCase(Locale.ROOT);
                ((RadioButton) grid.lookup(id + "-left")).setText(vm.shown(a, f));
                ((RadioButton) grid.lookup(id + "-right")).setText(vm.shown(b, f));
            }
            leftRecords.setText(vm.records(a));
            rightRecords.setText(vm.records(b));
        };
        vm.leftProperty().addListener((o, x, y) -> fill.run());
        vm.rightProperty().addListener((o, x, y) -> fill.run());
        fill.run();

        ButtonType merge = new ButtonType(i18n.get("merge.apply"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(merge, new ButtonType(i18n.get("action.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        var apply = getDialogPane().lookupButton(merge);
        apply.setId("merge-apply");
        apply.disableProperty().bind(vm.busyProperty().or(vm.rightProperty().isNull()));
        setResultConverter(b -> null);
        apply.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.merge(result -> {
                setResult(null);
                close();
                onMerged.accept(result);
            });
        });
    }

    private static RadioButton radio(String id, ToggleGroup group) {
        RadioButton b = new RadioButton();
        b.setId(id);
        b.setToggleGroup(group);
        b.setWrapText(true);
        b.setMaxWidth(320);
        return b;
    }

    private static Label wrapped(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(320);
        return l;
    }
}
