package org.deskcrm.ui.shell;

import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Per-user, per-machine window settings (theme, language, window size), kept in
 * {@link Preferences} rather than the shared database: two people on one database keep their own.
 */
public final class ShellPreferences {
    private static final String THEME = "theme";
    private static final String LANGUAGE = "language";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private final Preferences node;

    public ShellPreferences(Preferences node) {
        this.node = node;
    }

    /** The current user's settings of this application ({@code -Ddeskcrm.prefsNode} moves them, for tests). */
    public static ShellPreferences forCurrentUser() {
        return new ShellPreferences(Preferences.userRoot().node(System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell")));
    }

    public Theme theme() {
        return Theme.ofCode(node.get(THEME, null)).orElse(Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        node.put(THEME, theme.code());
        flush();
    }

    /** The language chosen in the window (a language tag such as "ru"), if any. */
    public Optional<String> language() {
        return Optional.ofNullable(node.get(LANGUAGE, null)).filter(s -> !s.isBlank());
    }

    public void setLanguage(String tag) {
        node.put(LANGUAGE, tag);
        flush();
    }

    public double width(double fallback) {
        return node.getDouble(WIDTH, fallback);
    }

    public double height(double fallback) {
        return node.getDouble(HEIGHT, fallback);
    }

    /**
     * The remembered window size fitted to a screen's visible area (a size remembered on a larger screen
     * must not put the status bar or the menu off this one): {width, height}, each no larger than the
     * screen's and no smaller than the window's minimum (unless the screen itself is smaller).
     */
    public double[] fittedSize(double fallbackWidth, double fallbackHeight, double screenWidth, double screenHeight,
                               double minWidth, double minHeight) {
        double w = Math.max(Math.min(width(fallbackWidth), screenWidth), Math.min(minWidth, screenWidth));
        double h = Math.max(Math.min(height(fallbackHeight), screenHeight), Math.min(minHeight, screenHeight));
        return new double[] {w, h};
    }

    public boolean maximized() {
        return node.getBoolean(MAXIMIZED, false);
    }

    public void setWindow(double width, double height, boolean maximized) {
        node.putDouble(WIDTH, width);
        node.putDouble(HEIGHT, height);
        node.putBoolean(MAXIMIZED, maximized);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (java.util.prefs.BackingStoreException | SecurityException e) {
            // preferences are a convenience: the window works without them being written
        }
    }
}
