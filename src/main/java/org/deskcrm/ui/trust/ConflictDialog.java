package org.deskcrm.ui.trust;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.ConflictField;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolution.Side;
import org.deskcrm.ui.common.ConflictResolver;
import org.deskcrm.ui.common.I18n;

import java.util.List;
import java.util.Optional;

/**
 * The conflict dialog: one row per field that differs, with my value, theirs, a choice between them
 * and (for text fields) the text to save, which can be edited to merge by hand. Buttons: keep mine
 * (overwrite knowingly), take theirs, save the merge, or close (nothing changes, the form keeps
 * what was typed).
 */
public final class ConflictDialog implements ConflictResolver {
    private final I18n i18n;
    private final Node owner;

    public ConflictDialog(I18n i18n, Node owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    @Override
    public Optional<ConflictResolution> resolve(String title, String message, List<ConflictField> fields) {
        ConflictDialogModel model = new ConflictDialogModel(fields);
        Dialog<ConflictResolution> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(message);
        dialog.setResizable(true);
        if (owner != null && owner.getScene() != null && owner.getScene().getWindow() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        ButtonType keepMine = new ButtonType(i18n.get("conflict.keepMine"), ButtonBar.ButtonData.LEFT);
        ButtonType takeTheirs = new ButtonType(i18n.get("conflict.takeTheirs"), ButtonBar.ButtonData.LEFT);
        ButtonType merge = new ButtonType(i18n.get("conflict.merge"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(keepMine, takeTheirs, merge, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(keepMine).setId("conflict-keep-mine");
        dialog.getDialogPane().lookupButton(takeTheirs).setId("conflict-take-theirs");
        dialog.getDialogPane().lookupButton(merge).setId("conflict-merge");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("conflict-cancel");
        dialog.getDialogPane().setId("conflict-dialog");
        dialog.getDialogPane().setContent(content(model));
        dialog.getDialogPane().setPrefSize(820, Math.min(640, 200 + 90 * model.rows().size()));
        dialog.setResultConverter(b -> b == keepMine ? ConflictResolution.of(ConflictResolution.Kind.KEEP_MINE)
                : b == takeTheirs ? ConflictResolution.of(ConflictResolution.Kind.TAKE_THEIRS)
                : b == merge ? model.merged() : null);
        return dialog.showAndWait();
    }

    private Node content(ConflictDialogModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        ColumnConstraints label = new ColumnConstraints(120);
        ColumnConstraints side = new ColumnConstraints(150, 200, Double.MAX_VALUE);
        side.setHgrow(Priority.ALWAYS);
        ColumnConstraints result = new ColumnConstraints(160, 220, Double.MAX_VALUE);
        result.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, side, side, result);
        grid.addRow(0, header("conflict.field"), header("conflict.mine"), header("conflict.theirs"), header("conflict.result"));
        int r = 1;
        for (ConflictDialogModel.Row row : model.rows()) {
            ConflictField f = row.field();
            ToggleGroup group = new ToggleGroup();
            RadioButton mine = choice(f.mine(), group, "conflict-mine-" + f.key());
            RadioButton theirs = choice(f.theirs(), group, "conflict-theirs-" + f.key());
            mine.setSelected(true);
            group.selectedToggleProperty().addListener((o, a, t) ->
                    row.sideProperty().set(t == theirs ? Side.THEIRS : Side.MINE));
            row.sideProperty().addListener((o, a, s) -> (s == Side.THEIRS ? theirs : mine).setSelected(true));
            Node resultNode;
            if (f.editable()) {
                TextArea text = new TextArea();
                text.setId("conflict-result-" + f.key());
                text.setWrapText(true);
                text.setPrefRowCount(2);
                text.textProperty().bindBidirectional(row.resultProperty());
                resultNode = text;
            } else {
                Label text = new Label();
                text.setWrapText(true);
                text.textProperty().bind(row.resultProperty());
                resultNode = text;
            }
            Label name = new Label(f.label());
            name.setWrapText(true);
            grid.addRow(r++, name, mine, theirs, resultNode);
        }
        Label hint = new Label(i18n.get("conflict.hint"));
        hint.setWrapText(true);
        VBox box = new VBox(8, hint, grid);
        box.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Label header(String key) {
        Label l = new Label(i18n.get(key));
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private RadioButton choice(String text, ToggleGroup group, String id) {
        RadioButton b = new RadioButton(text.isEmpty() ? i18n.get("conflict.empty") : text);
        b.setId(id);
        b.setWrapText(true);
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }
}
