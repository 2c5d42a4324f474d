package org.deskcrm.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The folder exports are offered in, per person: the folder of the last export, else the person's Documents
 * folder (the home folder when there is none), never the application's working folder. Kept in this
 * desktop's {@link Preferences} under the user id (only a folder path: nothing secret).
 */
public final class ExportFolder {
    private final Preferences node;
    private final Supplier<Long> user;
    private final Path documents;
    private final Path home;

    /**
     * @param documents the person's Documents folder (it may not exist)
     * @param home      the home folder, offered when there is no Documents folder
     */
    public ExportFolder(Preferences node, Supplier<Long> user, Path documents, Path home) {
        this.node = node;
        this.user = user;
        this.documents = documents;
        this.home = home;
    }

    /** The computer's folders for the signed-in person, beside the window's own preferences ({@code deskcrm.prefsNode}). */
    public static ExportFolder forCurrentUser(Supplier<Long> user) {
        Path home = Path.of(System.getProperty("user.home"));
        return new ExportFolder(Preferences.userRoot().node(System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell"))
                .node("export-folders"), user, home.resolve("Documents"), home);
    }

    /** Where to offer the next export: the last folder chosen while it exists, else Documents, else home. */
    public Path folder() {
        Long id = user.get();
        String last = id == null ? null : node.get(id.toString(), null);
        if (last != null) {
            try {
                Path p = Path.of(last);
                if (Files.isDirectory(p)) {
                    return p;
                }
            } catch (java.nio.file.InvalidPathException ignored) {
                // a path of another computer: start from Documents again
            }
        }
        return Files.isDirectory(documents) ? documents : home;
    }

    /** Remembers the folder of a file just exported. */
    public void remember(Path file) {
        Long id = user.get();
        Path folder = file.toAbsolutePath().getParent();
        if (id == null || folder == null) {
            return;
        }
        node.put(id.toString(), folder.toString());
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // a convenience: the export itself is done
        }
    }
}
