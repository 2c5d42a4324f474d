package org.deskcrm.ui.export;

import java.nio.file.Path;
import java.util.Optional;

/** Asks where to save a file (.xlsx or .csv); behind an interface so tests answer without a native dialog. */
@FunctionalInterface
public interface SaveFileChooser {
    /** The chosen file, empty when the user cancelled; the dialog opens in {@code folder}. */
    Optional<Path> chooseSaveFile(String title, Path folder, String initialName);
}
