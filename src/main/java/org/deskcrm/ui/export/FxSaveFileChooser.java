package org.deskcrm.ui.export;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The native save dialog offering Excel (.xlsx) and CSV, opening in the folder it is given (the person's
 * export folder). A name typed without an extension gets the one of the chosen file type.
 */
public final class FxSaveFileChooser implements SaveFileChooser {
    private final Supplier<Window> owner;

    public FxSaveFileChooser(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path folder, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        FileChooser.ExtensionFilter excel = new FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx");
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv");
        chooser.getExtensionFilters().addAll(excel, csv);
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        String name = file.getName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
            file = new File(file.getParentFile(), file.getName() + (chooser.getSelectedExtensionFilter() == csv ? ".csv" : ".xlsx"));
        }
        return Optional.of(file.toPath());
    }
}
