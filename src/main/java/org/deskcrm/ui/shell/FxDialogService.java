package org.deskcrm.ui.shell;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link DialogService} with JavaFX dialogs owned by the main window, in its theme and language. */
public final class FxDialogService implements DialogService {
    private final I18n i18n;
    private final Supplier<Window> owner;

    public FxDialogService(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    private ButtonType ok() {
        return new ButtonType(i18n.get("shell.dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    private ButtonType cancel() {
        return new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private <R> void prepare(Dialog<R> dialog, String title, String message) {
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(message);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            Scene scene = w.getScene();
            if (scene != null) {
                dialog.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
            }
        }
        dialog.getDialogPane().getStyleClass().add("crm-dialog");
    }

    @Override
    public void error(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ok());
        prepare(a, title, message);
        a.showAndWait();
    }

    @Override
    public void info(String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, message, ok());
        prepare(a, title, message);
        a.showAndWait();
    }

    /**
     * An information dialog with a two-column table (e.g. keys and what they do); each line of
     * {@code tabSeparated} is one row, its two cells separated by a tab.
     */
    public Alert table(String title, String tabSeparated) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.getStyleClass().add("dialog-table");
        int row = 0;
        for (String line : tabSeparated.split("\n")) {
            String[] cells = line.split("\t", 2);
            javafx.scene.control.Label key = new javafx.scene.control.Label(cells[0]);
            key.getStyleClass().add("dialog-table-key");
            grid.add(key, 0, row);
            grid.add(new javafx.scene.control.Label(cells.length > 1 ? cells[1] : ""), 1, row);
            row++;
        }
        Alert a = new Alert(Alert.AlertType.NONE, "", ok());
        prepare(a, title, "");
        a.getDialogPane().setContent(grid);
        return a;
    }

    @Override
    public boolean confirm(String title, String message) {
        ButtonType yes = new ButtonType(i18n.get("shell.dialog.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(i18n.get("shell.dialog.no"), ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        prepare(a, title, message);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> options) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        ChoiceDialog<String> d = new ChoiceDialog<>(options.get(0), options);
        d.getDialogPane().getButtonTypes().setAll(ok(), cancel());
        prepare(d, title, message);
        return d.showAndWait().map(options::indexOf).filter(i -> i >= 0);
    }

    @Override
    public Optional<String> prompt(String title, String message, String initial) {
        TextInputDialog d = new TextInputDialog(initial == null ? "" : initial);
        d.getDialogPane().getButtonTypes().setAll(ok(), cancel());
        prepare(d, title, message);
        return d.showAndWait();
    }
}
