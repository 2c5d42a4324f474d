package org.deskcrm;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's data folder: {@code DESKCRM_HOME} or {@code -Ddeskcrm.home} when set; otherwise
 * %APPDATA%\DeskCRM on Windows, ~/Library/Application Support/DeskCRM on macOS and
 * $XDG_DATA_HOME/deskcrm (~/.local/share/deskcrm) elsewhere.
 */
public final class AppPaths {
    private AppPaths() {
    }

    public static Path dataDir() {
        return dataDir(System.getProperties().getProperty("deskcrm.home"), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path dataDir(String property, Map<String, String> env, String osName, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String override = env.get("DESKCRM_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "DeskCRM") : Path.of(userHome, "AppData", "Roaming", "DeskCRM");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "DeskCRM");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "deskcrm") : Path.of(userHome, ".local", "share", "deskcrm");
    }
}
