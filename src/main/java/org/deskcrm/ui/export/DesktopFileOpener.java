package org.deskcrm.ui.export;

import org.deskcrm.model.common.AppException;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** The desktop's own applications through {@link Desktop} (what double-clicking the file would do). */
public final class DesktopFileOpener implements FileOpener {
    @Override
    public void open(Path file) {
        Desktop d = desktop(Desktop.Action.OPEN, file);
        try {
            d.open(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new AppException("export.open.failed", e, file.toAbsolutePath().toString());
        }
    }

    @Override
    public void showInFolder(Path file) {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE_FILE_DIR)) {
            try {
                Desktop.getDesktop().browseFileDirectory(file.toFile());
                return;
            } catch (RuntimeException e) {
                // some desktops announce it and still refuse: open the folder instead
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        Desktop d = desktop(Desktop.Action.OPEN, file);
        try {
            d.open(folder.toFile());
        } catch (IOException | RuntimeException e) {
            throw new AppException("export.open.failed", e, file.toAbsolutePath().toString());
        }
    }

    private static Desktop desktop(Desktop.Action action, Path file) {
        boolean supported;
        try {
            supported = !java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(action);
        } catch (RuntimeException | Error e) {
            supported = false;
        }
        if (!supported) {
            throw new AppException("export.open.unsupported", file.toAbsolutePath().toString());
        }
        return Desktop.getDesktop();
    }
}
