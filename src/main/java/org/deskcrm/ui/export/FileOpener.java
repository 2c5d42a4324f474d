package org.deskcrm.ui.export;

import java.nio.file.Path;

/**
 * Opens an exported file in the desktop's application, or its folder in the file manager. Behind an
 * interface so that tests never launch anything; called off the FX thread (the desktop may be slow to answer).
 */
public interface FileOpener {
    /** Opens the file; throws a localized {@code AppException} when this desktop cannot open files. */
    void open(Path file);

    /** Shows the file in its folder (or opens the folder); the same error when the desktop cannot. */
    void showInFolder(Path file);
}
