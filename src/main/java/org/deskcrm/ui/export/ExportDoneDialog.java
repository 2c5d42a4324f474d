package org.deskcrm.ui.export;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.deskcrm.ui.common.I18n;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The confirmation of a finished export: how many rows went to which file (its full path), with Open, Show in
 * folder and Close. It does not block the window: work goes on while it is shown.
 */
final class ExportDoneDialog {
    static final String MESSAGE_ID = "exportDoneMessage";
    static final String OPEN_ID = "exportOpen";
    static final String FOLDER_ID = "exportShowFolder";

    private ExportDoneDialog() {
    }

    /** Shows the confirmation; {@code open} and {@code showInFolder} get the file when their button is pressed. */
    static Dialog<ButtonType> show(Window owner, I18n i18n, String message, Path file, Consumer<Path> open,
                                   Consumer<Path> showInFolder) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initModality(Modality.NONE);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("export.done.title"));
        dialog.setHeaderText(null);
        Label text = new Label(message);
        text.setId(MESSAGE_ID);
        text.setWrapText(true);
        text.setMinWidth(420);
        text.setMaxWidth(640);
        dialog.getDialogPane().setContent(text);
        ButtonType openType = new ButtonType(i18n.get("export.done.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType folderType = new ButtonType(i18n.get("export.done.folder"), ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType(i18n.get("export.done.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(openType, folderType, close);
        dialog.getDialogPane().lookupButton(openType).setId(OPEN_ID);
        dialog.getDialogPane().lookupButton(folderType).setId(FOLDER_ID);
        dialog.setResultConverter(b -> b);
        dialog.setOnHidden(e -> {
            ButtonType chosen = dialog.getResult();
            if (chosen == openType) {
                open.accept(file);
            } else if (chosen == folderType) {
                showInFolder.accept(file);
            }
        });
        dialog.show();
        return dialog;
    }
}
