package org.deskcrm.ui.shell;

import java.util.Locale;

/** The sections of the navigation sidebar; each opens one tab ({@code nav:<code>}). */
public enum NavItem {
    HOME(Icons.HOME),
    CLIENTS(Icons.CLIENTS),
    DEALS(Icons.DEALS),
    CALLS(Icons.CALLS),
    TASKS(Icons.TASKS),
    REPORTS(Icons.REPORTS),
    CONTROL(Icons.CONTROL),
    SETTINGS(Icons.SETTINGS);

    private final String icon;

    NavItem(String icon) {
        this.icon = icon;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String icon() {
        return icon;
    }

    /** The key of the section's tab. */
    public String tabKey() {
        return "nav:" + code();
    }

    public String titleKey() {
        return "shell.nav." + code();
    }

    /** One sentence about what the section is for (its empty state). */
    public String hintKey() {
        return "shell.nav." + code() + ".hint";
    }
}
